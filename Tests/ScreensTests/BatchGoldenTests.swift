import Domain
import Screens
import TerminalUI
import Testing

/// The batch screen against goldens: the preview, a job's progress and results, the jobs list.
@Suite struct BatchGoldenTests {
  @Test(arguments: GoldenScreenTests.cases)
  func preview(language: Language, size: Size) throws {
    var (state, _) = BatchTests.tagged(language, size: size)
    state.press(.function(6), .character("1"), .enter)
    state.send(.batchPreviewed(SampleBatch.pricePreview))
    try Golden.check(state.rendered, GoldenScreenTests.name("batch-preview", language, size))
  }

  @Test(arguments: GoldenScreenTests.cases)
  func progress(language: Language, size: Size) throws {
    let state = BatchTests.running(language, size: size)
    try Golden.check(state.rendered, GoldenScreenTests.name("batch-progress", language, size))
  }

  @Test(arguments: GoldenScreenTests.cases)
  func jobs(language: Language, size: Size) throws {
    var state = BatchTests.running(language, size: size)
    state.press(.character("j"))
    state.send(.batchJobsLoaded(SampleBatch.jobs))
    try Golden.check(state.rendered, GoldenScreenTests.name("batch-jobs", language, size))
  }

  @Test(arguments: GoldenScreenTests.cases)
  func setup(language: Language, size: Size) throws {
    var (state, _) = BatchTests.tagged(language, size: size)
    state.press(.function(6), .character("5"))
    try Golden.check(state.rendered, GoldenScreenTests.name("batch-setup", language, size))
  }
}

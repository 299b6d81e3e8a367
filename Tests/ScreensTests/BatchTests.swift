import Domain
import Foundation
import Screens
import TerminalUI
import Testing

/// The batch operations screen (F6, 批量操作): target, preview, confirmation and approval, live progress,
/// the status line, retry, export and the jobs list.
@Suite struct BatchTests {
  /// The console on the grid with the first three meters tagged.
  static func tagged(_ language: Language = .en, role: Role = .electrician, size: Size = SampleSite.large)
    -> (AppState, [String])
  {
    var state = SampleSite.app(language: language, size: size, role: role)
    state.press(.character(" "), .character(" "), .character(" "))
    return (state, state.grid.tagged.sorted())
  }

  /// The batch screen showing job 42 with its progress and results.
  static func running(_ language: Language = .en, size: Size = SampleSite.large) -> AppState {
    var (state, _) = tagged(language, role: .supervisor, size: size)
    state.press(.function(6), .character("1"), .enter)
    state.send(.batchPreviewed(SampleBatch.pricePreview))
    state.press(.enter, .character("y"))
    state.send(
      .batchStarted(42), .batchProgress(SampleBatch.progress), .batchResults(job: 42, SampleBatch.results))
    return state
  }

  @Test("F6 from the grid with 3 tagged meters previews a trip of those meters")
  func f6PreviewsTaggedTrip() {
    var (state, tags) = Self.tagged()
    #expect(tags.count == 3)
    #expect(AppView.fKeyBar(state).items.contains { $0.key == 6 && $0.enabled })
    #expect(state.press(.function(6)).isEmpty)
    #expect(state.screen == .batch)
    #expect(state.batch?.targetKind == .tagged)
    #expect(state.rendered.find("Tagged") != nil)
    #expect(state.press(.character("5")).isEmpty)
    #expect(state.press(.enter) == [.previewBatch(.trip, .tagged(tags))])
    #expect(state.rendered.find("Preparing the preview…") != nil)
  }

  @Test("F6 is only for roles with remote control or settings download; it aims at the filter without tags")
  func rolesAndFilteredTarget() {
    var cashier = SampleSite.app(language: .en, size: SampleSite.small, role: .cashier)
    #expect(!AppView.fKeyBar(cashier).items.contains { $0.key == 6 })
    #expect(!HelpScreen.entries(for: .grid, role: .cashier).contains { $0.keys == "F6" })
    #expect(HelpScreen.entries(for: .grid, role: .supervisor).contains { $0.keys == "F6" })
    #expect(cashier.press(.function(6)).isEmpty)
    #expect(cashier.screen == .grid)

    var state = SampleSite.app(language: .en, size: SampleSite.large, role: .supervisor)
    state.press(.function(6))
    #expect(state.batch?.targetKind == nil, "no tags and no filter: no target")
    #expect(state.press(.enter).isEmpty)
    #expect(state.rendered.find("Choose a target first (↑↓)") != nil)
    state.press(.escape)
    #expect(state.screen == .grid)
    // F4 → offline only.
    state.press(.function(4))
    for _ in 0..<5 { state.press(.down) }
    state.press(.enter)
    state.press(.function(6))
    #expect(state.batch?.targetKind == .filtered)
    #expect(state.press(.enter) == [.previewBatch(.price, .filtered(["202401000006", "202401000012"]))])
  }

  @Test("the target switches to one bus, one building or all; ←→ picks the bus")
  func switchTargets() {
    var (state, _) = Self.tagged()
    state.press(.function(6), .tab)
    state.press(.down, .down)
    #expect(state.batch?.targetKind == .bus)
    state.press(.right)
    #expect(state.press(.enter) == [.previewBatch(.price, .bus("B02"))])
    state.press(.escape, .down, .right)
    #expect(state.press(.enter) == [.previewBatch(.price, .building("B"))])
    state.press(.escape, .down)
    #expect(state.press(.enter) == [.previewBatch(.price, .all)])
  }

  @Test("a trip that needs approval: confirm, approval dialog, start with the approval")
  func tripWithApproval() {
    var (state, tags) = Self.tagged()
    state.press(.function(6), .character("5"), .enter)
    state.send(.batchPreviewed(SampleBatch.tripPreview))
    var buffer = state.rendered
    #expect(buffer.find("Trip goes to 2 meters") != nil)
    #expect(buffer.find("保电中，先恢复预付费") != nil)
    #expect(buffer.find("继电器 断开（拉闸）") != nil)
    #expect(buffer.find("A supervisor must approve") != nil)
    #expect(state.press(.enter).isEmpty)
    buffer = state.rendered
    #expect(buffer.find("Run the batch operation") != nil)
    #expect(buffer.find("A trip cuts the tenants' power") != nil)
    #expect(state.press(.character("y")).isEmpty)
    #expect(state.batch?.acceptsText == true)
    #expect(state.rendered.find("Supervisor approval") != nil)
    state.type("wang")
    state.press(.tab)
    state.type("pw?1")
    #expect(state.overlay == nil, "? is text in the approval dialog")
    #expect(
      state.press(.enter) == [
        .startBatch(.trip, .tagged(tags), approval: SaleApproval(name: "wang", password: "pw?1"))
      ])
    #expect(state.press(.escape).isEmpty, "Esc waits while the job starts")
    #expect(state.screen == .batch)
    state.send(.batchRefused("主管密码错误"))
    #expect(state.rendered.find("Refused: 主管密码错误") != nil)
  }

  @Test("a preview without approval starts at once; Esc in the approval dialog refuses")
  func startWithoutApproval() {
    var (state, tags) = Self.tagged(role: .supervisor)
    state.press(.function(6), .character("1"), .enter)
    state.send(.batchPreviewed(SampleBatch.pricePreview))
    #expect(state.rendered.find("峰 1.1000 元/kWh") != nil)
    state.press(.enter)
    #expect(state.press(.character("y")) == [.startBatch(.price, .tagged(tags), approval: nil)])

    var (other, _) = Self.tagged()
    other.press(.function(6), .character("5"), .enter)
    other.send(.batchPreviewed(SampleBatch.tripPreview))
    other.press(.enter, .character("y"), .escape)
    #expect(other.rendered.find("Cancelled: no supervisor approval") != nil)
    #expect(other.press(.escape).isEmpty)
    #expect(other.batch?.phase == .setup)
  }

  @Test("progress and results show live; Esc leaves while the status line keeps the job until it finishes")
  func progressInStatusLine() {
    var state = Self.running()
    #expect(state.batch?.shownJob == 42)
    let buffer = state.rendered
    #expect(buffer.find("Job #42 · Price download") != nil)
    #expect(buffer.find("Working on 202401000009 · about 1m left") != nil)
    #expect(buffer.find("超时 1000 ms") != nil)
    #expect(buffer.find("Batch Price download 9/12 failed 2") != nil)
    #expect(state.press(.escape).isEmpty)
    #expect(state.screen == .grid)
    #expect(state.batch == nil)
    var later = SampleBatch.progress
    later.done = 7
    state.send(.batchProgress(later))
    #expect(state.rendered.find("Batch Price download 10/12 failed 2") != nil)
    state.press(.function(8))
    #expect(state.rendered.find("Batch Price download 10/12") != nil, "on every screen")
    later.done = 9
    later.finished = true
    state.send(.batchProgress(later))
    #expect(state.rendered.find("Batch Price download") == nil)
  }

  @Test("f retries the failed meters once the job has finished; e exports; j lists the jobs")
  func retryExportAndJobs() {
    var state = Self.running()
    #expect(state.press(.character("f")).isEmpty)
    #expect(state.rendered.find("Retry the failed meters once the job has finished") != nil)
    var done = SampleBatch.progress
    done.done = 9
    done.finished = true
    #expect(state.send(.batchProgress(done)) == [.loadBatchJob(42)], "the final results are loaded")
    #expect(state.press(.character("f")) == [.retryBatchFailed(42)])
    #expect(state.send(.batchStarted(43)) == [.loadBatchJob(43)])
    #expect(state.batch?.shownJob == 43)
    #expect(state.press(.character("e")) == [.exportBatchResults(43)])
    state.send(.batchExported(path: "/srv/meterdesk/batch-43.csv", error: nil))
    #expect(state.rendered.find("Results written to /srv/meterdesk/batch-43.csv") != nil)
    #expect(state.press(.character("j")) == [.loadBatchJobs])
    state.send(.batchJobsLoaded(SampleBatch.jobs))
    let buffer = state.rendered
    #expect(buffer.find("王主管") != nil)
    #expect(buffer.find("Batch jobs · 3") != nil)
    state.press(.down)
    #expect(state.press(.enter) == [.loadBatchJob(41)])
    #expect(state.batch?.shownJob == 41)
    #expect(state.press(.character("f")).isEmpty)
    #expect(state.rendered.find("No meter failed") != nil)
  }
}

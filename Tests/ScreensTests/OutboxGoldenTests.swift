import Domain
import Screens
import TerminalUI
import Testing

/// The undelivered-sales screen against goldens: a conflict after its fresh read, and the approval dialog.
@Suite struct OutboxGoldenTests {
  @Test(arguments: GoldenScreenTests.cases)
  func conflictRead(language: Language, size: Size) throws {
    var state = OutboxTests.open(language, role: .supervisor, size: size)
    OutboxTests.select(1003, &state)
    state.press(.character("r"))
    state.send(.outboxMeterRead(bill: 1003, read: SampleOutbox.freshRead, error: nil))
    try Golden.check(state.rendered, GoldenScreenTests.name("outbox", language, size))
  }

  @Test(arguments: GoldenScreenTests.cases)
  func approval(language: Language, size: Size) throws {
    var state = OutboxTests.open(language, role: .cashier, size: size)
    OutboxTests.select(1007, &state)
    state.press(.character("x"), .character("y"))
    state.type("wang")
    try Golden.check(state.rendered, GoldenScreenTests.name("outbox-approval", language, size))
  }

  @Test(arguments: GoldenScreenTests.cases)
  func empty(language: Language, size: Size) throws {
    var state = OutboxTests.open(language, role: .cashier, size: size)
    state.send(.outboxLoaded([]))
    try Golden.check(state.rendered, GoldenScreenTests.name("outbox-empty", language, size))
  }
}

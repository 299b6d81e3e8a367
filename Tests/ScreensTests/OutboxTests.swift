import Domain
import Foundation
import Screens
import TerminalUI
import Testing

/// The undelivered-sales screen (待下发 / 异常售电): entering, the table, fresh reads and resolutions.
@Suite struct OutboxTests {
  /// The console with the outbox screen open for `role` and the sample entries loaded.
  static func open(_ language: Language = .en, role: Role = .supervisor, size: Size = SampleSite.large)
    -> AppState
  {
    var state = SampleSite.app(language: language, size: size, role: role)
    state.press(.function(9))
    state.send(.outboxLoaded(SampleOutbox.rows))
    return state
  }

  /// Moves the selection to `bill`.
  static func select(_ bill: Int64, _ state: inout AppState) {
    state.press(.home)
    for _ in 0..<10 where state.outbox?.selectedRow?.bill != bill { state.press(.down) }
  }

  @Test("F9 on the grid opens the screen and loads the outbox; Esc goes back to the grid")
  func entersAndLeaves() {
    var state = SampleSite.app(language: .en, size: SampleSite.small, role: .cashier)
    #expect(AppView.fKeyBar(state).items.contains { $0.key == 9 && $0.enabled })
    #expect(state.press(.function(9)) == [.loadOutbox])
    #expect(state.screen == .outbox)
    #expect(state.rendered.find("Loading undelivered sales…") != nil)
    #expect(state.press(.escape).isEmpty)
    #expect(state.screen == .grid)
    #expect(state.outbox == nil)
  }

  @Test("an electrician has no outbox: F9 is not on the bar and does nothing")
  func electrician() {
    var state = SampleSite.app(language: .en, size: SampleSite.small, role: .electrician)
    #expect(!AppView.fKeyBar(state).items.contains { $0.key == 9 })
    #expect(state.press(.function(9)).isEmpty)
    #expect(state.screen == .grid)
  }

  @Test("rows are sorted by bill with kind, signed amount, state, attempts and age; empty says so")
  func table() {
    var state = Self.open()
    #expect(state.outbox?.rows.map(\.bill) == [1003, 1007, 1009, 1011])
    let buffer = state.rendered
    let lines = buffer.lines()
    let first = buffer.row(containing: "1003") ?? -1
    let second = buffer.row(containing: "1007") ?? -1
    #expect(first >= 0 && first < second)
    #expect(lines[second].contains("Refund") && lines[second].contains("-50.00"))
    #expect(lines[second].contains("Failed") && lines[second].contains("1h"))
    #expect(lines[first].contains("Conflict") && lines[first].contains("3m"))
    #expect(buffer.find("4 waiting · 1 conflict · 1 failed") != nil)
    state.send(.outboxLoaded([]))
    #expect(state.rendered.find("Nothing waiting: every sale, refund and reversal is delivered") != nil)
  }

  @Test("on a conflict, landed and void are refused before a fresh read and allowed after it")
  func conflictNeedsFreshRead() {
    var state = Self.open()
    Self.select(1003, &state)
    #expect(state.press(.character("l")).isEmpty)
    #expect(state.outbox?.phase == .list)
    #expect(state.outbox?.problem == .needsFreshRead)
    #expect(state.rendered.find("Read the meter first (r)") != nil)
    #expect(state.press(.character("x")).isEmpty)
    #expect(state.outbox?.phase == .list)
    #expect(state.press(.character("r")) == [.readOutboxMeter(bill: 1003, meter: "202401000003")])
    #expect(state.rendered.find("Reading meter 202401000003…") != nil)
    state.send(.outboxMeterRead(bill: 1003, read: SampleOutbox.freshRead, error: nil))
    let line = state.rendered.lines()[state.rendered.row(containing: "202401000003") ?? 0]
    #expect(line.contains("5/6") && line.contains("225.00"), "expected count next to the meter's")
    state.press(.character("l"))
    #expect(state.outbox?.phase == .confirming(.landed, selected: 1))
    #expect(state.rendered.find("Bill 1003 (Sale ¥200.00) is on meter 202401000003") != nil)
    #expect(state.press(.enter).isEmpty, "Cancel is the default")
    #expect(state.outbox?.phase == .list)
    state.press(.character("l"))
    #expect(state.press(.character("y")) == [.resolveOutbox(bill: 1003, .landed, approval: nil)])
    #expect(state.send(.outboxResolved(bill: 1003, error: nil)) == [.loadOutbox])
    #expect(state.rendered.find("Bill 1003 marked delivered") != nil)
  }

  @Test("a failed read is shown and resolution stays refused")
  func readFails() {
    var state = Self.open()
    Self.select(1003, &state)
    state.press(.character("r"))
    state.send(.outboxMeterRead(bill: 1003, read: nil, error: "timeout"))
    #expect(state.rendered.find("Reading meter 202401000003 failed: timeout") != nil)
    state.press(.character("l"))
    #expect(state.outbox?.problem == .needsFreshRead)
  }

  @Test("a cashier's resolution opens the supervisor approval dialog; the approval goes with the effect")
  func cashierNeedsApproval() {
    var state = Self.open(role: .cashier)
    Self.select(1007, &state)
    state.press(.character("t"))
    #expect(state.rendered.find("A supervisor must approve") != nil)
    #expect(state.press(.character("y")).isEmpty)
    #expect(state.outbox?.phase == .approving(.retry))
    #expect(state.rendered.find("Supervisor approval") != nil)
    state.type("wang")
    state.press(.tab)
    state.type("s3cret")
    #expect(state.rendered.find("s3cret") == nil)
    let effects = state.press(.enter)
    #expect(
      effects == [
        .resolveOutbox(bill: 1007, .retry, approval: SaleApproval(name: "wang", password: "s3cret"))
      ])
    #expect(
      state.send(.outboxResolved(bill: 1007, error: "Supervisor name or password wrong")) == [.loadOutbox])
    #expect(state.rendered.find("Bill 1007 not resolved: Supervisor name or password wrong") != nil)
  }

  @Test("Esc in the approval dialog refuses; ? is typed into the name, not the help")
  func approvalCancelled() {
    var state = Self.open(role: .cashier)
    Self.select(1007, &state)
    state.press(.character("x"), .character("y"))
    state.type("?")
    #expect(state.overlay == nil)
    state.press(.escape)
    #expect(state.screen == .outbox)
    #expect(state.outbox?.phase == .list)
    #expect(state.rendered.find("Not approved; nothing was changed") != nil)
    state.press(.escape)
    #expect(state.screen == .grid)
  }

  @Test("keys refused on rows they do not fit, with the reason")
  func refusals() {
    var state = Self.open()
    Self.select(1011, &state)
    for (key, text) in [
      ("r", "Only a conflict needs a meter read"), ("l", "Only a conflict can be marked landed"),
      ("x", "Only a failed or conflicting bill can be voided"),
      ("t", "Only a failed bill can be tried again"),
    ] {
      #expect(state.press(.character(Character(key))).isEmpty)
      #expect(state.outbox?.phase == .list)
      #expect(state.rendered.find(text) != nil, "\(key)")
    }
  }

  @Test("void on a failed sale tells the tenant gets the money back; a bill gone meanwhile is refused")
  func voidAndGone() {
    var state = Self.open()
    Self.select(1003, &state)
    state.press(.character("r"))
    state.send(.outboxMeterRead(bill: 1003, read: SampleOutbox.freshRead, error: nil))
    state.press(.character("x"))
    #expect(state.rendered.find("the tenant gets ¥200.00 back") != nil)
    state.send(.outboxLoaded(SampleOutbox.rows.filter { $0.bill != 1003 }))
    #expect(state.press(.character("y")).isEmpty)
    #expect(state.rendered.find("Bill 1003 is no longer waiting") != nil)
  }

  @Test("reloads keep the selected bill; F5 reloads; the bar and help show only this screen's keys")
  func reloadsAndKeys() {
    var state = Self.open()
    Self.select(1009, &state)
    state.send(.outboxLoaded(SampleOutbox.rows.filter { $0.bill != 1003 }))
    #expect(state.outbox?.selectedRow?.bill == 1009)
    #expect(state.press(.function(5)) == [.loadOutbox])
    #expect(AppView.fKeyBar(state).items.map(\.key) == [1, 3, 4, 5, 7, 11, 12, 10])
    state.press(.function(1))
    #expect(state.rendered.find("Read a conflict's meter to check its purchase count") != nil)
  }

  @Test("both languages render the conflict with its fresh read", arguments: [Language.zh, .en])
  func languages(language: Language) {
    var state = Self.open(language)
    Self.select(1003, &state)
    state.press(.character("r"))
    state.send(.outboxMeterRead(bill: 1003, read: SampleOutbox.freshRead, error: nil))
    let text = language == .zh ? "电表读数：购电次数 6（应为 5）" : "Meter read: count 6 (expected 5)"
    #expect(state.rendered.find(text) != nil)
  }

  @Test("meters flagged after a restore are named on the summary line with meter and ledger counts")
  func restoreFlags() {
    var state = Self.open()
    state.send(.restoreFlagsLoaded([RestoreFlagRow(meter: "202411006138", expectedCount: 4, meterCount: 5)]))
    #expect(state.rendered.find("Ahead of the restored ledger (meter>ledger): 202411006138 5>4") != nil)
  }
}

import Domain
import Foundation
import TerminalUI

/// The undelivered-sales screen (待下发 / 异常售电): every sale, refund or reversal not yet on its meter,
/// why and since when; a supervisor reads a conflicting meter and marks the bill landed or voids it, and
/// voids or requeues a failed one.
public enum OutboxScreen {
  /// Applies `action` to `state`; `r` returns `.readOutboxMeter`, a confirmed resolution `.resolveOutbox`,
  /// a resolution's outcome `.loadOutbox`.
  public static func update(_ state: inout OutboxState, _ action: OutboxAction) -> [Effect] {
    switch action {
    case .keyPressed(let key):
      return handle(key, &state)
    case .outboxLoaded(let rows):
      load(rows, &state)
    case .meterRead(let bill, let read, let error):
      state.reading.remove(bill)
      let meter = state.rows.first { $0.bill == bill }?.meter ?? ""
      if let read {
        state.freshReads[bill] = read
        state.notice = .read(meter: meter)
      } else {
        state.problem = .readFailed(meter: meter, reason: error ?? "")
        state.notice = nil
      }
    case .resolved(let bill, let error):
      guard case .submitting(let resolution) = state.phase, state.pendingBill == bill else { return [] }
      state.phase = .list
      state.pendingBill = nil
      if let error {
        state.problem = .refused(bill: bill, reason: error)
        state.notice = nil
      } else {
        state.problem = nil
        state.notice = .resolved(bill: bill, resolution)
        state.freshReads[bill] = nil
      }
      return [.loadOutbox]
    case .mouse(let x, let y, let button):
      mouse(x: x, y: y, button: button, &state)
    case .resized(let size):
      state.size = size
      state.table.select(state.table.selected, rowCount: state.rows.count, visible: state.visibleRows)
    case .restoreFlagsLoaded(let flags):
      state.restoreFlags = flags
    }
    return []
  }

  /// Replaces the rows (sorted by bill), keeping the selected bill and the fresh reads of rows still in conflict.
  private static func load(_ rows: [OutboxEntryRow], _ state: inout OutboxState) {
    let selectedBill = state.selectedRow?.bill
    let sorted = rows.sorted { $0.bill < $1.bill }
    let conflicts = Set(sorted.filter { $0.state == .conflict }.map(\.bill))
    state.freshReads = state.freshReads.filter { conflicts.contains($0.key) }
    state.rows = sorted
    state.loaded = true
    let index = sorted.firstIndex { $0.bill == selectedBill } ?? state.table.selected
    state.table.select(index, rowCount: sorted.count, visible: state.visibleRows)
  }

  private static func handle(_ key: Key, _ state: inout OutboxState) -> [Effect] {
    switch state.phase {
    case .list: return list(key, &state)
    case .confirming(let resolution, let selected):
      return confirming(key, resolution, selected: selected, &state)
    case .approving(let resolution): return approving(key, resolution, &state)
    case .submitting: return []
    }
  }

  private static func list(_ key: Key, _ state: inout OutboxState) -> [Effect] {
    let count = state.rows.count
    let visible = state.visibleRows
    switch key {
    case .up: state.table.move(by: -1, rowCount: count, visible: visible)
    case .down: state.table.move(by: 1, rowCount: count, visible: visible)
    case .pageUp: state.table.move(by: -visible, rowCount: count, visible: visible)
    case .pageDown: state.table.move(by: visible, rowCount: count, visible: visible)
    case .home: state.table.select(0, rowCount: count, visible: visible)
    case .end: state.table.select(count - 1, rowCount: count, visible: visible)
    case .function(5):
      state.problem = nil
      state.notice = nil
      return [.loadOutbox]
    case .character("r"), .character("R"):
      return readMeter(&state)
    case .character("l"), .character("L"):
      ask(.landed, &state)
    case .character("x"), .character("X"):
      ask(.void, &state)
    case .character("t"), .character("T"):
      ask(.retry, &state)
    default:
      return []
    }
    return []
  }

  /// `r` on a conflict: asks the runtime for a fresh read of its meter.
  private static func readMeter(_ state: inout OutboxState) -> [Effect] {
    guard let row = state.selectedRow else { return [] }
    guard row.state == .conflict else {
      state.problem = .readOnlyConflicts
      return []
    }
    state.problem = nil
    guard !state.reading.contains(row.bill) else { return [] }
    state.reading.insert(row.bill)
    state.notice = .reading(meter: row.meter)
    return [.readOutboxMeter(bill: row.bill, meter: row.meter)]
  }

  /// `l`, `x` or `t`: opens the confirmation when the selected row allows `resolution`, else says why not.
  private static func ask(_ resolution: OutboxResolution, _ state: inout OutboxState) {
    guard let row = state.selectedRow else { return }
    state.notice = nil
    if let refusal = refusal(resolution, row, freshRead: state.freshReads[row.bill] != nil) {
      state.problem = refusal
      return
    }
    state.problem = nil
    state.pendingBill = row.bill
    state.phase = .confirming(resolution, selected: 1)
  }

  /// Why `resolution` is not allowed on `row` now, nil when it is.
  static func refusal(_ resolution: OutboxResolution, _ row: OutboxEntryRow, freshRead: Bool)
    -> OutboxProblem?
  {
    switch (resolution, row.state) {
    case (.landed, .conflict), (.void, .conflict): freshRead ? nil : .needsFreshRead
    case (.void, .failed), (.retry, .failed): nil
    case (.landed, _): .landedOnlyConflicts
    case (.void, _): .voidOnlyStuck
    case (.retry, _): .retryOnlyFailed
    }
  }

  private static func mouse(x: Int, y: Int, button: MouseButton, _ state: inout OutboxState) {
    let count = state.rows.count
    switch button {
    case .wheelUp: state.table.move(by: -3, rowCount: count, visible: state.visibleRows)
    case .wheelDown: state.table.move(by: 3, rowCount: count, visible: state.visibleRows)
    case .left:
      guard state.phase == .list else { return }
      let table = Table(columns: [], rowCount: count) { _ in TableRow(cells: []) }
      guard let row = table.rowIndex(atY: y, rect: state.tableRect, state: state.table) else { return }
      state.table.select(row, rowCount: count, visible: state.visibleRows)
    default: break
    }
  }

  /// Keys this screen understands, for the help overlay.
  public static let help: [HelpEntry] = [
    HelpEntry(keys: "↑ ↓ PgUp PgDn", text: .move),
    HelpEntry(keys: "r", text: .outboxRead),
    HelpEntry(keys: "l", text: .outboxLanded),
    HelpEntry(keys: "x", text: .outboxVoid),
    HelpEntry(keys: "t", text: .outboxRetry),
    HelpEntry(keys: "F5", text: .outboxRefresh),
    HelpEntry(keys: "Esc", text: .back),
    HelpEntry(keys: "F1 / ?", text: .showHelp),
    HelpEntry(keys: "F10", text: .quit),
  ]
}

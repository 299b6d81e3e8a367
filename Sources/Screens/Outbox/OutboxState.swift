import Domain
import Foundation
import TerminalUI

/// The undelivered-sales screen (待下发 / 异常售电): entries, selection, fresh reads and the resolution steps.
public struct OutboxState: Sendable, Hashable {
  /// The undelivered entries, sorted by bill.
  public internal(set) var rows: [OutboxEntryRow]
  /// The selected row and the scroll position.
  public internal(set) var table: TableState
  /// True once the first list arrived.
  public internal(set) var loaded: Bool
  /// The logged-in operator's role (decides whether a supervisor must approve).
  public internal(set) var role: Role?
  /// Fresh reads of conflicting entries' meters, by bill.
  public internal(set) var freshReads: [Int64: OutboxFreshRead]
  /// Bills whose meter read is in flight.
  public internal(set) var reading: Set<Int64>
  /// The step the screen is at.
  public internal(set) var phase: OutboxPhase
  /// The bill the open dialog or the resolution in flight is about.
  public internal(set) var pendingBill: Int64?
  /// The approving supervisor's name.
  public internal(set) var supervisorName: FormField
  /// The approving supervisor's password.
  public internal(set) var supervisorPassword: FormField
  /// True when the password field of the approval dialog has the keys.
  public internal(set) var approvalOnPassword: Bool
  /// A refusal or failure to show, until the next key.
  public internal(set) var problem: OutboxProblem?
  /// The last success or progress to show.
  public internal(set) var notice: OutboxNotice?
  /// The screen's area.
  public internal(set) var size: Size
  /// Meters flagged after a restore, for the summary line.
  public internal(set) var restoreFlags: [RestoreFlagRow] = []

  /// An empty screen for an operator of `role`, waiting for `.outboxLoaded`.
  public init(role: Role?, size: Size) {
    rows = []
    table = TableState()
    loaded = false
    self.role = role
    freshReads = [:]
    reading = []
    phase = .list
    pendingBill = nil
    supervisorName = FormField(label: "")
    supervisorName.maxLength = 32
    supervisorPassword = FormField(label: "", secure: true)
    supervisorPassword.maxLength = 64
    approvalOnPassword = false
    problem = nil
    notice = nil
    self.size = size
  }

  /// The entry on the selected row.
  public var selectedRow: OutboxEntryRow? {
    rows.indices.contains(table.selected) ? rows[table.selected] : nil
  }

  /// The entry the open dialog is about, if it is still listed.
  public var pendingRow: OutboxEntryRow? { rows.first { $0.bill == pendingBill } }

  /// True when resolving needs a supervisor's approval (the operator may not reverse).
  public var needsApproval: Bool { !(role?.allows(.reverse) ?? false) }

  /// True when the screen uses Esc itself (a dialog is open or a resolution in flight).
  public var capturesEscape: Bool { phase != .list }

  /// True when the screen takes typed characters (the approval dialog).
  public var acceptsText: Bool {
    if case .approving = phase { return true }
    return false
  }

  /// The resolutions the selected row allows now (a conflict needs a fresh read first).
  public var allowedResolutions: [OutboxResolution] {
    guard let row = selectedRow else { return [] }
    switch row.state {
    case .queued, .sent: return []
    case .failed: return [.void, .retry]
    case .conflict: return freshReads[row.bill] == nil ? [] : [.landed, .void]
    }
  }

  /// Where the table sits: below the summary, above the selected row's detail, message and hint.
  var tableRect: Rect {
    Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 1 - OutboxState.footerRows))
  }

  /// Table rows that fit.
  var visibleRows: Int { max(1, Table.visibleRows(in: tableRect)) }

  /// Rows under the table: two detail lines, the message line and the key hint.
  static let footerRows = 4
}

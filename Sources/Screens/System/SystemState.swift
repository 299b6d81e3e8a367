import Domain
import Foundation
import TerminalUI

/// The system screen (系统管理): the tabs the operator may use, their data, the open dialog.
public struct SystemState: Sendable, Hashable {
  /// The logged-in operator.
  public internal(set) var session: OperatorSession
  /// The tab shown.
  public internal(set) var tab: SystemTab
  /// The operators (operators tab).
  public internal(set) var operators: [OperatorRow]
  /// The selected operator and scroll position.
  public internal(set) var operatorTable: TableState
  /// True when the permission table is shown instead of the operators.
  public internal(set) var showPermissions: Bool
  /// The log entries (log tab), newest first.
  public internal(set) var audit: [AuditRow]
  /// The selected entry and scroll position.
  public internal(set) var auditTable: TableState
  /// The chain check, nil while it runs.
  public internal(set) var chain: AuditChainModel?
  /// The log filter by name: operator, action, from, to.
  public internal(set) var auditFilter: [String: String]
  /// The settings as loaded, per field.
  public internal(set) var savedSettings: [SettingsFieldID: String]
  /// The settings being edited.
  public internal(set) var settingFields: [SettingsFieldID: FormField]
  /// The settings field with the keys.
  public internal(set) var settingIndex: Int
  /// Problems per settings field from the last save.
  public internal(set) var settingProblems: [SettingsFieldID: String]
  /// The open dialog.
  public internal(set) var dialog: SystemDialog?
  /// The dialog's text fields, in order.
  public internal(set) var fields: [FormField]
  /// The dialog field with the keys.
  public internal(set) var focus: Int
  /// The role chosen in the add and role dialogs.
  public internal(set) var roleChoice: Role
  /// The last outcome.
  public internal(set) var notice: SystemNotice?
  /// True once the tab's data arrived.
  public internal(set) var loaded: Set<SystemTab>
  /// The screen's area.
  public internal(set) var size: Size
  /// The operator's language.
  public internal(set) var language: Language
  /// The site's clock.
  public internal(set) var clock: SiteClock

  /// The screen for `session`, on its own account tab.
  public init(session: OperatorSession, size: Size, language: Language, clock: SiteClock) {
    self.session = session
    tab = .account
    operators = []
    operatorTable = TableState()
    showPermissions = false
    audit = []
    auditTable = TableState()
    chain = nil
    auditFilter = [:]
    savedSettings = [:]
    settingFields = [:]
    settingIndex = 0
    settingProblems = [:]
    dialog = nil
    fields = []
    focus = 0
    roleChoice = .cashier
    notice = nil
    loaded = [.account]
    self.size = size
    self.language = language
    self.clock = clock
  }

  /// The tabs this operator may open.
  public var tabs: [SystemTab] {
    SystemTab.allCases.filter { tab in tab.permission.map { session.role.allows($0) } ?? true }
  }

  /// True when typed characters go to a field (a dialog, or the settings tab).
  public var acceptsText: Bool { dialog != nil || tab == .settings }

  /// True when Esc closes a dialog.
  public var capturesEscape: Bool { dialog != nil }

  /// The operator on the selected row.
  public var selectedOperator: OperatorRow? {
    operators.indices.contains(operatorTable.selected) ? operators[operatorTable.selected] : nil
  }

  /// Focus stops of the open dialog: its fields, plus the role choice in the add dialog (second stop).
  var focusStops: Int {
    if case .addOperator? = dialog { return fields.count + 1 }
    return fields.count
  }

  /// True when ← → change the role: the role dialog, or the add dialog's role stop.
  var onRoleChoice: Bool {
    switch dialog {
    case .role?: true
    case .addOperator?: focus == 1
    default: false
    }
  }

  /// The index in `fields` of the focused stop, nil on the role choice.
  var focusedField: Int? {
    if case .addOperator? = dialog {
      if focus == 1 { return nil }
      return focus == 0 ? 0 : focus - 1
    }
    return fields.indices.contains(focus) ? focus : nil
  }

  /// Where tables sit: below the tab line and the status line, above the notice and hint lines.
  var tableRect: Rect {
    Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 4))
  }

  /// Table rows that fit.
  var visibleRows: Int { max(1, Table.visibleRows(in: tableRect)) }
}

import Domain
import Foundation
import TerminalUI

/// The system screen (系统管理, F11): own password and re-login for everyone; operators, the operation
/// log and site settings for those allowed.
public enum SystemScreen {
  /// Applies `action` and returns the effects to perform.
  public static func update(_ state: inout SystemState, _ action: SystemAction) -> [Effect] {
    let strings = Strings(state.language)
    switch action {
    case .keyPressed(let key):
      if state.dialog != nil { return dialogKey(key, &state) }
      return tabKey(key, &state)
    case .operatorsLoaded(let rows):
      state.operators = rows
      state.loaded.insert(.operators)
      state.operatorTable.select(
        state.operatorTable.selected, rowCount: rows.count, visible: state.visibleRows)
      return []
    case .operatorChanged(let name, let error):
      if let error {
        state.notice = .problem(error)
        return []
      }
      state.dialog = nil
      state.notice = .done(strings.format(SystemText.operatorChanged, name))
      return [.loadOperators]
    case .passwordChanged(let error):
      if let error {
        state.notice = .problem(error)
      } else {
        state.dialog = nil
        state.notice = .done(strings[SystemText.passwordChanged])
      }
      return []
    case .auditLoaded(let rows, let chain):
      state.audit = rows
      state.chain = chain
      state.loaded.insert(.audit)
      state.auditTable.select(0, rowCount: rows.count, visible: state.visibleRows)
      return []
    case .auditExported(let path, let error):
      state.notice =
        path.map { .done(strings.format(SystemText.exported, $0)) }
        ?? .problem(strings.format(SystemText.exportFailed, error ?? ""))
      return []
    case .settingsLoaded(let values):
      state.savedSettings = values
      state.settingFields = values.mapValues { value in
        var field = FormField(label: "", value: value)
        field.maxLength = 120
        field.cursor = value.count
        return field
      }
      state.settingProblems = [:]
      state.loaded.insert(.settings)
      return []
    case .settingsSaved(let problems, let error):
      state.settingProblems = problems
      if let error {
        state.notice = .problem(error)
      } else if !problems.isEmpty {
        state.notice = .problem(strings.format(SystemText.settingsInvalid, "\(problems.count)"))
      } else {
        state.savedSettings = state.settingFields.mapValues(\.value)
        state.notice = .done(strings[SystemText.settingsSaved])
      }
      return []
    case .resized(let size):
      state.size = size
      return []
    }
  }

  /// The effect that loads `tab`'s data.
  static func load(_ tab: SystemTab, _ state: SystemState) -> [Effect] {
    switch tab {
    case .account: []
    case .operators: [.loadOperators]
    case .audit: [.loadAudit(filter: state.auditFilter)]
    case .settings: [.loadSettings]
    }
  }

  private static func switchTab(_ tab: SystemTab, _ state: inout SystemState) -> [Effect] {
    guard state.tabs.contains(tab), tab != state.tab else { return [] }
    state.tab = tab
    state.notice = nil
    return load(tab, state)
  }

  private static func tabKey(_ key: Key, _ state: inout SystemState) -> [Effect] {
    let tabs = state.tabs
    switch key {
    case .tab, .backTab:
      let index = tabs.firstIndex(of: state.tab) ?? 0
      let next = (index + (key == .tab ? 1 : tabs.count - 1)) % tabs.count
      return switchTab(tabs[next], &state)
    case .character(let c) where state.tab != .settings && ("1"..."4").contains(c):
      let index = (Int(String(c)) ?? 1) - 1
      return SystemTab.allCases.indices.contains(index) ? switchTab(SystemTab.allCases[index], &state) : []
    default:
      break
    }
    switch state.tab {
    case .account: return accountKey(key, &state)
    case .operators: return operatorsKey(key, &state)
    case .audit: return auditKey(key, &state)
    case .settings: return settingsKey(key, &state)
    }
  }

  private static func accountKey(_ key: Key, _ state: inout SystemState) -> [Effect] {
    switch key {
    case .character("p"):
      open(.changePassword, fields: 3, secure: [0, 1, 2], &state)
    case .character("l"):
      return [.logOut]
    default:
      break
    }
    return []
  }

  private static func operatorsKey(_ key: Key, _ state: inout SystemState) -> [Effect] {
    let count = state.operators.count
    let visible = state.visibleRows
    switch key {
    case .up: state.operatorTable.move(by: -1, rowCount: count, visible: visible)
    case .down: state.operatorTable.move(by: 1, rowCount: count, visible: visible)
    case .character("t"): state.showPermissions.toggle()
    case .character("n"):
      state.roleChoice = .cashier
      open(.addOperator, fields: 3, secure: [1, 2], &state)
    case .character("r"):
      guard let row = state.selectedOperator else { return [] }
      open(.resetPassword(row.name), fields: 2, secure: [0, 1], &state)
    case .character("o"):
      guard let row = state.selectedOperator else { return [] }
      state.roleChoice = row.role
      open(.role(row.name), fields: 0, secure: [], &state)
    case .character("d"):
      guard let row = state.selectedOperator else { return [] }
      open(.confirmDisable(row.name, disable: !row.disabled), fields: 0, secure: [], &state)
    case .function(5): return [.loadOperators]
    default: break
    }
    return []
  }

  private static func auditKey(_ key: Key, _ state: inout SystemState) -> [Effect] {
    let count = state.audit.count
    let visible = state.visibleRows
    switch key {
    case .up: state.auditTable.move(by: -1, rowCount: count, visible: visible)
    case .down: state.auditTable.move(by: 1, rowCount: count, visible: visible)
    case .pageUp: state.auditTable.move(by: -visible, rowCount: count, visible: visible)
    case .pageDown: state.auditTable.move(by: visible, rowCount: count, visible: visible)
    case .home: state.auditTable.select(0, rowCount: count, visible: visible)
    case .end: state.auditTable.select(count - 1, rowCount: count, visible: visible)
    case .character("f"):
      open(.auditFilter, fields: 1, secure: [], &state)
      state.fields[0].value = auditFilterText(state.auditFilter)
      state.fields[0].cursor = state.fields[0].value.count
    case .character("x"):
      return [.exportAudit(filter: state.auditFilter)]
    case .function(5):
      state.chain = nil
      return [.loadAudit(filter: state.auditFilter)]
    default: break
    }
    return []
  }

  private static func settingsKey(_ key: Key, _ state: inout SystemState) -> [Effect] {
    let ids = SettingsFieldID.allCases
    switch key {
    case .up: state.settingIndex = max(0, state.settingIndex - 1)
    case .down: state.settingIndex = min(ids.count - 1, state.settingIndex + 1)
    case .function(5): return [.loadSettings]
    case .enter:
      return [.saveSettings(state.settingFields.mapValues(\.value))]
    default:
      let id = ids[min(state.settingIndex, ids.count - 1)]
      guard var field = state.settingFields[id] else { return [] }
      _ = field.handle(key)
      state.settingFields[id] = field
    }
    return []
  }

  private static func open(
    _ dialog: SystemDialog, fields count: Int, secure: Set<Int>, _ state: inout SystemState
  ) {
    state.dialog = dialog
    state.fields = (0..<count).map { index in
      var field = FormField(label: "", secure: secure.contains(index))
      field.maxLength = dialog == .auditFilter ? 100 : 64
      return field
    }
    state.focus = 0
    state.notice = nil
  }

  private static func dialogKey(_ key: Key, _ state: inout SystemState) -> [Effect] {
    guard let dialog = state.dialog else { return [] }
    let strings = Strings(state.language)
    switch key {
    case .escape:
      state.dialog = nil
      return []
    case .tab, .down:
      let stops = state.focusStops
      if stops > 0 { state.focus = (state.focus + 1) % stops }
      return []
    case .backTab, .up:
      let stops = state.focusStops
      if stops > 0 { state.focus = (state.focus + stops - 1) % stops }
      return []
    case .left where state.onRoleChoice, .right where state.onRoleChoice:
      cycleRole(key == .right, &state)
      return []
    case .character("y"):
      if case .confirmDisable(let name, let disable) = dialog {
        state.dialog = nil
        return [.setOperatorDisabled(name: name, disabled: disable)]
      }
    case .character("n"):
      if case .confirmDisable = dialog {
        state.dialog = nil
        return []
      }
    case .enter:
      return submit(dialog, &state, strings: strings)
    default:
      break
    }
    if let index = state.focusedField { _ = state.fields[index].handle(key) }
    return []
  }

  private static func cycleRole(_ forward: Bool, _ state: inout SystemState) {
    let roles = Role.allCases
    let index = roles.firstIndex(of: state.roleChoice) ?? 0
    state.roleChoice = roles[(index + (forward ? 1 : roles.count - 1)) % roles.count]
  }

  private static func submit(_ dialog: SystemDialog, _ state: inout SystemState, strings: Strings) -> [Effect]
  {
    let values = state.fields.map(\.value)
    switch dialog {
    case .changePassword:
      guard values[1] == values[2] else {
        state.notice = .problem(strings[SystemText.passwordsDiffer])
        return []
      }
      return [.changeOwnPassword(old: values[0], new: values[1])]
    case .addOperator:
      let name = values[0].trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty else {
        state.notice = .problem(strings[SystemText.nameMissing])
        return []
      }
      guard values[1] == values[2] else {
        state.notice = .problem(strings[SystemText.passwordsDiffer])
        return []
      }
      return [.addOperator(name: name, role: state.roleChoice, password: values[1])]
    case .resetPassword(let name):
      guard values[0] == values[1] else {
        state.notice = .problem(strings[SystemText.passwordsDiffer])
        return []
      }
      return [.resetOperatorPassword(name: name, password: values[0])]
    case .role(let name):
      return [.setOperatorRole(name: name, role: state.roleChoice)]
    case .confirmDisable(let name, let disable):
      state.dialog = nil
      return [.setOperatorDisabled(name: name, disabled: disable)]
    case .auditFilter:
      switch parseAuditFilter(values[0]) {
      case .success(let filter):
        state.auditFilter = filter
        state.dialog = nil
        state.chain = nil
        return [.loadAudit(filter: filter)]
      case .failure(let error):
        state.notice = .problem(strings.format(SystemText.badFilter, error.token))
        return []
      }
    }
  }

  /// Log filter keys operators type, in Chinese or English.
  static let auditFilterKeys: [String: String] = [
    "员": "operator", "operator": "operator", "操作": "action", "action": "action", "从": "from",
    "from": "from", "到": "to", "to": "to",
  ]

  /// Parses "operator:li action:sales from:2026-11-01"; the unknown token as the error.
  static func parseAuditFilter(_ text: String) -> Result<[String: String], ReportsScreen.FilterError> {
    var filter: [String: String] = [:]
    for token in text.split(whereSeparator: { $0 == " " || $0 == "　" }) {
      let parts = token.split(separator: ":", maxSplits: 1).flatMap { $0.split(separator: "：", maxSplits: 1) }
      guard parts.count == 2, let name = auditFilterKeys[String(parts[0]).lowercased()], !parts[1].isEmpty,
        name != "from" && name != "to" || ReportRanges.parse(String(parts[1])) != nil
      else { return .failure(ReportsScreen.FilterError(token: String(token))) }
      filter[name] = String(parts[1])
    }
    return .success(filter)
  }

  /// The log filter as typed, in a fixed order.
  static func auditFilterText(_ filter: [String: String]) -> String {
    ["operator", "action", "from", "to"].compactMap { name in filter[name].map { "\(name):\($0)" } }
      .joined(separator: " ")
  }
}

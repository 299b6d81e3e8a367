import Domain
import Foundation
import TerminalUI

extension SystemScreen {
  /// Renders the tabs the operator may use, the current tab, the outcome line, its keys and any dialog.
  public static func view(_ state: SystemState, size: Size, language: Language) -> Buffer {
    let strings = Strings(language)
    var buffer = Buffer(size: size)
    guard size.width > 10, size.height > 5 else { return buffer }
    drawTabs(state, into: &buffer, strings: strings)
    switch state.tab {
    case .account: drawAccount(state, into: &buffer, strings: strings)
    case .operators:
      if state.showPermissions {
        drawPermissions(into: &buffer, rect: state.tableRect, strings: strings)
      } else {
        drawOperators(state, into: &buffer, strings: strings)
      }
    case .audit: drawAudit(state, into: &buffer, strings: strings)
    case .settings: drawSettings(state, into: &buffer, strings: strings)
    }
    if let notice = state.notice {
      let (text, role): (String, StyleRole) =
        switch notice {
        case .done(let text): (text, .success)
        case .problem(let text): (text, .error)
        }
      buffer.write(text, x: 1, y: size.height - 2, role: role, maxWidth: size.width - 2)
    }
    buffer.write(" " + hint(state, strings), x: 0, y: size.height - 1, role: .dim, maxWidth: size.width)
    if state.dialog != nil { drawDialog(state, into: &buffer, strings: strings) }
    return buffer
  }

  static func tabName(_ tab: SystemTab, _ strings: Strings) -> String {
    switch tab {
    case .account: strings[SystemText.tabAccount]
    case .operators: strings[SystemText.tabOperators]
    case .audit: strings[SystemText.tabAudit]
    case .settings: strings[SystemText.tabSettings]
    }
  }

  private static func hint(_ state: SystemState, _ strings: Strings) -> String {
    let tail = "Tab ⇄ · Esc"
    switch state.tab {
    case .account: return strings[SystemText.accountHint] + " · " + tail
    case .operators: return strings[SystemText.operatorsHint] + " · " + tail
    case .audit: return strings[SystemText.auditHint] + " · " + tail
    case .settings: return strings[SystemText.settingsHint] + " · " + tail
    }
  }

  private static func drawTabs(_ state: SystemState, into buffer: inout Buffer, strings: Strings) {
    buffer.fill(Rect(x: 0, y: 0, width: buffer.size.width, height: 1), role: .header)
    var x = 1
    for tab in state.tabs {
      let number = (SystemTab.allCases.firstIndex(of: tab) ?? 0) + 1
      let text = " \(number) \(tabName(tab, strings)) "
      let chosen = tab == state.tab
      buffer.write(text, x: x, y: 0, role: chosen ? .selected : .header, bold: chosen)
      x += Format.cells(text) + 1
    }
  }

  private static func drawAccount(_ state: SystemState, into buffer: inout Buffer, strings: Strings) {
    buffer.write(
      strings.format(SystemText.accountLine, state.session.name, strings.role(state.session.role)), x: 2,
      y: 2,
      role: .normal, bold: true)
    let allowed = Permission.allCases.filter { state.session.role.allows($0) }
    buffer.write(
      allowed.map { language(of: strings) == .zh ? $0.chineseName : "\($0)" }.joined(separator: " · "), x: 2,
      y: 4, role: .dim, maxWidth: buffer.size.width - 4)
  }

  private static func language(of strings: Strings) -> Language { strings.language }

  private static func drawOperators(_ state: SystemState, into buffer: inout Buffer, strings: Strings) {
    guard !state.operators.isEmpty else {
      buffer.write(strings[SystemText.loading], x: 2, y: 3, role: .dim)
      return
    }
    let rows = state.operators
    let clock = state.clock
    let active = strings[SystemText.stateActive]
    let disabled = strings[SystemText.stateDisabled]
    let locked = strings[SystemText.stateLocked]
    let roleNames = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, strings.role($0)) })
    let now = Date()
    Table(
      columns: [
        TableColumn(title: strings[SystemText.colName], width: 16),
        TableColumn(title: strings[SystemText.colRole], width: 12),
        TableColumn(title: strings[SystemText.colState], width: 24),
        TableColumn(title: strings[SystemText.colLastLogIn], width: 19),
      ], rowCount: rows.count, showsMarkers: false
    ) { index in
      let row = rows[index]
      var state = active
      var role: StyleRole = .normal
      if row.disabled {
        state = disabled
        role = .dim
      } else if let until = row.lockedUntil, until > now {
        state = locked.replacingOccurrences(of: "{0}", with: clock.dateTime(until))
        role = .warning
      }
      return TableRow(
        cells: [
          row.name, roleNames[row.role] ?? row.role.rawValue, state, row.lastLogIn.map(clock.dateTime) ?? "—",
        ],
        role: role)
    }
    .render(into: &buffer, rect: state.tableRect, state: state.operatorTable, focused: state.dialog == nil)
  }

  private static func drawPermissions(into buffer: inout Buffer, rect: Rect, strings: Strings) {
    buffer.write(strings[SystemText.permissionsTitle], x: 1, y: 1, role: .header, bold: true)
    let roles = Role.allCases
    let columns =
      [TableColumn(title: "", width: 14)]
      + roles.map { TableColumn(title: strings.role($0), width: 10, alignment: .center) }
    let permissions = Permission.allCases
    let zh = strings.language == .zh
    Table(columns: columns, rowCount: permissions.count, showsMarkers: false) { index in
      let permission = permissions[index]
      return TableRow(
        cells: [zh ? permission.chineseName : "\(permission)"]
          + roles.map { $0.allows(permission) ? "✓" : "·" })
    }
    .render(into: &buffer, rect: rect, state: TableState(), focused: false)
  }

  private static func drawAudit(_ state: SystemState, into buffer: inout Buffer, strings: Strings) {
    let chain = state.chain
    buffer.write(
      chain?.text ?? strings[SystemText.chainUnknown], x: 1, y: 1,
      role: chain.map { $0.holds ? .success : .error } ?? .dim, maxWidth: buffer.size.width - 2, bold: true)
    let rows = state.audit
    let clock = state.clock
    let width = buffer.size.width
    Table(
      columns: [
        TableColumn(title: strings[SystemText.colId], width: 6, alignment: .right),
        TableColumn(title: strings[SystemText.colTime], width: 19),
        TableColumn(title: strings[SystemText.colOperator], width: 12),
        TableColumn(title: strings[SystemText.colAction], width: 22),
        TableColumn(title: strings[SystemText.colTarget], width: 16),
        TableColumn(title: strings[SystemText.colDetail], width: max(10, width - 82)),
      ], rowCount: rows.count, showsMarkers: false
    ) { index in
      let row = rows[index]
      return TableRow(
        cells: [String(row.id), clock.dateTime(row.at), row.operator, row.action, row.target, row.detail])
    }
    .render(into: &buffer, rect: state.tableRect, state: state.auditTable, focused: state.dialog == nil)
  }

  /// The label of a settings field.
  static func label(_ id: SettingsFieldID, _ strings: Strings) -> String {
    let text: SystemText =
      switch id {
      case .collectionInterval: .fieldCollectionInterval
      case .offlineAfter: .fieldOfflineAfter
      case .alarm1: .fieldAlarm1
      case .alarm2: .fieldAlarm2
      case .hoardingCap: .fieldHoardingCap
      case .powerThreshold: .fieldPowerThreshold
      case .defaultTariff: .fieldDefaultTariff
      case .smsNumbers: .fieldSmsNumbers
      case .receiptQueue: .fieldReceiptQueue
      case .printerPaper: .fieldPrinterPaper
      case .printerEscpos: .fieldPrinterEscpos
      case .saleReadMaxAge: .fieldSaleReadMaxAge
      case .retentionDays: .fieldRetentionDays
      case .smsEnabled: .fieldSmsEnabled
      case .smsGammuConfig: .fieldSmsGammuConfig
      case .smsQuietHours: .fieldSmsQuietHours
      case .smsAlarm1: .fieldSmsAlarm1
      case .smsAlarm2: .fieldSmsAlarm2
      case .smsArrears: .fieldSmsArrears
      case .smsBusDown: .fieldSmsBusDown
      case .backupFolder: .fieldBackupFolder
      case .backupTime: .fieldBackupTime
      case .backupKeep: .fieldBackupKeep
      }
    return strings[text]
  }

  private static func drawSettings(_ state: SystemState, into buffer: inout Buffer, strings: Strings) {
    guard state.loaded.contains(.settings) else {
      buffer.write(strings[SystemText.loading], x: 2, y: 3, role: .dim)
      return
    }
    let ids = SettingsFieldID.allCases
    let labelWidth = (ids.map { Format.cells(label($0, strings)) }.max() ?? 0) + 2
    let width = min(buffer.size.width - 4, labelWidth + 60)
    let rows = max(1, buffer.size.height - 4)
    let first = max(0, min(state.settingIndex - rows + 1, ids.count - rows))
    for (index, id) in ids.enumerated() where index >= first {
      let y = 2 + index - first
      guard y < buffer.size.height - 2 else { break }
      var field = state.settingFields[id] ?? FormField(label: "")
      field.label = label(id, strings)
      let changed = field.value != (state.savedSettings[id] ?? "")
      field.render(
        into: &buffer, rect: Rect(x: 2, y: y, width: width, height: 1), focused: index == state.settingIndex,
        labelWidth: labelWidth)
      if let problem = state.settingProblems[id] {
        buffer.write(
          problem, x: 4 + width, y: y, role: .error, maxWidth: max(0, buffer.size.width - width - 5))
      } else if changed {
        buffer.write("*", x: 3 + width, y: y, role: .warning)
      }
    }
  }

  private static func drawDialog(_ state: SystemState, into buffer: inout Buffer, strings: Strings) {
    guard let dialog = state.dialog else { return }
    let title: String
    var labels: [String] = []
    switch dialog {
    case .changePassword:
      title = strings[SystemText.changeTitle]
      labels = [
        strings[SystemText.oldPassword], strings[SystemText.newPassword], strings[SystemText.repeatPassword],
      ]
    case .addOperator:
      title = strings[SystemText.addTitle]
      labels = [
        strings[SystemText.colName], strings[SystemText.newPassword], strings[SystemText.repeatPassword],
      ]
    case .resetPassword(let name):
      title = strings.format(SystemText.resetTitle, name)
      labels = [strings[SystemText.newPassword], strings[SystemText.repeatPassword]]
    case .role(let name):
      title = strings.format(SystemText.roleTitle, name)
    case .confirmDisable(let name, let disable):
      title = strings.format(disable ? SystemText.disableAsk : .enableAsk, name)
    case .auditFilter:
      title = strings[SystemText.auditFilterTitle]
      labels = [strings[SystemText.auditFilterTitle]]
    }
    let width = min(max(0, buffer.size.width - 4), 72)
    let box = Rect(size: buffer.size).centered(width: width, height: 10)
    buffer.fill(box, role: .dialog)
    buffer.write(title, x: box.x + 2, y: box.y, role: .dialog, maxWidth: width - 4, bold: true)
    let labelWidth = (labels.map { Format.cells($0) }.max() ?? 0) + 2
    var y = box.y + 2
    let showsRole: Bool
    if case .role = dialog {
      showsRole = true
    } else if case .addOperator = dialog {
      showsRole = true
    } else {
      showsRole = false
    }
    for (index, label) in labels.enumerated() {
      var field = state.fields[index]
      field.label = label
      field.render(
        into: &buffer, rect: Rect(x: box.x + 2, y: y, width: width - 4, height: 1),
        focused: state.focusedField == index, labelWidth: labelWidth)
      y += 1
      if index == 0, case .addOperator = dialog {
        drawRole(state, x: box.x + 2, y: y, labelWidth: labelWidth, into: &buffer, strings: strings)
        y += 1
      }
    }
    if case .role = dialog {
      drawRole(state, x: box.x + 2, y: y, labelWidth: labelWidth, into: &buffer, strings: strings)
    }
    if case .problem(let text)? = state.notice {
      buffer.write(text, x: box.x + 2, y: box.y + 7, role: .error, maxWidth: width - 4)
    }
    let footer =
      dialog == .auditFilter
      ? strings[SystemText.auditFilterHint]
      : showsRole
        ? strings[SystemText.roleHint] + " · " + strings[SystemText.dialogHint]
        : strings[SystemText.dialogHint]
    if case .confirmDisable = dialog {
    } else {
      buffer.write(footer, x: box.x + 2, y: box.y + 9, role: .dim, maxWidth: width - 4)
    }
  }

  private static func drawRole(
    _ state: SystemState, x: Int, y: Int, labelWidth: Int, into buffer: inout Buffer, strings: Strings
  ) {
    buffer.write(strings[SystemText.roleLabel], x: x, y: y, role: .dialog)
    var cx = x + labelWidth
    for role in Role.allCases {
      let text = " \(strings.role(role)) "
      let chosen = role == state.roleChoice
      buffer.write(
        text, x: cx, y: y, role: chosen ? (state.onRoleChoice ? .inputFocused : .selected) : .dialog)
      cx += Format.cells(text) + 1
    }
  }
}

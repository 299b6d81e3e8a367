import Domain
import Foundation
import Screens
import TerminalUI
import Testing

/// The system screen (F11) and the alarm screen (F12): tabs by role, own password, re-login, operator
/// administration, the operation log, the settings form, alarms and their acknowledgement.
@Suite struct SystemTests {
  static func open(_ role: Role) -> AppState {
    var state = SampleSite.app(language: .en, size: SampleSite.large, role: role)
    state.press(.function(11))
    return state
  }

  @Test("a cashier sees only their own account; an admin every tab, and Tab loads each")
  func tabsByRole() {
    var cashier = Self.open(.cashier)
    #expect(cashier.screen == .system)
    #expect(cashier.system?.tabs == [.account])
    #expect(cashier.press(.tab).isEmpty && cashier.system?.tab == .account)
    #expect(cashier.rendered.find("Operators") == nil)

    var admin = Self.open(.admin)
    #expect(admin.system?.tabs == [.account, .operators, .audit, .settings])
    #expect(admin.press(.tab) == [.loadOperators])
    #expect(admin.press(.tab) == [.loadAudit(filter: [:])])
    #expect(admin.press(.tab) == [.loadSettings])
    #expect(admin.press(.tab).isEmpty && admin.system?.tab == .account)
    #expect(!SystemScreen.help(for: .cashier).contains { $0.text == .systemOperators })
    #expect(SystemScreen.help(for: .admin).contains { $0.text == .systemOperators })
  }

  @Test("p changes the own password (the two new ones must match); l logs out to the login screen")
  func ownPasswordAndRelogin() {
    var state = Self.open(.cashier)
    state.type("p")
    state.type("old-pass")
    state.press(.tab)
    state.type("new-pass-1")
    state.press(.tab)
    state.type("new-pass-2")
    #expect(state.press(.enter).isEmpty)
    #expect(state.rendered.find("The new passwords differ") != nil)
    #expect(state.rendered.find("new-pass") == nil, "passwords are masked")
    for _ in 0..<10 { state.press(.backspace) }
    state.type("new-pass-1")
    #expect(state.press(.enter) == [.changeOwnPassword(old: "old-pass", new: "new-pass-1")])
    state.send(.system(.passwordChanged(error: nil)))
    #expect(state.system?.dialog == nil && state.rendered.find("Password changed") != nil)

    #expect(state.type("l") == [.logOut])
    state.send(.loggedOut)
    #expect(state.screen == .login && state.session == nil && state.system == nil)
  }

  @Test("an admin adds an operator with a role, disables, resets and changes a role")
  func operatorAdministration() {
    var state = Self.open(.admin)
    state.press(.tab)
    state.send(
      .system(
        .operatorsLoaded([
          OperatorRow(
            name: "li", role: .cashier, disabled: false, lockedUntil: nil, lastLogIn: SampleSite.now),
          OperatorRow(name: "wang", role: .supervisor, disabled: true, lockedUntil: nil, lastLogIn: nil),
        ])))
    #expect(state.rendered.find("Disabled") != nil)
    state.type("n")
    state.type("zhao")
    state.press(.tab)
    state.press(.right, .right)  // cashier → supervisor → electrician
    state.press(.tab)
    state.type("secret-pw")
    state.press(.tab)
    state.type("secret-pw")
    #expect(state.press(.enter) == [.addOperator(name: "zhao", role: .electrician, password: "secret-pw")])
    state.send(.system(.operatorChanged(name: "zhao", error: nil)))
    #expect(state.system?.dialog == nil)

    state.type("d")
    #expect(state.type("y") == [.setOperatorDisabled(name: "li", disabled: true)])
    state.press(.down)
    state.type("d")
    #expect(state.rendered.find("Enable operator wang?") != nil)
    #expect(state.type("y") == [.setOperatorDisabled(name: "wang", disabled: false)])
    state.type("r")
    state.type("reset-pw-1")
    state.press(.tab)
    state.type("reset-pw-1")
    #expect(state.press(.enter) == [.resetOperatorPassword(name: "wang", password: "reset-pw-1")])
    state.send(.system(.operatorChanged(name: "wang", error: "the password must have at least 8 characters")))
    #expect(state.rendered.find("at least 8 characters") != nil)
    state.press(.escape)
    state.type("o")
    state.press(.right)
    #expect(state.press(.enter) == [.setOperatorRole(name: "wang", role: .electrician)])
    #expect(state.send(.system(.operatorChanged(name: "wang", error: nil))) == [.loadOperators])
    state.type("t")
    #expect(state.rendered.find("Permissions by role") != nil)
  }

  @Test("the log tab shows whether the chain holds; f filters (dates checked), x exports")
  func operationLog() {
    var state = Self.open(.supervisor)
    #expect(state.system?.tabs == [.account, .audit])
    #expect(state.type("3") == [.loadAudit(filter: [:])])
    state.send(
      .system(
        .auditLoaded(
          [
            AuditRow(
              id: 7, at: SampleSite.now, operator: "li", action: "sales.sale", target: "00000012",
              detail: "100.00")
          ],
          AuditChainModel(holds: false, text: "entry 5 was changed after it was written"))))
    #expect(state.rendered.find("entry 5 was changed") != nil)
    #expect(state.rendered.find("sales.sale") != nil)
    state.type("f")
    state.type("operator:li from:2025-02-30")
    #expect(state.press(.enter).isEmpty)
    #expect(state.rendered.find("Unknown filter: from:2025-02-30") != nil)
    for _ in 0..<10 { state.press(.backspace) }
    state.type("2025-04-01")
    #expect(state.press(.enter) == [.loadAudit(filter: ["operator": "li", "from": "2025-04-01"])])
    #expect(state.type("x") == [.exportAudit(filter: ["operator": "li", "from": "2025-04-01"])])
  }

  @Test("settings: type into the selected field, Enter saves every field; problems are shown by the field")
  func settingsForm() {
    var state = Self.open(.admin)
    state.press(.backTab)
    #expect(state.system?.tab == .settings)
    var values = Dictionary(uniqueKeysWithValues: SettingsFieldID.allCases.map { ($0, "") })
    values[.collectionInterval] = "1800"
    values[.alarm1] = "50.00"
    state.send(.system(.settingsLoaded(values)))
    #expect(state.rendered.find("Collection interval (s)") != nil)
    state.press(.backspace, .backspace, .backspace, .backspace)
    state.type("600")
    var expected = values
    expected[.collectionInterval] = "600"
    #expect(state.press(.enter) == [.saveSettings(expected)])
    state.send(.system(.settingsSaved(problems: [.collectionInterval: "must be at least 60"], error: nil)))
    #expect(state.rendered.find("must be at least 60") != nil)
    #expect(state.rendered.find("1 settings are wrong; nothing saved") != nil)
  }

  @Test("F12 lists active alarms; k acknowledges one, K all; the status line counts them")
  func alarms() {
    var state = SampleSite.app(language: .en, size: SampleSite.large, role: .cashier)
    #expect(AppView.fKeyBar(state).items.contains { $0.key == 12 })
    state.send(
      .alarmStatusChanged(AlarmStatus(active: 2, unacknowledged: 1, newest: ("alarm1", "202411006138"))))
    #expect(state.rendered.find("New alarm Alarm 1 202411006138 · Alarms 2") != nil)
    #expect(state.press(.function(12)) == [.loadAlarms])
    state.send(
      .alarms(
        .loaded([
          AlarmRow(
            id: 4, kind: "alarm1", meter: "202411006138", bus: nil, place: "A-0502 · 星河",
            since: SampleSite.now,
            value: "18.20", acknowledgedBy: nil),
          AlarmRow(
            id: 3, kind: "busDown", meter: nil, bus: "A-1", place: "", since: SampleSite.now, value: "",
            acknowledgedBy: "wang"),
        ])))
    #expect(state.rendered.find("2 active · 1 unacknowledged") != nil)
    #expect(state.rendered.find("Bus down") != nil)
    #expect(state.type("k") == [.acknowledgeAlarms([4])])
    #expect(state.type("K") == [.acknowledgeAlarms([4])])
    state.send(.alarms(.acknowledged(count: 1, error: nil)))
    #expect(state.rendered.find("1 acknowledged") != nil)
  }
}

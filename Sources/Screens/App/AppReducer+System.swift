import Domain
import TerminalUI

extension AppReducer {
  /// F11: opens the system screen on the operator's own account tab.
  static func openSystem(_ state: inout AppState) -> [Effect] {
    guard let session = state.session else { return [] }
    state.system = SystemState(
      session: session, size: AppLayout.contentSize(state.size), language: state.language, clock: state.clock)
    state.screen = .system
    return []
  }

  /// Sends an action to the system screen, if open.
  static func updateSystem(_ state: inout AppState, _ action: SystemAction) -> [Effect] {
    guard var system = state.system else { return [] }
    let effects = SystemScreen.update(&system, action)
    state.system = system
    return effects
  }

  /// F12: opens the alarm screen and loads the active alarms.
  static func openAlarms(_ state: inout AppState) -> [Effect] {
    guard state.session != nil else { return [] }
    state.alarms = AlarmsState(size: AppLayout.contentSize(state.size), language: state.language)
    state.screen = .alarms
    return [.loadAlarms]
  }

  /// Sends an action to the alarm screen, if open.
  static func updateAlarms(_ state: inout AppState, _ action: AlarmsAction) -> [Effect] {
    guard var alarms = state.alarms else { return [] }
    let effects = AlarmsScreen.update(&alarms, action)
    state.alarms = alarms
    return effects
  }

  /// After `.logOut`: every screen closed, the login screen shown for the next operator.
  static func logOut(_ state: inout AppState) -> [Effect] {
    state.session = nil
    state.screen = .login
    state.overlay = nil
    state.detail = nil
    state.sale = nil
    state.accounts = nil
    state.outbox = nil
    state.batch = nil
    state.reports = nil
    state.system = nil
    state.alarms = nil
    state.login = LoginState(demoMode: state.demoMode, clock: state.clock)
    return []
  }
}

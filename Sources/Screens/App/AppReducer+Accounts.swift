import Domain
import TerminalUI

extension AppReducer {
  /// `a` on the grid: opens the accounts screen and loads every account.
  static func openAccounts(_ state: inout AppState) -> [Effect] {
    guard let session = state.session else { return [] }
    state.accounts = AccountsState(role: session.role)
    state.screen = .accounts
    return [.loadAccounts(search: "")]
  }

  /// Sends an action to the accounts screen, if open; an opened account also reloads the grid's meters.
  static func updateAccounts(_ state: inout AppState, _ action: AccountsAction) -> [Effect] {
    var reload: [Effect] = []
    switch action {
    case .accountOpened, .accountClosed: reload = [.loadMeters]
    default: break
    }
    guard var accounts = state.accounts else { return reload }
    let effects = AccountsScreen.update(&accounts, action)
    state.accounts = accounts
    return effects + reload
  }
}

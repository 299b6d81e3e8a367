import Domain
import TerminalUI

extension AppReducer {
  /// Whether F2 opens the sale window now: a seller on the grid (on a meter) or a meter's detail.
  static func canOpenSale(_ state: AppState) -> Bool {
    guard state.session?.role.allows(.sell) ?? false else { return false }
    switch state.screen {
    case .grid: return state.grid.selectedMeter != nil
    case .detail: return state.detail != nil
    case .login, .buses, .sale, .accounts, .outbox, .batch, .reports, .system, .alarms: return false
    }
  }

  /// F2: opens the sale window on the selected meter and the other meters of its account.
  static func openSale(_ state: inout AppState) -> [Effect] {
    let strings = Strings(state.language)
    guard let session = state.session, state.screen == .grid || state.screen == .detail else { return [] }
    guard session.role.allows(.sell) else {
      state.overlay = .message(strings[SaleText.notAllowed])
      return []
    }
    let chosen: GridMeter?
    if state.screen == .detail, let meter = state.detail?.meter {
      chosen = state.grid.meters.first { $0.meter == meter } ?? state.detail?.detail?.grid
    } else {
      chosen = state.grid.selectedMeter
    }
    guard let meter = chosen else {
      state.overlay = .message(strings[SaleText.noMeter])
      return []
    }
    var meters = [meter]
    if let account = meter.account {
      meters += state.grid.meters.filter { $0.account == account && $0.meter != meter.meter }
    }
    state.sale = SaleState(meters: meters, hoardingCap: state.hoardingCap, now: state.now, role: session.role)
    state.saleReturn = state.screen
    state.screen = .sale
    return []
  }

  /// Sends an action to the sale window, if open.
  static func updateSale(_ state: inout AppState, _ action: SaleAction) -> [Effect] {
    guard var sale = state.sale else { return [] }
    let effects = SaleScreen.update(&sale, action)
    state.sale = sale
    return effects
  }
}

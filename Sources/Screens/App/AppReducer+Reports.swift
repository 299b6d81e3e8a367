import Domain
import TerminalUI

extension AppReducer {
  /// Whether the operator may open the report centre.
  static func canOpenReports(_ state: AppState) -> Bool {
    state.session?.role.allows(.viewReports) ?? false
  }

  /// F7: opens the report centre on today's sales per cashier and runs it.
  static func openReports(_ state: inout AppState) -> [Effect] {
    guard let session = state.session, canOpenReports(state) else { return [] }
    let reports = ReportsState(
      role: session.role, now: state.now, clock: state.clock, size: AppLayout.contentSize(state.size),
      language: state.language, asciiChart: state.asciiCharts)
    state.reports = reports
    state.screen = .reports
    return ReportsScreen.opened(reports)
  }

  /// Sends an action to the report centre, if open.
  static func updateReports(_ state: inout AppState, _ action: ReportsAction) -> [Effect] {
    guard var reports = state.reports else { return [] }
    let effects = ReportsScreen.update(&reports, action)
    state.reports = reports
    return effects
  }
}

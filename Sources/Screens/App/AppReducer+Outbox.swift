import Domain
import TerminalUI

extension AppReducer {
  /// Whether the operator may open the undelivered-sales screen (the sales desk: cashiers, supervisors, admins).
  static func canOpenOutbox(_ state: AppState) -> Bool {
    state.session?.role.allows(.sell) ?? false
  }

  /// F9 on the grid: opens the undelivered-sales screen and loads the outbox.
  static func openOutbox(_ state: inout AppState) -> [Effect] {
    guard let session = state.session, canOpenOutbox(state) else { return [] }
    state.outbox = OutboxState(role: session.role, size: AppLayout.contentSize(state.size))
    state.screen = .outbox
    return [.loadOutbox]
  }

  /// Sends an action to the undelivered-sales screen, if open.
  static func updateOutbox(_ state: inout AppState, _ action: OutboxAction) -> [Effect] {
    guard var outbox = state.outbox else { return [] }
    let effects = OutboxScreen.update(&outbox, action)
    state.outbox = outbox
    return effects
  }
}

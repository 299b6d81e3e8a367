import Domain
import TerminalUI

extension OutboxScreen {
  /// Keys of the confirmation: Y/Enter on 确认 resolves (or asks a supervisor), N/Esc cancels.
  static func confirming(
    _ key: Key, _ resolution: OutboxResolution, selected: Int, _ state: inout OutboxState
  ) -> [Effect] {
    switch key {
    case .character("y"), .character("Y"):
      return confirmed(resolution, &state)
    case .enter:
      if selected == 0 { return confirmed(resolution, &state) }
      cancel(&state)
    case .character("n"), .character("N"), .escape:
      cancel(&state)
    case .left, .right, .tab, .backTab:
      state.phase = .confirming(resolution, selected: 1 - selected)
    default: break
    }
    return []
  }

  private static func cancel(_ state: inout OutboxState) {
    state.phase = .list
    state.pendingBill = nil
  }

  /// Confirmed: a supervisor or admin resolves at once; anyone else needs a supervisor's approval.
  private static func confirmed(_ resolution: OutboxResolution, _ state: inout OutboxState) -> [Effect] {
    guard state.needsApproval else { return submit(resolution, approval: nil, &state) }
    ApprovalKeys.reset(
      name: &state.supervisorName, password: &state.supervisorPassword,
      onPassword: &state.approvalOnPassword)
    state.problem = nil
    state.phase = .approving(resolution)
    return []
  }

  /// Keys of the approval dialog (the shared handler): type name and password, Enter sends, Esc refuses.
  static func approving(_ key: Key, _ resolution: OutboxResolution, _ state: inout OutboxState) -> [Effect] {
    switch ApprovalKeys.handle(
      key, name: &state.supervisorName, password: &state.supervisorPassword,
      onPassword: &state.approvalOnPassword)
    {
    case .cancelled:
      cancel(&state)
      state.problem = .approvalCancelled
    case .submitted(let approval):
      return submit(resolution, approval: approval, &state)
    case .missingCredentials:
      state.problem = .credentialsMissing
    case .edited:
      state.problem = nil
    case .ignored:
      break
    }
    return []
  }

  /// Sends the resolution when the bill is still listed and still allows it (the list may have changed).
  private static func submit(
    _ resolution: OutboxResolution, approval: SaleApproval?, _ state: inout OutboxState
  ) -> [Effect] {
    state.supervisorPassword.value = ""
    state.supervisorPassword.cursor = 0
    guard let bill = state.pendingBill, let row = state.pendingRow else {
      state.problem = state.pendingBill.map { .gone(bill: $0) }
      cancel(&state)
      return []
    }
    if let refusal = refusal(resolution, row, freshRead: state.freshReads[bill] != nil) {
      state.problem = refusal
      cancel(&state)
      return []
    }
    state.problem = nil
    state.notice = nil
    state.phase = .submitting(resolution)
    return [.resolveOutbox(bill: bill, resolution, approval: approval)]
  }
}

import Domain
import TerminalUI

extension SaleScreen {
  /// `r` and `v` in the editing step: switch to refund or reversal (again: back to sale).
  /// Returns nil when the key is not a mode switch.
  static func switchMode(_ key: Key, _ state: inout SaleState) -> [Effect]? {
    let target: SaleMode
    switch key {
    case .character("r"), .character("R"): target = .refund
    case .character("v"), .character("V"): target = .reversal
    default: return nil
    }
    state.mode = state.mode == target ? .sale : target
    state.focus = .amount
    state.refusal = nil
    state.approvalProblem = nil
    state.showProblem = false
    guard state.mode == .reversal, let meter = state.meter else { return [] }
    state.recent = []
    state.billIndex = 0
    return [.loadRecentSales(meter: meter.meter)]
  }

  /// Keys of the editing step in reversal mode: Up/Down pick the bill, Enter confirms.
  static func reversalEditing(_ key: Key, _ state: inout SaleState) -> [Effect] {
    switch key {
    case .up: state.billIndex = max(0, state.billIndex - 1)
    case .down: state.billIndex = min(max(0, state.recent.count - 1), state.billIndex + 1)
    case .enter:
      guard state.reversalBill != nil else {
        state.approvalProblem = .noBill
        return []
      }
      state.phase = .confirming(selected: 0)
    default: break
    }
    return []
  }

  /// Confirmed: a sale, or a refund/reversal the operator may do, goes out; otherwise the approval dialog.
  static func confirmed(_ state: inout SaleState) -> [Effect] {
    guard state.mode != .sale else { return submit(&state) }
    guard state.needsApproval else { return submitNegative(&state, approval: nil) }
    ApprovalKeys.reset(
      name: &state.supervisorName, password: &state.supervisorPassword,
      onPassword: &state.approvalOnPassword)
    state.approvalProblem = nil
    state.phase = .approving
    return []
  }

  /// Keys of the approval dialog: type name and password, Tab/Up/Down switch, Enter sends, Esc refuses.
  static func approving(_ key: Key, _ state: inout SaleState) -> [Effect] {
    switch ApprovalKeys.handle(
      key, name: &state.supervisorName, password: &state.supervisorPassword,
      onPassword: &state.approvalOnPassword)
    {
    case .cancelled:
      state.phase = .editing
      state.approvalProblem = .supervisorNeeded
    case .submitted(let approval):
      return submitNegative(&state, approval: approval)
    case .missingCredentials:
      state.approvalProblem = .credentialsMissing
    case .edited:
      state.approvalProblem = nil
    case .ignored:
      break
    }
    return []
  }

  private static func submitNegative(_ state: inout SaleState, approval: SaleApproval?) -> [Effect] {
    state.supervisorPassword.value = ""
    state.supervisorPassword.cursor = 0
    state.approvalProblem = nil
    switch state.mode {
    case .sale:
      return submit(&state)
    case .refund:
      guard let meter = state.meter, let amount = state.amount else {
        state.phase = .editing
        return []
      }
      state.phase = .submitting
      return [.refund(meter: meter.meter, amount: amount, approval: approval)]
    case .reversal:
      guard let meter = state.meter, let bill = state.reversalBill else {
        state.phase = .editing
        return []
      }
      state.phase = .submitting
      return [.reverse(bill: bill.bill, meter: meter.meter, approval: approval)]
    }
  }
}

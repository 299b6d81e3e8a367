import Domain
import Foundation
import TerminalUI

extension AccountsScreen {
  /// Keys of the open-account form: type, Tab/↑↓ move, ←→ pick the payment, Enter opens, Esc leaves.
  static func opening(_ key: Key, _ state: inout AccountsState) -> [Effect] {
    let order = AccountField.allCases
    let index = order.firstIndex(of: state.focus) ?? 0
    switch key {
    case .escape:
      state.phase = .list
      state.problem = nil
    case .tab, .down:
      state.focus = order[(index + 1) % order.count]
    case .backTab, .up:
      state.focus = order[(index + order.count - 1) % order.count]
    case .left where state.focus == .pay:
      state.payIndex = (state.payIndex + PayMethod.allCases.count - 1) % PayMethod.allCases.count
    case .right where state.focus == .pay, .character(" ") where state.focus == .pay:
      state.payIndex = (state.payIndex + 1) % PayMethod.allCases.count
    case .character(let c) where state.focus == .pay:
      if let digit = c.wholeNumberValue, digit >= 1, digit <= PayMethod.allCases.count {
        state.payIndex = digit - 1
      }
    case .enter:
      return submitOpening(&state)
    default:
      guard state.focus != .pay, var field = state.fields[state.focus], field.handle(key) else { return [] }
      state.fields[state.focus] = field
      state.problem = nil
    }
    return []
  }

  private static func submitOpening(_ state: inout AccountsState) -> [Effect] {
    let tenant = state.text(.tenant).trimmingCharacters(in: .whitespaces)
    let shop = state.text(.shop).trimmingCharacters(in: .whitespaces)
    for (field, empty) in [
      (AccountField.tenant, tenant.isEmpty), (.shop, shop.isEmpty), (.meters, state.meterNumbers.isEmpty),
    ]
    where empty {
      state.problem = .missing(field)
      state.focus = field
      return []
    }
    let recharge: Money?
    switch state.recharge {
    case .success(let money): recharge = money
    case .failure(let problem):
      state.problem = .amount(problem)
      state.focus = .recharge
      return []
    }
    state.problem = nil
    state.phase = .submitting
    state.submittingOpen = true
    let opening = AccountOpening(
      tenant: tenant, phone: state.text(.phone).trimmingCharacters(in: .whitespaces), shop: shop,
      meters: state.meterNumbers, firstRecharge: recharge, pay: state.pay)
    return [.openAccount(opening)]
  }

  /// Keys of the close confirmation: Y/Enter on 确认 closes (or asks a supervisor), N/Esc cancels.
  static func confirmingClose(_ key: Key, selected: Int, _ state: inout AccountsState) -> [Effect] {
    switch key {
    case .character("y"), .character("Y"):
      return confirmedClose(&state)
    case .enter:
      if selected == 0 { return confirmedClose(&state) }
      state.phase = .list
    case .character("n"), .character("N"), .escape:
      state.phase = .list
    case .left, .right, .tab, .backTab:
      state.phase = .confirmingClose(selected: 1 - selected)
    default: break
    }
    return []
  }

  private static func confirmedClose(_ state: inout AccountsState) -> [Effect] {
    guard state.needsApproval else { return submitClose(&state, approval: nil) }
    ApprovalKeys.reset(
      name: &state.supervisorName, password: &state.supervisorPassword,
      onPassword: &state.approvalOnPassword)
    state.problem = nil
    state.phase = .approving
    return []
  }

  /// Keys of the approval dialog: type name and password, Tab/↑↓ switch, Enter sends, Esc refuses.
  static func approving(_ key: Key, _ state: inout AccountsState) -> [Effect] {
    switch ApprovalKeys.handle(
      key, name: &state.supervisorName, password: &state.supervisorPassword,
      onPassword: &state.approvalOnPassword)
    {
    case .cancelled:
      state.phase = .list
      state.problem = .approvalCancelled
    case .submitted(let approval):
      return submitClose(&state, approval: approval)
    case .missingCredentials:
      state.problem = .credentialsMissing
    case .edited:
      state.problem = nil
    case .ignored:
      break
    }
    return []
  }

  private static func submitClose(_ state: inout AccountsState, approval: SaleApproval?) -> [Effect] {
    state.supervisorPassword.value = ""
    state.supervisorPassword.cursor = 0
    guard let account = state.account else {
      state.phase = .list
      return []
    }
    state.problem = nil
    state.phase = .submitting
    state.submittingOpen = false
    return [.closeAccount(account: account.account, approval: approval)]
  }
}

import Domain
import TerminalUI

extension CommissioningScreen {
  /// Keys of a relay test: confirm (Y/Enter on 确认), the approval dialog when the role may not control
  /// meters, nothing while it runs (the relay must be closed again), Esc back to the meters once done.
  static func relayKey(_ key: Key, _ test: inout RelayTest, _ state: inout BusesState) -> [Effect] {
    switch test.phase {
    case .confirming(let selected):
      switch key {
      case .character("y"), .character("Y"):
        return confirmed(&test, &state)
      case .enter where selected == 0:
        return confirmed(&test, &state)
      case .enter, .character("n"), .character("N"), .escape:
        state.panel = .meters(test.pick)
        return []
      case .left, .right, .tab, .backTab:
        test.phase = .confirming(selected: 1 - selected)
      default: break
      }
    case .approving:
      switch ApprovalKeys.handle(
        key, name: &test.supervisorName, password: &test.supervisorPassword, onPassword: &test.onPassword)
      {
      case .cancelled:
        state.panel = .meters(test.pick)
        return []
      case .submitted(let approval):
        return run(&test, approval: approval, &state)
      case .missingCredentials:
        test.approvalProblem = true
      case .edited:
        test.approvalProblem = false
      case .ignored:
        break
      }
    case .running:
      break
    case .finished:
      switch key {
      case .escape:
        state.panel = .meters(test.pick)
        return []
      case .character("t"), .character("T"):
        test = RelayTest(meter: test.meter, pick: test.pick)
      default: break
      }
    }
    state.panel = .relay(test)
    return []
  }

  /// Confirmed: runs at once when the role may control meters, else asks a supervisor.
  private static func confirmed(_ test: inout RelayTest, _ state: inout BusesState) -> [Effect] {
    guard !(state.role?.allows(.remoteControl) ?? false) else { return run(&test, approval: nil, &state) }
    ApprovalKeys.reset(
      name: &test.supervisorName, password: &test.supervisorPassword, onPassword: &test.onPassword)
    test.approvalProblem = false
    test.phase = .approving
    state.panel = .relay(test)
    return []
  }

  private static func run(_ test: inout RelayTest, approval: SaleApproval?, _ state: inout BusesState)
    -> [Effect]
  {
    test.supervisorPassword.value = ""
    test.supervisorPassword.cursor = 0
    test.phase = .running
    test.steps = []
    state.panel = .relay(test)
    return [.relayTest(meter: test.meter, approval: approval)]
  }
}

import Domain
import TerminalUI

extension BatchScreen {
  /// Preview keys: Enter or `y` asks for confirmation, Esc goes back to the setup.
  static func previewKey(_ key: Key, _ preview: BatchPreviewModel, _ state: inout BatchState) -> [Effect] {
    switch key {
    case .enter, .character("y"), .character("Y"):
      guard preview.meters > 0 else {
        state.problem = .nothingToDo
        return []
      }
      state.problem = nil
      state.phase = .confirming(preview, selected: 1)
    case .escape:
      state.problem = nil
      state.phase = .setup
    default:
      break
    }
    return []
  }

  /// Keys of the confirmation: Y/Enter on 确认 starts (or asks a supervisor), N/Esc goes back to the preview.
  static func confirming(
    _ key: Key, _ preview: BatchPreviewModel, selected: Int, _ state: inout BatchState
  ) -> [Effect] {
    switch key {
    case .character("y"), .character("Y"):
      return confirmed(preview, &state)
    case .enter:
      if selected == 0 { return confirmed(preview, &state) }
      state.phase = .preview(preview)
    case .character("n"), .character("N"), .escape:
      state.phase = .preview(preview)
    case .left, .right, .tab, .backTab:
      state.phase = .confirming(preview, selected: 1 - selected)
    default:
      break
    }
    return []
  }

  /// Confirmed: starts at once, or opens the approval dialog when the preview needs a supervisor.
  private static func confirmed(_ preview: BatchPreviewModel, _ state: inout BatchState) -> [Effect] {
    guard preview.needsApproval else { return start(preview, approval: nil, &state) }
    ApprovalKeys.reset(
      name: &state.supervisorName, password: &state.supervisorPassword, onPassword: &state.approvalOnPassword)
    state.problem = nil
    state.phase = .approving(preview)
    return []
  }

  /// Keys of the approval dialog (the shared handler): type name and password, Enter sends, Esc refuses.
  static func approving(_ key: Key, _ preview: BatchPreviewModel, _ state: inout BatchState) -> [Effect] {
    switch ApprovalKeys.handle(
      key, name: &state.supervisorName, password: &state.supervisorPassword,
      onPassword: &state.approvalOnPassword)
    {
    case .cancelled:
      state.phase = .preview(preview)
      state.problem = .approvalCancelled
    case .submitted(let approval):
      return start(preview, approval: approval, &state)
    case .missingCredentials:
      state.problem = .credentialsMissing
    case .edited:
      state.problem = nil
    case .ignored:
      break
    }
    return []
  }

  private static func start(
    _ preview: BatchPreviewModel, approval: SaleApproval?, _ state: inout BatchState
  ) -> [Effect] {
    state.supervisorPassword.value = ""
    state.supervisorPassword.cursor = 0
    guard let target = state.target else {
      state.phase = .setup
      state.problem = .noTarget
      return []
    }
    state.problem = nil
    state.phase = .starting(preview)
    return [.startBatch(preview.operation, target, approval: approval)]
  }
}

import TerminalUI

/// The login screen: operator, then password; Tab or Enter moves on; Enter on the password submits.
public enum LoginScreen {
  /// Applies `action` to `state`; returns `.logIn` when the operator submits.
  public static func update(_ state: inout LoginState, _ action: LoginAction) -> [Effect] {
    switch action {
    case .loginRefused(let refusal):
      state.submitting = false
      state.refusal = refusal
      state.passwordField.value = ""
      state.passwordField.cursor = 0
      state.focus = .password
      return []
    case .keyPressed(let key):
      return handle(key, &state)
    }
  }

  private static func handle(_ key: Key, _ state: inout LoginState) -> [Effect] {
    guard !state.submitting else { return [] }
    switch key {
    case .tab, .backTab, .up, .down:
      state.focus = state.focus == .operatorName ? .password : .operatorName
      return []
    case .enter:
      if state.focus == .operatorName {
        state.focus = .password
        return []
      }
      let name = state.operatorField.value.trimmingSpaces
      guard !name.isEmpty else {
        state.focus = .operatorName
        state.refusal = nil
        state.nameMissing = true
        return []
      }
      state.submitting = true
      state.refusal = nil
      state.nameMissing = false
      return [.logIn(name: name, password: state.passwordField.value)]
    default:
      let consumed =
        state.focus == .operatorName
        ? state.operatorField.handle(key) : state.passwordField.handle(key)
      if consumed, case .character = key {
        state.refusal = nil
        state.nameMissing = false
      }
      return []
    }
  }

  /// Keys this screen understands, for the help overlay.
  public static let help: [HelpEntry] = [
    HelpEntry(keys: "Tab / Enter", text: .loginNextField),
    HelpEntry(keys: "Enter", text: .loginSubmit),
    HelpEntry(keys: "F1 / ?", text: .showHelp),
    HelpEntry(keys: "F10", text: .quit),
  ]
}

extension String {
  /// The string without leading and trailing whitespace.
  var trimmingSpaces: String {
    guard let start = firstIndex(where: { !$0.isWhitespace }),
      let end = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[start...end])
  }
}

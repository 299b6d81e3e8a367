import Domain
import TerminalUI

extension LoginScreen {
  /// The demo accounts shown in demo mode only: name/password and role.
  static let demoAccounts: [(String, Role)] = [
    ("cashier/cashier", .cashier), ("supervisor/supervisor", .supervisor),
    ("electrician/electrician", .electrician), ("admin/admin", .admin),
  ]

  /// Renders the login box (and the demo accounts in demo mode) centred in `size`.
  public static func view(_ state: LoginState, size: Size, language: Language) -> Buffer {
    let strings = Strings(language)
    var buffer = Buffer(size: size)
    let boxHeight = 8
    let demoHeight = state.demoMode ? demoAccounts.count + 2 : 0
    let total = boxHeight + (state.demoMode ? demoHeight + 1 : 0)
    let width = min(size.width, 56)
    let area = Rect(size: size).centered(width: width, height: total)
    let box = Rect(x: area.x, y: area.y, width: width, height: boxHeight)
    buffer.drawBox(box, role: .border, title: strings[LoginText.title])
    let inner = box.inset(by: 1)
    let fieldRect = Rect(x: inner.x + 2, y: inner.y + 1, width: max(0, inner.width - 4), height: 1)
    let labelWidth =
      max(Format.cells(strings[LoginText.operatorName]), Format.cells(strings[LoginText.password])) + 2
    var operatorField = state.operatorField
    operatorField.label = strings[LoginText.operatorName]
    var passwordField = state.passwordField
    passwordField.label = strings[LoginText.password]
    operatorField.render(
      into: &buffer, rect: fieldRect, focused: state.focus == .operatorName, labelWidth: labelWidth)
    passwordField.render(
      into: &buffer, rect: Rect(x: fieldRect.x, y: fieldRect.y + 1, width: fieldRect.width, height: 1),
      focused: state.focus == .password, labelWidth: labelWidth)
    if let (text, role) = message(state, strings) {
      buffer.write(
        text, in: Rect(x: fieldRect.x, y: inner.y + 3, width: fieldRect.width, height: 1), role: role)
    }
    buffer.write(
      strings[LoginText.hint], in: Rect(x: fieldRect.x, y: inner.y + 5, width: fieldRect.width, height: 1),
      role: .dim)
    if state.demoMode {
      let demo = Rect(x: area.x, y: box.maxY + 1, width: width, height: demoHeight)
      buffer.drawBox(demo, role: .info, title: strings[LoginText.demoTitle])
      for (index, (account, role)) in demoAccounts.enumerated() {
        let y = demo.y + 1 + index
        buffer.write(account, x: demo.x + 3, y: y, role: .info, maxWidth: max(0, demo.width - 4))
        buffer.write(
          strings.role(role), x: demo.x + 29, y: y, role: .dim,
          maxWidth: max(0, demo.maxX - 1 - (demo.x + 29)))
      }
    }
    return buffer
  }

  private static func message(_ state: LoginState, _ strings: Strings) -> (String, StyleRole)? {
    if state.submitting { return (strings[LoginText.submitting], .info) }
    if state.nameMissing { return (strings[LoginText.nameMissing], .error) }
    guard let refusal = state.refusal else { return nil }
    switch refusal {
    case .wrongPassword(let attemptsLeft):
      if let attemptsLeft {
        return (strings.format(LoginText.wrongPasswordAttempts, "\(attemptsLeft)"), .error)
      }
      return (strings[LoginText.wrongPassword], .error)
    case .lockedUntil(let date):
      return (strings.format(LoginText.lockedUntil, state.clock.hm(date)), .error)
    case .disabled:
      return (strings[LoginText.disabled], .error)
    case .other(let text):
      return (text, .error)
    }
  }
}

import Foundation
import TerminalUI

/// Why the services refused a login; the screen words it in the operator's language.
public enum LoginRefusal: Sendable, Hashable {
  /// Unknown operator or wrong password (never told apart); `attemptsLeft` before lockout, if known.
  case wrongPassword(attemptsLeft: Int?)
  /// Five failures in a row: locked until the given instant (shown as site time hh:mm).
  case lockedUntil(Date)
  /// The operator account is disabled.
  case disabled
  /// Anything else, shown as given.
  case other(String)
}

/// Which login field has the focus.
public enum LoginFocus: Sendable, Hashable {
  /// The operator name.
  case operatorName
  /// The password.
  case password
}

/// The login screen: two fields, the focus, the last refusal, and the demo hint switch.
public struct LoginState: Sendable, Hashable {
  /// The operator name field.
  public var operatorField: FormField
  /// The password field (masked).
  public var passwordField: FormField
  /// The focused field.
  public var focus: LoginFocus
  /// The last refusal, shown under the fields.
  public var refusal: LoginRefusal?
  /// True after Enter on the password with an empty operator name.
  public var nameMissing: Bool
  /// True while the services check the credentials.
  public var submitting: Bool
  /// Shows the demo accounts box.
  public var demoMode: Bool
  /// Site time for "locked until hh:mm".
  public var clock: SiteClock

  /// An empty login form.
  public init(demoMode: Bool, clock: SiteClock = SiteClock(utcOffsetSeconds: 0)) {
    operatorField = FormField(label: "")
    operatorField.maxLength = 32
    passwordField = FormField(label: "", secure: true)
    passwordField.maxLength = 64
    focus = .operatorName
    refusal = nil
    nameMissing = false
    submitting = false
    self.demoMode = demoMode
    self.clock = clock
  }
}

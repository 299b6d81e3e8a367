import TerminalUI

/// The supervisor-approval dialog's keys, shared by every screen that asks for approval
/// (refunds and reversals in the sale window, closing an account).
enum ApprovalKeys {
  /// What a key did to the dialog.
  enum Outcome: Equatable {
    /// Esc: the approval was refused.
    case cancelled
    /// Enter with both fields filled: the credentials to check.
    case submitted(SaleApproval)
    /// Enter with a field empty.
    case missingCredentials
    /// The key edited a field.
    case edited
    /// Nothing happened.
    case ignored
  }

  /// Clears both fields and puts the cursor on the name.
  static func reset(name: inout FormField, password: inout FormField, onPassword: inout Bool) {
    name.value = ""
    name.cursor = 0
    password.value = ""
    password.cursor = 0
    onPassword = false
  }

  /// Type name and password, Tab/Up/Down switch fields, Enter sends (moving to the password
  /// first when it is empty), Esc refuses.
  static func handle(
    _ key: Key, name: inout FormField, password: inout FormField, onPassword: inout Bool
  ) -> Outcome {
    switch key {
    case .escape:
      return .cancelled
    case .tab, .backTab, .up, .down:
      onPassword.toggle()
      return .ignored
    case .enter:
      if !onPassword, password.value.isEmpty {
        onPassword = true
        return .ignored
      }
      let supervisor = name.value.trimmingCharacters(in: .whitespaces)
      guard !supervisor.isEmpty, !password.value.isEmpty else { return .missingCredentials }
      return .submitted(SaleApproval(name: supervisor, password: password.value))
    default:
      let handled = onPassword ? password.handle(key) : name.handle(key)
      return handled ? .edited : .ignored
    }
  }
}

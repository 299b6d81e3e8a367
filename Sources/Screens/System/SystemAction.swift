import Domain
import Foundation
import TerminalUI

/// The tabs of the system screen, in order.
public enum SystemTab: Sendable, Hashable, CaseIterable {
  /// The operator's own account: password, re-login (everyone).
  case account
  /// Operator administration (admins).
  case operators
  /// The operation log and its chain (supervisors, admins).
  case audit
  /// Site settings (admins).
  case settings

  /// The permission the tab needs, nil for everyone.
  var permission: Permission? {
    switch self {
    case .account: nil
    case .operators: .manageOperators
    case .audit: .viewAuditLog
    case .settings: .editSettings
    }
  }
}

/// What can happen to the system screen (系统管理).
public enum SystemAction: Sendable, Hashable {
  /// A key while the screen is shown.
  case keyPressed(Key)
  /// The operators arrived.
  case operatorsLoaded([OperatorRow])
  /// An operator change went through (`error` nil) or was refused.
  case operatorChanged(name: String, error: String?)
  /// The own-password change went through or was refused.
  case passwordChanged(error: String?)
  /// The log entries and the chain check arrived.
  case auditLoaded([AuditRow], AuditChainModel)
  /// The log was exported to `path`, or failed.
  case auditExported(path: String?, error: String?)
  /// The settings arrived, as text per field.
  case settingsLoaded([SettingsFieldID: String])
  /// The settings were saved (no problems) or refused: the problem per field, or one general error.
  case settingsSaved(problems: [SettingsFieldID: String], error: String?)
  /// The screen's area changed.
  case resized(Size)
}

/// A dialog over the system screen.
public enum SystemDialog: Sendable, Hashable {
  /// Old, new and repeated password.
  case changePassword
  /// Name, role, password and repeat.
  case addOperator
  /// New password and repeat for the operator.
  case resetPassword(String)
  /// A new role for the operator.
  case role(String)
  /// Disable (true) or enable the operator?
  case confirmDisable(String, disable: Bool)
  /// The log's filter line.
  case auditFilter
}

/// The line under the tab: an outcome or a refusal.
public enum SystemNotice: Sendable, Hashable {
  /// Something went through.
  case done(String)
  /// A refusal or failure.
  case problem(String)
}

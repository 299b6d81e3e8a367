import TerminalUI

/// What happened on the login screen.
public enum LoginAction: Sendable, Hashable {
  /// The operator pressed a key.
  case keyPressed(Key)
  /// The services refused the credentials.
  case loginRefused(LoginRefusal)
}

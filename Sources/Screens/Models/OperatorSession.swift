import Domain

/// The operator who is logged in.
public struct OperatorSession: Sendable, Hashable {
  /// The operator's login name.
  public var name: String
  /// The operator's role.
  public var role: Role

  /// Creates a session.
  public init(name: String, role: Role) {
    self.name = name
    self.role = role
  }
}

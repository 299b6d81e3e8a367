import Foundation
import GRDB

/// A tenant's account (户); it may own several meters (一户多表).
public struct AccountRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "account"
  /// Account number (户号).
  public var id: String
  /// Tenant name.
  public var tenant: String
  /// Tenant phone.
  public var phone: String
  /// Shop or room.
  public var shop: String
  /// Opening date `YYYY-MM-DD`.
  public var openedOn: String
  /// When the account was closed (销户), nil while open.
  public var closedAt: Date?

  /// Creates an account row.
  public init(
    id: String, tenant: String, phone: String, shop: String, openedOn: String, closedAt: Date?
  ) {
    self.id = id
    self.tenant = tenant
    self.phone = phone
    self.shop = shop
    self.openedOn = openedOn
    self.closedAt = closedAt
  }
}

/// An operator who logs in to the console.
public struct OperatorRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "operator"
  /// Login name.
  public var name: String
  /// `cashier`, `supervisor`, `electrician` or `admin`.
  public var role: String
  /// PBKDF2 hash in its encoded form.
  public var passwordHash: String
  /// When the operator was created.
  public var createdAt: Date
  /// Disabled operators cannot log in.
  public var disabled: Bool
  /// Failed log-ins in a row.
  public var failedAttempts: Int
  /// Locked out until then.
  public var lockedUntil: Date?

  /// Creates an operator row.
  public init(
    name: String, role: String, passwordHash: String, createdAt: Date, disabled: Bool = false,
    failedAttempts: Int = 0, lockedUntil: Date? = nil
  ) {
    self.name = name
    self.role = role
    self.passwordHash = passwordHash
    self.createdAt = createdAt
    self.disabled = disabled
    self.failedAttempts = failedAttempts
    self.lockedUntil = lockedUntil
  }
}

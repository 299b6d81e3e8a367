import Domain
import Foundation
import MeterCrypto
import Store

/// Why a log-in or an operator change was refused.
public enum OperatorError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Unknown name or wrong password (the two are not told apart).
  case wrongCredentials
  /// Too many failures; locked until then.
  case lockedOut(until: Date)
  /// The operator is disabled.
  case disabled(String)
  /// The name is empty or has spaces or control characters.
  case badName(String)
  /// Passwords need at least this many characters.
  case passwordTooShort(minimum: Int)
  /// The role is not cashier, supervisor, electrician or admin.
  case unknownRole(String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .wrongCredentials: return "wrong operator name or password"
    case .lockedOut(let until): return "too many failed log-ins; locked until \(until)"
    case .disabled(let name): return "operator \"\(name)\" is disabled"
    case .badName(let name): return "operator name \"\(name)\" must be 1–32 letters, digits, - or _"
    case .passwordTooShort(let minimum): return "the password needs at least \(minimum) characters"
    case .unknownRole(let role):
      return "role \"\(role)\" is not one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))"
    }
  }
}

/// An operator who has proved who they are.
public struct Session: Sendable, Hashable {
  /// Login name.
  public var name: String
  /// Role.
  public var role: Role
  /// True when the role allows the permission.
  public func allows(_ permission: Permission) -> Bool { role.allows(permission) }
}

/// Operators, passwords and log-in (登录管理), with lockout and audit.
public struct OperatorService: Sendable {
  /// Failed log-ins in a row that lock an operator out.
  public static let maxFailures = 5
  /// How long a lockout lasts.
  public static let lockout: TimeInterval = 5 * 60
  /// Shortest password accepted.
  public static let minimumPasswordLength = 4

  let database: AppDatabase
  let iterations: Int

  /// Creates the service; `iterations` is the PBKDF2 work factor for new hashes.
  public init(database: AppDatabase, iterations: Int = 120_000) {
    self.database = database
    self.iterations = iterations
  }

  /// Adds an operator with a freshly salted PBKDF2-SHA256 hash.
  public func add(name: String, role roleName: String, password: String, by actor: String, at now: Date)
    throws
  {
    guard Self.isValidName(name) else { throw OperatorError.badName(name) }
    guard let role = Role(rawValue: roleName) else { throw OperatorError.unknownRole(roleName) }
    guard password.count >= Self.minimumPasswordLength else {
      throw OperatorError.passwordTooShort(minimum: Self.minimumPasswordLength)
    }
    let hash = try PasswordHash.make(password: password, iterations: iterations)
    try database.addOperator(
      OperatorRecord(name: name, role: role.rawValue, passwordHash: hash.encoded, createdAt: now),
      by: actor)
  }

  /// Checks a name and password; counts failures, locks out after ``maxFailures`` and audits both.
  public func logIn(name: String, password: String, at now: Date) throws -> Session {
    guard var record = try database.operator(named: name) else {
      try database.appendAudit(
        AuditRecord(at: now, operator: name, action: "login.failed", target: name, detail: "unknown operator")
      )
      throw OperatorError.wrongCredentials
    }
    if let until = record.lockedUntil, until > now { throw OperatorError.lockedOut(until: until) }
    if record.disabled { throw OperatorError.disabled(name) }
    let hash = try? PasswordHash(encoded: record.passwordHash)
    guard let hash, hash.verify(password), let role = Role(rawValue: record.role) else {
      record.failedAttempts += 1
      var detail = "failure \(record.failedAttempts)"
      var error = OperatorError.wrongCredentials
      if record.failedAttempts >= Self.maxFailures {
        let until = now.addingTimeInterval(Self.lockout)
        record.lockedUntil = until
        record.failedAttempts = 0
        detail += "; locked out for \(Int(Self.lockout / 60)) minutes"
        error = .lockedOut(until: until)
      }
      try database.updateOperator(
        record,
        audit: AuditRecord(
          at: now, operator: name, action: error == .wrongCredentials ? "login.failed" : "login.lockout",
          target: name, detail: detail))
      throw error
    }
    record.failedAttempts = 0
    record.lockedUntil = nil
    try database.updateOperator(
      record,
      audit: AuditRecord(at: now, operator: name, action: "login", target: name, detail: role.rawValue))
    return Session(name: name, role: role)
  }

  static func isValidName(_ name: String) -> Bool {
    (1...32).contains(name.count)
      && name.unicodeScalars.allSatisfy {
        ($0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_"))
      }
  }
}

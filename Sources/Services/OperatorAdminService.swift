import Domain
import Foundation
import MeterCrypto
import Store

/// Why an operator administration step was refused.
public enum OperatorAdminError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The acting operator may not do this (or is no longer an enabled operator with that right).
  case notPermitted(operator: String, Permission)
  /// No operator of that name.
  case unknownOperator(String)
  /// The old password does not match (or there is no such operator; the two are not told apart).
  case wrongOldPassword
  /// New passwords need at least this many characters.
  case passwordTooShort(minimum: Int)
  /// The new password is the old one.
  case samePassword
  /// An admin tried to disable themselves.
  case cannotDisableSelf(String)
  /// The change would leave no enabled admin.
  case lastAdmin(String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .notPermitted(let name, let permission):
      return "operator \"\(name)\" may not \(Self.verb(permission))"
    case .unknownOperator(let name): return "no operator \"\(name)\""
    case .wrongOldPassword: return "wrong operator name or old password"
    case .passwordTooShort(let minimum): return "the new password needs at least \(minimum) characters"
    case .samePassword: return "the new password must differ from the old one"
    case .cannotDisableSelf(let name): return "operator \"\(name)\" cannot disable themselves"
    case .lastAdmin(let name):
      return "\"\(name)\" is the last enabled admin; enable or appoint another admin first"
    }
  }

  private static func verb(_ permission: Permission) -> String {
    switch permission {
    case .manageOperators: return "manage operators"
    case .editSettings: return "edit the site settings"
    default: return permission.rawValue
    }
  }
}

/// An operator as the administration screen lists it.
public struct OperatorState: Sendable, Hashable {
  /// Login name.
  public var name: String
  /// Role; nil when the stored role is not one MeterDesk knows.
  public var role: Role?
  /// The stored role text.
  public var roleName: String
  /// Disabled operators cannot log in.
  public var disabled: Bool
  /// Locked out until then (may lie in the past: the lockout is over).
  public var lockedUntil: Date?
  /// Failed log-ins in a row.
  public var failedAttempts: Int
  /// When the operator was created.
  public var createdAt: Date
  /// The last successful log-in, from the audit log.
  public var lastLogin: Date?

  /// Whether the operator is locked out at `now`.
  public func isLocked(at now: Date) -> Bool { lockedUntil.map { $0 > now } ?? false }
}

/// One role's row of the permission table (权限表).
public struct RolePermissions: Sendable, Hashable {
  /// The role.
  public var role: Role
  /// Every permission, allowed or not.
  public var allowed: [Permission: Bool]
}

/// Operator administration (登录管理): own password changes, and for an admin: reset, disable,
/// enable, unlock, role changes, the list with log-in state, and the permission table. Every change is
/// written with its audit line (who, what) in one transaction.
public struct OperatorAdminService: Sendable {
  /// Shortest password accepted when a password is changed or reset.
  public static let minimumPasswordLength = 8

  let database: AppDatabase
  let iterations: Int

  /// Creates the service; `iterations` is the PBKDF2 work factor for new hashes.
  public init(database: AppDatabase, iterations: Int = PasswordHash.defaultIterations) {
    self.database = database
    self.iterations = iterations
  }

  /// Changes an operator's own password: the old one must match (failures count towards the lockout
  /// as log-ins do), the new one is at least ``minimumPasswordLength`` long and differs. Audited
  /// `operator.passwd`.
  public func changeOwnPassword(name: String, old: String, new: String, at now: Date) throws {
    try checkNew(new)
    guard new != old else { throw OperatorAdminError.samePassword }
    let hash = try PasswordHash.make(password: new, iterations: iterations)
    var refusal: (any Error)?
    do {
      try database.changeOperator(named: name) { record, _ in
        if let until = record.lockedUntil, until > now { throw OperatorError.lockedOut(until: until) }
        if record.disabled { throw OperatorError.disabled(name) }
        let stored = try? PasswordHash(encoded: record.passwordHash)
        guard let stored, stored.verify(old) else {
          // The failure is counted and written; the refusal is thrown after the transaction.
          record.failedAttempts += 1
          var detail = "old password wrong; failure \(record.failedAttempts)"
          refusal = OperatorAdminError.wrongOldPassword
          if record.failedAttempts >= OperatorService.maxFailures {
            let until = now.addingTimeInterval(OperatorService.lockout)
            record.lockedUntil = until
            record.failedAttempts = 0
            detail += "; locked out for \(Int(OperatorService.lockout / 60)) minutes"
            refusal = OperatorError.lockedOut(until: until)
          }
          return AuditRecord(
            at: now, operator: name, action: "operator.passwd.failed", target: name, detail: detail)
        }
        record.passwordHash = hash.encoded
        record.failedAttempts = 0
        record.lockedUntil = nil
        return AuditRecord(
          at: now, operator: name, action: "operator.passwd", target: name, detail: "own password changed")
      }
    } catch OperatorStoreError.notFound {
      throw OperatorAdminError.wrongOldPassword
    }
    if let refusal { throw refusal }
  }

  /// Sets a new password for `name` (admin: ``Permission/manageOperators``); also lifts a lockout.
  /// Audited `operator.reset`.
  public func resetPassword(name: String, newPassword: String, by session: Session, at now: Date = Date())
    throws
  {
    try checkNew(newPassword)
    let hash = try PasswordHash.make(password: newPassword, iterations: iterations)
    _ = try change(name, by: session) { record, _ in
      record.passwordHash = hash.encoded
      record.failedAttempts = 0
      record.lockedUntil = nil
      return AuditRecord(
        at: now, operator: session.name, action: "operator.reset", target: name, detail: "password reset")
    }
  }

  /// Disables `name`; an admin cannot disable themselves, nor the last enabled admin be disabled.
  /// Returns false (and writes nothing) when already disabled. Audited `operator.disable`.
  @discardableResult
  public func disable(name: String, by session: Session, at now: Date = Date()) throws -> Bool {
    guard name != session.name else { throw OperatorAdminError.cannotDisableSelf(name) }
    let record = try change(name, by: session) { record, all in
      guard !record.disabled else { return nil }
      if record.role == Role.admin.rawValue { try Self.keepAnAdmin(besides: name, in: all) }
      record.disabled = true
      return AuditRecord(
        at: now, operator: session.name, action: "operator.disable", target: name, detail: "disabled")
    }
    return record.changed
  }

  /// Enables `name` again. Returns false (and writes nothing) when not disabled. Audited
  /// `operator.enable`.
  @discardableResult
  public func enable(name: String, by session: Session, at now: Date = Date()) throws -> Bool {
    let record = try change(name, by: session) { record, _ in
      guard record.disabled else { return nil }
      record.disabled = false
      return AuditRecord(
        at: now, operator: session.name, action: "operator.enable", target: name, detail: "enabled")
    }
    return record.changed
  }

  /// Lifts a lockout and clears the failure count. Returns false when there was nothing to lift.
  /// Audited `operator.unlock`.
  @discardableResult
  public func unlock(name: String, by session: Session, at now: Date = Date()) throws -> Bool {
    let record = try change(name, by: session) { record, _ in
      guard record.lockedUntil != nil || record.failedAttempts != 0 else { return nil }
      record.lockedUntil = nil
      record.failedAttempts = 0
      return AuditRecord(
        at: now, operator: session.name, action: "operator.unlock", target: name, detail: "lockout lifted")
    }
    return record.changed
  }

  /// Gives `name` another role; the last enabled admin cannot be demoted. Returns false when the role
  /// is already that. Audited `operator.role` with old → new.
  @discardableResult
  public func setRole(name: String, role: Role, by session: Session, at now: Date = Date()) throws -> Bool {
    let record = try change(name, by: session) { record, all in
      guard record.role != role.rawValue else { return nil }
      if record.role == Role.admin.rawValue, !record.disabled {
        try Self.keepAnAdmin(besides: name, in: all)
      }
      let old = record.role
      record.role = role.rawValue
      return AuditRecord(
        at: now, operator: session.name, action: "operator.role", target: name,
        detail: "role \(old) → \(role.rawValue)")
    }
    return record.changed
  }

  /// Every operator with role, state, lockout, failures and last log-in, by name.
  public func list() throws -> [OperatorState] {
    let logins = try database.lastLogins()
    return try database.operators().map { record in
      OperatorState(
        name: record.name, role: Role(rawValue: record.role), roleName: record.role,
        disabled: record.disabled,
        lockedUntil: record.lockedUntil, failedAttempts: record.failedAttempts, createdAt: record.createdAt,
        lastLogin: logins[record.name])
    }
  }

  /// The permission table: each role with every permission allowed or not (`Role.permissions`).
  public static func permissionTable() -> [RolePermissions] {
    Role.allCases.map { role in
      RolePermissions(
        role: role,
        allowed: Dictionary(uniqueKeysWithValues: Permission.allCases.map { ($0, role.allows($0)) }))
    }
  }

  // MARK: - Rules

  private func checkNew(_ password: String) throws {
    guard password.count >= Self.minimumPasswordLength else {
      throw OperatorAdminError.passwordTooShort(minimum: Self.minimumPasswordLength)
    }
  }

  /// Throws unless another enabled admin than `name` remains.
  private static func keepAnAdmin(besides name: String, in all: [OperatorRecord]) throws {
    let others = all.filter { $0.name != name && $0.role == Role.admin.rawValue && !$0.disabled }
    guard !others.isEmpty else { throw OperatorAdminError.lastAdmin(name) }
  }

  /// One admin change in one transaction: the actor is checked as stored now (enabled, role allows
  /// managing operators), then `body` edits the target.
  private func change(
    _ name: String, by session: Session,
    _ body: (inout OperatorRecord, [OperatorRecord]) throws -> AuditRecord?
  ) throws -> (record: OperatorRecord, changed: Bool) {
    var changed = false
    do {
      let record = try database.changeOperator(named: name) { record, all in
        guard let actor = all.first(where: { $0.name == session.name }), !actor.disabled,
          Role(rawValue: actor.role)?.allows(.manageOperators) == true
        else { throw OperatorAdminError.notPermitted(operator: session.name, .manageOperators) }
        let audit = try body(&record, all)
        changed = audit != nil
        return audit
      }
      return (record, changed)
    } catch OperatorStoreError.notFound(let missing) {
      throw OperatorAdminError.unknownOperator(missing)
    }
  }
}

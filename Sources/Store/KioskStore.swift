import Foundation
import GRDB

/// The kiosk's failed query passwords for one account and the end of its lockout.
public struct KioskLockRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "kioskLock"
  /// Account number.
  public var account: String
  /// Wrong passwords in a row since the last good one or the last lockout.
  public var failures: Int
  /// Kiosk queries of the account are refused until then.
  public var lockedUntil: Date?

  /// Creates a lock row.
  public init(account: String, failures: Int, lockedUntil: Date?) {
    self.account = account
    self.failures = failures
    self.lockedUntil = lockedUntil
  }
}

/// An open account as the kiosk checks it: the account, its query password hash and its lock.
public struct KioskAccess: Sendable, Hashable {
  /// The account.
  public var account: AccountRecord
  /// The query password hash, nil when none was set.
  public var queryPasswordHash: String?
  /// The failure count and lockout (zero failures, no lockout when never failed).
  public var lock: KioskLockRecord
}

extension AppDatabase {
  /// The open account a tenant names at the kiosk: an account number, else a meter number whose
  /// account is open; nil for anything else (closed accounts and free meters included).
  public func kioskAccess(number: String) throws -> KioskAccess? {
    try writer.read { db in
      var account = try AccountRecord.fetchOne(db, key: number)
      if account?.closedAt != nil { account = nil }
      if account == nil, let owner = try MeterRecord.fetchOne(db, key: number)?.account {
        account = try AccountRecord.fetchOne(db, key: owner).flatMap { $0.closedAt == nil ? $0 : nil }
      }
      guard let account else { return nil }
      let hash =
        try String?.fetchOne(
          db, sql: "SELECT queryPasswordHash FROM account WHERE id = ?", arguments: [account.id]) ?? nil
      let lock =
        try KioskLockRecord.fetchOne(db, key: account.id)
        ?? KioskLockRecord(account: account.id, failures: 0, lockedUntil: nil)
      return KioskAccess(account: account, queryPasswordHash: hash, lock: lock)
    }
  }

  /// Stores the kiosk lock row of an account with an optional audit line, in one transaction.
  public func saveKioskLock(_ lock: KioskLockRecord, audit: AuditRecord?) throws {
    try writer.write { db in
      try lock.save(db)
      if let audit { try audit.insert(db) }
    }
  }

  /// Sets an account's query password hash, clears its kiosk lock and writes the audit line.
  public func setQueryPassword(account: String, hash: String, audit: AuditRecord) throws {
    try writer.write { db in
      guard try AccountRecord.exists(db, key: account) else {
        throw AccountStoreError.unknownAccount(account)
      }
      try db.execute(
        sql: "UPDATE account SET queryPasswordHash = ? WHERE id = ?", arguments: [hash, account])
      try KioskLockRecord.deleteOne(db, key: account)
      try audit.insert(db)
    }
  }

  /// The site's top-up text for tenants (`[kiosk] top_up` in site.toml), empty when none.
  public func topUpText() throws -> String {
    try writer.read { db in
      try String.fetchOne(db, sql: "SELECT topUpText FROM siteSettings WHERE id = 1") ?? ""
    }
  }

  /// The last `limit` ledger entries of an account's meters, newest first.
  public func kioskLedger(account: String, limit: Int) throws -> [LedgerEntryRecord] {
    try writer.read { db in
      try LedgerEntryRecord.filter(Column("account") == account).order(Column("bill").desc)
        .limit(limit).fetchAll(db)
    }
  }
}

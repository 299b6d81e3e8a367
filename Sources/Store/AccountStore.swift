import Foundation
import GRDB

/// Why an account change was refused by the store.
public enum AccountStoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No such meter.
  case unknownMeter(String)
  /// The meter belongs to an account that is still open.
  case meterTaken(meter: String, account: String)
  /// An account with this id exists.
  case duplicateAccount(String)
  /// No such account.
  case unknownAccount(String)
  /// The account is closed already.
  case alreadyClosed(String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .unknownMeter(let meter): return "no meter \(meter)"
    case .meterTaken(let meter, let account): return "meter \(meter) belongs to open account \(account)"
    case .duplicateAccount(let id): return "account \(id) exists"
    case .unknownAccount(let id): return "no account \(id)"
    case .alreadyClosed(let id): return "account \(id) is closed already"
    }
  }
}

/// An account with its meters.
public struct AccountListing: Sendable, Hashable {
  /// The account.
  public var account: AccountRecord
  /// Its meters, by number.
  public var meters: [MeterRecord]
}

extension AppDatabase {
  /// Opens an account on free meters (no account, or a closed one) with an audit line, in one transaction.
  public func openAccount(_ account: AccountRecord, meters: [String], audit: AuditRecord) throws {
    try writer.write { db in
      guard try AccountRecord.fetchOne(db, key: account.id) == nil else {
        throw AccountStoreError.duplicateAccount(account.id)
      }
      try account.insert(db)
      for number in meters {
        guard var meter = try MeterRecord.fetchOne(db, key: number) else {
          throw AccountStoreError.unknownMeter(number)
        }
        if let owner = meter.account, try AccountRecord.fetchOne(db, key: owner)?.closedAt == nil {
          throw AccountStoreError.meterTaken(meter: number, account: owner)
        }
        meter.account = account.id
        try meter.update(db)
      }
      try audit.insert(db)
    }
  }

  /// Marks an account closed with its closing audit line.
  public func closeAccount(id: String, at now: Date, audit: AuditRecord) throws {
    try writer.write { db in
      guard var account = try AccountRecord.fetchOne(db, key: id) else {
        throw AccountStoreError.unknownAccount(id)
      }
      guard account.closedAt == nil else { throw AccountStoreError.alreadyClosed(id) }
      account.closedAt = now
      try account.update(db)
      try audit.insert(db)
    }
  }

  /// Every account with its meters, by id.
  public func accountListings() throws -> [AccountListing] {
    try writer.read { db in
      let meters = try MeterRecord.filter(Column("account") != nil).order(Column("number")).fetchAll(db)
      let byAccount = Dictionary(grouping: meters) { $0.account ?? "" }
      return try AccountRecord.order(Column("id")).fetchAll(db).map {
        AccountListing(account: $0, meters: byAccount[$0.id] ?? [])
      }
    }
  }

  /// The next free account id with `prefix` (prefix + at least four digits).
  public func nextAccountID(prefix: String) throws -> String {
    let ids = try writer.read { db in try String.fetchAll(db, sql: "SELECT id FROM account") }
    var number = ids.count + 1
    while ids.contains(prefix + String(format: "%04d", number)) { number += 1 }
    return prefix + String(format: "%04d", number)
  }
}

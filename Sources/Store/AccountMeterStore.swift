import Foundation
import GRDB

/// Builds one ledger entry and its audit line from a meter's context; nil when there is nothing to enter.
public typealias DeliveryBuilder = (SaleContext) throws -> (LedgerEntryRecord, AuditRecord)?

/// Why a meter cannot be added to, removed from or replaced in an account.
public enum AccountMeterError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The meter is not one of the account's meters.
  case notOnAccount(meter: String, account: String)
  /// Removing the last meter would leave the account with none; close the account instead.
  case lastMeter(String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .notOnAccount(let meter, let account): return "meter \(meter) is not on account \(account)"
    case .lastMeter(let meter):
      return "meter \(meter) is the account's only meter; close the account (销户) instead"
    }
  }
}

extension AppDatabase {
  /// Adds a free meter (no account, or a closed one) to an open account, with an audit line.
  public func addMeter(_ number: String, toAccount id: String, audit: AuditRecord) throws {
    try writer.write { db in
      _ = try Self.openAccount(db, id: id)
      try Self.claim(db, meter: number, for: id)
      try audit.insert(db)
    }
  }

  /// Takes a meter off an open account, with an audit line; `check` sees its context first and may throw.
  public func removeMeter(
    _ number: String, fromAccount id: String, check: (SaleContext) throws -> Void, audit: AuditRecord
  ) throws {
    try writer.write { db in
      _ = try Self.openAccount(db, id: id)
      var meter = try Self.member(db, meter: number, of: id)
      let others = try MeterRecord.filter(Column("account") == id).fetchCount(db)
      guard others > 1 else { throw AccountMeterError.lastMeter(number) }
      try check(try Self.saleContext(db, meter: number, reversing: nil))
      meter.account = nil
      try meter.update(db)
      try audit.insert(db)
    }
  }

  /// Replaces `old` with `new` on an open account in one transaction: `new` joins, `settle` enters the
  /// old meter's settlement, `credit` the new meter's carried-over amount, then `old` leaves.
  public func replaceMeter(
    account id: String, old: String, new: String, settle: DeliveryBuilder,
    credit: DeliveryBuilder, audit: ([SaleRow]) -> AuditRecord
  ) throws -> [SaleRow] {
    try writer.write { db in
      _ = try Self.openAccount(db, id: id)
      var leaving = try Self.member(db, meter: old, of: id)
      try Self.claim(db, meter: new, for: id)
      var rows: [SaleRow] = []
      if let built = try settle(try Self.saleContext(db, meter: old, reversing: nil)) {
        rows.append(try Self.insertDelivery(db, built))
      }
      if let built = try credit(try Self.saleContext(db, meter: new, reversing: nil)) {
        rows.append(try Self.insertDelivery(db, built))
      }
      leaving.account = nil
      try leaving.update(db)
      try audit(rows).insert(db)
      return rows
    }
  }

  /// Settles each meter of an open account with `settle` and marks it closed, with its closing audit
  /// line, in one transaction.
  public func settleAndCloseAccount(
    id: String, at now: Date, settle: DeliveryBuilder, audit: ([SaleRow]) -> AuditRecord
  ) throws -> [SaleRow] {
    try writer.write { db in
      var account = try Self.openAccount(db, id: id)
      let meters = try MeterRecord.filter(Column("account") == id).order(Column("number")).fetchAll(db)
      var rows: [SaleRow] = []
      for meter in meters {
        if let built = try settle(try Self.saleContext(db, meter: meter.number, reversing: nil)) {
          rows.append(try Self.insertDelivery(db, built))
        }
      }
      account.closedAt = now
      try account.update(db)
      try audit(rows).insert(db)
      return rows
    }
  }

  static func openAccount(_ db: Database, id: String) throws -> AccountRecord {
    guard let account = try AccountRecord.fetchOne(db, key: id) else {
      throw AccountStoreError.unknownAccount(id)
    }
    guard account.closedAt == nil else { throw AccountStoreError.alreadyClosed(id) }
    return account
  }

  static func member(_ db: Database, meter number: String, of id: String) throws -> MeterRecord {
    guard let meter = try MeterRecord.fetchOne(db, key: number) else {
      throw AccountStoreError.unknownMeter(number)
    }
    guard meter.account == id else { throw AccountMeterError.notOnAccount(meter: number, account: id) }
    return meter
  }

  static func claim(_ db: Database, meter number: String, for id: String) throws {
    guard var meter = try MeterRecord.fetchOne(db, key: number) else {
      throw AccountStoreError.unknownMeter(number)
    }
    if let owner = meter.account, try AccountRecord.fetchOne(db, key: owner)?.closedAt == nil {
      throw AccountStoreError.meterTaken(meter: number, account: owner)
    }
    meter.account = id
    try meter.update(db)
  }

  static func insertDelivery(_ db: Database, _ built: (LedgerEntryRecord, AuditRecord)) throws -> SaleRow {
    var (entry, audit) = built
    try entry.insert(db)
    guard let bill = entry.bill else { throw DatabaseError(message: "no bill number assigned") }
    var outbox = OutboxRecord(bill: bill, meter: entry.meter, at: entry.createdAt)
    try outbox.insert(db)
    audit.target = audit.target.isEmpty ? "bill \(bill)" : audit.target
    try audit.insert(db)
    return SaleRow(entry: entry, outbox: outbox)
  }
}

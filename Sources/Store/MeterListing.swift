import Foundation
import GRDB

/// A meter with its account and latest state, as lists and grids need it.
public struct MeterListingRow: Sendable, Hashable {
  /// The meter.
  public var meter: MeterRecord
  /// Its open account, if any.
  public var account: AccountRecord?
  /// Its latest state.
  public var state: MeterStateRecord?
}

extension AppDatabase {
  /// The site settings, or nil before the first import.
  public func siteSettings() throws -> SiteSettingsRecord? {
    try writer.read { db in try SiteSettingsRecord.fetchOne(db, key: 1) }
  }

  /// Every meter with account and state, ordered by bus then address.
  public func meterListing() throws -> [MeterListingRow] {
    try writer.read { db in
      let meters = try MeterRecord.order(Column("bus"), Column("address")).fetchAll(db)
      let accounts = Dictionary(
        uniqueKeysWithValues: try AccountRecord.fetchAll(db).map { ($0.id, $0) })
      let states = Dictionary(
        uniqueKeysWithValues: try MeterStateRecord.fetchAll(db).map { ($0.meter, $0) })
      return meters.map { meter in
        let account = meter.account.flatMap { accounts[$0] }
        return MeterListingRow(
          meter: meter, account: account?.closedAt == nil ? account : nil,
          state: states[meter.number])
      }
    }
  }

  /// Buses ordered by name.
  public func buses() throws -> [BusRecord] {
    try writer.read { db in try BusRecord.order(Column("name")).fetchAll(db) }
  }

  /// Tariffs by name.
  public func tariffs() throws -> [TariffRecord] {
    try writer.read { db in try TariffRecord.order(Column("name")).fetchAll(db) }
  }

  /// Row counts of the main tables, for summaries and tests.
  public func tableCounts() throws -> [String: Int] {
    try writer.read { db in
      var counts: [String: Int] = [:]
      for table in [
        "building", "gateway", "bus", "meter", "account", "operator", "tariff", "ledgerEntry",
        "outbox", "reading", "auditLog",
      ] {
        counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
      }
      return counts
    }
  }
}

extension AppDatabase {
  /// Points buses at new endpoints (the demo's simulator listens on ports it picks), audited.
  public func updateBusEndpoints(_ endpoints: [String: String], by actor: String, at now: Date) throws {
    try writer.write { db in
      for (name, endpoint) in endpoints {
        guard var bus = try BusRecord.fetchOne(db, key: name), bus.endpoint != endpoint else { continue }
        bus.endpoint = endpoint
        try bus.update(db)
        try AuditRecord(
          at: now, operator: actor, action: "bus.endpoint", target: name, detail: endpoint
        ).insert(db)
      }
    }
  }
}

extension AppDatabase {
  /// Building display names by code.
  public func buildingNames() throws -> [String: String] {
    try writer.read { db in
      Dictionary(uniqueKeysWithValues: try BuildingRecord.fetchAll(db).map { ($0.code, $0.name) })
    }
  }
}

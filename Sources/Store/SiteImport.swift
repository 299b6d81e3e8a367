import Foundation
import GRDB

/// Everything a site file defines, as rows ready to be written.
public struct SiteSnapshot: Sendable {
  /// Site settings.
  public var settings: SiteSettingsRecord
  /// Tariffs.
  public var tariffs: [TariffRecord]
  /// Buildings.
  public var buildings: [BuildingRecord]
  /// Gateways.
  public var gateways: [GatewayRecord]
  /// Buses.
  public var buses: [BusRecord]
  /// Meters, with `account` set from the accounts file where it names them.
  public var meters: [MeterRecord]
  /// Accounts.
  public var accounts: [AccountRecord]
  /// How tenants top up, for the kiosk (`[kiosk] top_up`).
  public var topUpText = ""

  /// Creates a snapshot.
  public init(
    settings: SiteSettingsRecord, tariffs: [TariffRecord], buildings: [BuildingRecord],
    gateways: [GatewayRecord], buses: [BusRecord], meters: [MeterRecord], accounts: [AccountRecord]
  ) {
    self.settings = settings
    self.tariffs = tariffs
    self.buildings = buildings
    self.gateways = gateways
    self.buses = buses
    self.meters = meters
    self.accounts = accounts
  }
}

/// How many rows of one kind an import inserted, updated or left as they were.
public struct ImportCounts: Sendable, Hashable {
  /// New rows.
  public var inserted = 0
  /// Rows that changed.
  public var updated = 0
  /// Rows already as the file says.
  public var unchanged = 0
  /// True when nothing was written.
  public var isUnchanged: Bool { inserted == 0 && updated == 0 }
}

/// What an import did, by kind of row.
public struct ImportSummary: Sendable, Hashable {
  /// Counts by table name (`meter`, `bus`, …), plus `settings`.
  public var counts: [String: ImportCounts] = [:]
  /// Meters in the database that the file no longer lists (left as they are).
  public var metersNotInFile: [String] = []
  /// True when the import wrote nothing.
  public var changedNothing: Bool { counts.values.allSatisfy(\.isUnchanged) }
}

extension AppDatabase {
  /// Writes a site in one transaction: inserts what is new, updates what changed, leaves the rest.
  ///
  /// Meters keep an account set elsewhere (the console) when the accounts file does not
  /// name them; nothing is deleted. An audit line records the import when anything changed.
  public func importSite(_ site: SiteSnapshot, by operatorName: String, at now: Date) throws
    -> ImportSummary
  {
    try writer.write { db in
      var summary = ImportSummary()
      // Settings site.toml does not describe (edited in the console) survive a re-import.
      var settings = site.settings
      if let stored = try SiteSettingsRecord.fetchOne(db, key: settings.id) {
        settings.saleReadMaxAgeSeconds = stored.saleReadMaxAgeSeconds
        settings.readingRetentionDays = stored.readingRetentionDays
        settings.backupFolder = stored.backupFolder
        settings.backupTime = stored.backupTime
        settings.backupKeep = stored.backupKeep
      }
      summary.counts["settings"] = try sync([settings], key: \.id, db)
      try db.execute(sql: "UPDATE siteSettings SET topUpText = ?", arguments: [site.topUpText])
      summary.counts["tariff"] = try sync(site.tariffs, key: \.name, db)
      summary.counts["building"] = try sync(site.buildings, key: \.code, db)
      summary.counts["gateway"] = try sync(site.gateways, key: \.name, db)
      summary.counts["bus"] = try sync(site.buses, key: \.name, db)
      summary.counts["account"] = try sync(site.accounts, key: \.id, db)
      var meters: [MeterRecord] = []
      for var meter in site.meters {
        if meter.account == nil {
          meter.account = try MeterRecord.fetchOne(db, key: meter.number)?.account
        }
        meters.append(meter)
      }
      summary.counts["meter"] = try sync(meters, key: \.number, db)
      for meter in meters where try !MeterStateRecord.exists(db, key: meter.number) {
        try MeterStateRecord(meter: meter.number).insert(db)
      }
      let listed = Set(site.meters.map(\.number))
      summary.metersNotInFile = try String.fetchAll(db, sql: "SELECT number FROM meter ORDER BY number")
        .filter { !listed.contains($0) }
      if !summary.changedNothing {
        let detail = summary.counts.keys.sorted().compactMap { key -> String? in
          guard let counts = summary.counts[key], !counts.isUnchanged else { return nil }
          return "\(key): +\(counts.inserted) ~\(counts.updated)"
        }.joined(separator: ", ")
        try AuditRecord(
          at: now, operator: operatorName, action: "site.import", target: site.settings.code,
          detail: detail
        ).insert(db)
      }
      return summary
    }
  }

  private func sync<R, K>(_ records: [R], key: KeyPath<R, K>, _ db: Database) throws
    -> ImportCounts
  where R: FetchableRecord & PersistableRecord & Equatable, K: DatabaseValueConvertible {
    var counts = ImportCounts()
    for record in records {
      if let existing = try R.fetchOne(db, key: record[keyPath: key]) {
        if existing == record {
          counts.unchanged += 1
        } else {
          try record.update(db)
          counts.updated += 1
        }
      } else {
        try record.insert(db)
        counts.inserted += 1
      }
    }
    return counts
  }
}

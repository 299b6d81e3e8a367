import Foundation
import GRDB

/// Why the site settings could not be written.
public enum SiteSettingsStoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The database has no site yet.
  case noSite

  /// A short English reason.
  public var description: String {
    switch self {
    case .noSite: return "the database has no site settings; run meterdesk init first"
    }
  }
}

extension AppDatabase {
  /// The audit action of a saved settings change; its row id is the settings version.
  public static let settingsUpdateAction = "settings.update"

  /// Changes the settings row inside a single write transaction.
  ///
  /// `change` edits the stored row and returns the audit line to write with it, or nil to write
  /// nothing. Returns the row as it now stands and the settings version (see ``settingsVersion()``).
  @discardableResult
  public func changeSiteSettings(
    _ change: (inout SiteSettingsRecord) throws -> AuditRecord?
  ) throws -> (settings: SiteSettingsRecord, version: Int64) {
    try writer.write { db in
      guard let original = try SiteSettingsRecord.fetchOne(db, key: 1) else {
        throw SiteSettingsStoreError.noSite
      }
      var record = original
      if let audit = try change(&record) {
        if record != original { try record.update(db) }
        try audit.insert(db)
      }
      return (record, try Self.settingsVersion(db))
    }
  }

  /// The settings version: the row id of the last `settings.update` audit line, 0 before any edit.
  ///
  /// It grows with every saved change (the audit log is append-only), so a process that remembers it
  /// knows whether the settings changed since, without a column or a migration of its own.
  public func settingsVersion() throws -> Int64 {
    try writer.read { db in try Self.settingsVersion(db) }
  }

  static func settingsVersion(_ db: Database) throws -> Int64 {
    try Int64.fetchOne(
      db, sql: "SELECT MAX(id) FROM auditLog WHERE action = ?", arguments: [settingsUpdateAction]) ?? 0
  }
}

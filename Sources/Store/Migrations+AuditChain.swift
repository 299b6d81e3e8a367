import GRDB

extension Migrations {
  /// The operation log's HMAC chain and the site's backup schedule.
  static func addAuditChain(_ db: Database) throws {
  }
}

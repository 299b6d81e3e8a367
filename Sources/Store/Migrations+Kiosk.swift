import GRDB

extension Migrations {
  /// The tenant query machine (用户查询机): a query password per account (查询密码, a PBKDF2 hash like
  /// operators'), the kiosk's failure count and lockout per account, and the top-up text of site.toml.
  static func addKiosk(_ db: Database) throws {
    try db.alter(table: "account") { t in
      t.add(column: "queryPasswordHash", .text)
    }
    try db.create(table: "kioskLock") { t in
      t.primaryKey("account", .text)
      t.column("failures", .integer).notNull().defaults(to: 0)
      t.column("lockedUntil", .datetime)
    }
    try db.alter(table: "siteSettings") { t in
      t.add(column: "topUpText", .text).notNull().defaults(to: "")
    }
  }
}

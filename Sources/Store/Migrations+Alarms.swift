import GRDB

extension Migrations {
  /// Alarm episodes (kind, meter or bus, start, end, triggering value, acknowledgement), the per-meter
  /// auto-SMS flag, the SMS outbox and the site's SMS settings.
  static func createAlarmEpisodes(_ db: Database) throws {
    try db.create(table: "alarmEpisode") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("kind", .text).notNull()
      t.column("meter", .text).indexed().references("meter")
      t.column("bus", .text)
      t.column("startedAt", .datetime).notNull()
      t.column("endedAt", .datetime)
      t.column("value", .text).notNull().defaults(to: "")
      t.column("valueFen", .integer)
      t.column("acknowledgedBy", .text)
      t.column("acknowledgedAt", .datetime)
      t.check(sql: "(meter IS NULL) <> (bus IS NULL)")
    }
    // At most one open episode per meter (or bus) and kind: a restarted acquirer that sees a
    // condition "enter" again finds the open episode and adds none.
    try db.execute(
      sql: """
        CREATE UNIQUE INDEX alarmEpisode_open_meter ON alarmEpisode(meter, kind)
          WHERE endedAt IS NULL AND meter IS NOT NULL;
        CREATE UNIQUE INDEX alarmEpisode_open_bus ON alarmEpisode(bus, kind)
          WHERE endedAt IS NULL AND bus IS NOT NULL;
        CREATE INDEX alarmEpisode_open ON alarmEpisode(endedAt) WHERE endedAt IS NULL;
        """)
    try db.alter(table: "meter") { t in
      t.add(column: "autoSms", .boolean).notNull().defaults(to: true)
    }
    try db.create(table: "smsOutbox") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("number", .text).notNull()
      t.column("meter", .text)
      t.column("account", .text)
      t.column("bus", .text)
      t.column("episode", .integer).notNull().references("alarmEpisode")
      t.column("level", .text).notNull()
        .check { ["alarm1", "alarm2", "arrears", "bus_down"].contains($0) }
      t.column("text", .text).notNull()
      t.column("state", .text).notNull()
        .check { ["queued", "injected", "sent", "failed", "cancelled"].contains($0) }
      t.column("daemonId", .text)
      t.column("error", .text)
      t.column("createdAt", .datetime).notNull()
      t.column("updatedAt", .datetime).notNull()
      // Exactly one message per episode, level and number, whatever restarts in between.
      t.uniqueKey(["episode", "level", "number"])
    }
    try db.create(index: "smsOutbox_state", on: "smsOutbox", columns: ["state"])
    try db.alter(table: "siteSettings") { t in
      t.add(column: "smsEnabled", .boolean).notNull().defaults(to: false)
      t.add(column: "smsGammuConfig", .text)
      t.add(column: "smsQuietHours", .text)
      t.add(column: "smsTemplates", .text).notNull().defaults(to: "")
    }
  }
}

import GRDB

extension Migrations {
  /// Alarm episodes (kind, meter or bus, start, end, triggering value, acknowledgement), the per-meter
  /// auto-SMS flag, the SMS outbox and the site's SMS settings.
  static func createAlarmEpisodes(_ db: Database) throws {
  }
}

import Domain
import Foundation
import GRDB

/// The kinds of alarm episode besides acquisition's meter conditions.
public enum AlarmKind {
  /// A bus or its gateway down.
  public static let busDown = "bus_down"
  /// A batch read-back found the meter's settings differ from the database's.
  public static let settingsDrift = "settings_drift"
  /// The relay is open while the balance is positive and no trip was commanded.
  public static let tamper = "tamper"
  /// The meter conditions whose start and end come from acquisition's transitions.
  public static let meterConditions: Set<String> = [
    "alarm1", "alarm2", "arrears", "offline", "tripped", "overload",
  ]
}

/// A new alarm episode that may need an SMS, with what its text needs.
public struct SmsCandidate: Sendable, Hashable {
  /// The episode's id.
  public var episode: Int64
  /// Its kind (the SMS level).
  public var kind: String
  /// The meter, nil for a bus.
  public var meter: String?
  /// The bus, nil for a meter.
  public var bus: String?
  /// The remaining amount when it began.
  public var valueFen: Int64?
  /// The meter's shop.
  public var shop: String
  /// The account.
  public var account: String?
  /// The tenant.
  public var tenant: String
  /// The tenant's phone.
  public var phone: String
}

/// What an acknowledgement could not do.
public enum AlarmStoreError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No episode with that id.
  case noEpisode(Int64)
  /// Acknowledged before.
  case alreadyAcknowledged(Int64, by: String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .noEpisode(let id): return "no alarm \(id)"
    case .alreadyAcknowledged(let id, let by): return "alarm \(id) was already acknowledged by \(by)"
    }
  }
}

extension AppDatabase {
  // MARK: - Episodes from acquisition

  /// Opens and closes meter episodes for one sweep's transitions, inside ``recordAcquisition(_:)``'s
  /// transaction: "entered" opens one unless one is open (a restarted acquirer sees conditions enter
  /// again), "left" closes the open one; then every open episode of a meter read in this write whose
  /// latest reading no longer shows the condition is closed (it ended while nobody was acquiring).
  static func recordEpisodes(_ alarms: [AlarmEventRecord], readings: [ReadingRecord], _ db: Database) throws {
    var latest: [String: ReadingRecord] = [:]
    for reading in readings { latest[reading.meter] = reading }
    for alarm in alarms where AlarmKind.meterConditions.contains(alarm.kind) {
      if alarm.entered {
        let reading = latest[alarm.meter]
        var value = alarm.detail
        if value.isEmpty, let reading {
          value = episodeValue(kind: alarm.kind, reading)
        }
        try db.execute(
          sql: """
            INSERT INTO alarmEpisode (kind, meter, bus, startedAt, value, valueFen)
            VALUES (?, ?, NULL, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """,
          arguments: [alarm.kind, alarm.meter, alarm.at, value, reading?.remainingFen])
      } else {
        try db.execute(
          sql: "UPDATE alarmEpisode SET endedAt = ? WHERE meter = ? AND kind = ? AND endedAt IS NULL",
          arguments: [alarm.at, alarm.meter, alarm.kind])
      }
    }
    guard !latest.isEmpty else { return }
    let open = try Row.fetchAll(
      db,
      sql: "SELECT id, meter, kind FROM alarmEpisode WHERE endedAt IS NULL AND meter IS NOT NULL")
    for row in open {
      let meter: String = row["meter"]
      let kind: String = row["kind"]
      guard AlarmKind.meterConditions.contains(kind), let reading = latest[meter],
        !holds(kind, in: reading)
      else { continue }
      try db.execute(
        sql: "UPDATE alarmEpisode SET endedAt = ? WHERE id = ?",
        arguments: [reading.readAt, row["id"] as Int64])
    }
  }

  /// Whether a reading shows a condition (normalised status: bit4 over power, bit5 arrears, bit6
  /// alarm 1, bit7 alarm 2); a reading means the meter is online.
  static func holds(_ kind: String, in reading: ReadingRecord) -> Bool {
    let status = reading.statusWord ?? 0
    switch kind {
    case "alarm1": return status & 0x40 != 0
    case "alarm2": return status & 0x80 != 0
    case "arrears": return status & 0x20 != 0
    case "overload": return status & 0x10 != 0
    case "tripped": return reading.relayClosed == false
    case "offline": return false
    default: return true
    }
  }

  static func episodeValue(kind: String, _ reading: ReadingRecord) -> String {
    let remaining = reading.remainingFen.map { Money(fen: $0).decimalString }
    switch kind {
    case "overload":
      return reading.powerW.map { "\($0) W" } ?? ""
    default:
      return remaining.map { "remaining \($0)" } ?? ""
    }
  }

  // MARK: - Bus and derived episodes

  /// Opens a bus-down episode unless one is open; returns true when it opened one.
  @discardableResult
  public func openBusEpisode(bus: String, at: Date, reason: String) throws -> Bool {
    try writer.write { db in
      try db.execute(
        sql: """
          INSERT INTO alarmEpisode (kind, meter, bus, startedAt, value) VALUES (?, NULL, ?, ?, ?)
          ON CONFLICT DO NOTHING
          """,
        arguments: [AlarmKind.busDown, bus, at, reason])
      return db.changesCount > 0
    }
  }

  /// Closes the bus's open bus-down episode, if any.
  public func closeBusEpisode(bus: String, at: Date) throws {
    try writer.write { db in
      try db.execute(
        sql: "UPDATE alarmEpisode SET endedAt = ? WHERE bus = ? AND kind = ? AND endedAt IS NULL",
        arguments: [at, bus, AlarmKind.busDown])
    }
  }

  /// Opens and closes the episodes derived from the meters' latest state: settings drift (set by
  /// batch read-backs) and the tamper hint (relay open, balance positive, not over power, online,
  /// and the latest relay command of a batch job for the meter is not a trip).
  public func reconcileDerivedAlarms(at now: Date) throws {
    try writer.write { db in
      let drifting = try Row.fetchAll(
        db,
        sql: """
          SELECT s.meter, s.settingsDrift, s.remainingFen FROM meterState s JOIN meter m ON m.number = s.meter
          WHERE s.settingsDrift IS NOT NULL AND s.settingsDrift <> '' AND m.disabled = 0
          """)
      try reconcile(
        kind: AlarmKind.settingsDrift,
        holding: drifting.map { ($0["meter"], $0["settingsDrift"], $0["remainingFen"]) }, at: now, db)
      let tampered = try Row.fetchAll(
        db,
        sql: """
          SELECT s.meter, s.remainingFen FROM meterState s JOIN meter m ON m.number = s.meter
          WHERE s.online = 1 AND s.relayClosed = 0 AND s.remainingFen > 0
            AND (COALESCE(s.statusWord, 0) & 16) = 0 AND m.disabled = 0
            AND (SELECT j.operation FROM batchItem i JOIN batchJob j ON j.id = i.job
                 WHERE i.meter = s.meter AND j.operation IN ('trip', 'close', 'restore', 'keep_power')
                   AND i.state IN ('queued', 'done')
                 ORDER BY j.id DESC LIMIT 1) IS NOT 'trip'
          """)
      try reconcile(
        kind: AlarmKind.tamper,
        holding: tampered.map { row in
          let fen: Int64? = row["remainingFen"]
          let text = "relay open with remaining " + (fen.map { Money(fen: $0).decimalString } ?? "?")
          return (row["meter"], text, fen)
        }, at: now, db)
    }
  }

  private func reconcile(
    kind: String, holding: [(meter: String, value: String, fen: Int64?)], at now: Date, _ db: Database
  ) throws {
    let open = Set(
      try String.fetchAll(
        db, sql: "SELECT meter FROM alarmEpisode WHERE kind = ? AND endedAt IS NULL AND meter IS NOT NULL",
        arguments: [kind]))
    let now = now
    let holdingMeters = Set(holding.map(\.meter))
    for entry in holding where !open.contains(entry.meter) {
      try AlarmEpisodeRecord(
        kind: kind, meter: entry.meter, bus: nil, startedAt: now, value: entry.value, valueFen: entry.fen
      ).insert(db)
    }
    for meter in open where !holdingMeters.contains(meter) {
      try db.execute(
        sql: "UPDATE alarmEpisode SET endedAt = ? WHERE meter = ? AND kind = ? AND endedAt IS NULL",
        arguments: [now, meter, kind])
    }
  }

  // MARK: - Reading and acknowledging

  /// Episodes, oldest first: every one, or only the active ones.
  public func alarmEpisodes(activeOnly: Bool = false, limit: Int = 10_000) throws -> [AlarmEpisodeRecord] {
    try writer.read { db in
      var request = AlarmEpisodeRecord.order(Column("id").desc).limit(limit)
      if activeOnly { request = request.filter(Column("endedAt") == nil) }
      return try request.fetchAll(db).reversed()
    }
  }

  /// Episodes begun after the episode `id` (all when nil), oldest first.
  public func alarmEpisodes(after id: Int64?) throws -> [AlarmEpisodeRecord] {
    try writer.read { db in
      try AlarmEpisodeRecord.filter(Column("id") > (id ?? 0)).order(Column("id")).fetchAll(db)
    }
  }

  /// Records who acknowledged an episode and when, with an audit line.
  public func acknowledgeAlarm(id: Int64, by operatorName: String, at now: Date) throws -> AlarmEpisodeRecord
  {
    try writer.write { db in
      guard var episode = try AlarmEpisodeRecord.fetchOne(db, key: id) else {
        throw AlarmStoreError.noEpisode(id)
      }
      if let by = episode.acknowledgedBy { throw AlarmStoreError.alreadyAcknowledged(id, by: by) }
      episode.acknowledgedBy = operatorName
      episode.acknowledgedAt = now
      try episode.update(db)
      try AuditRecord(
        at: now, operator: operatorName, action: "alarm.acknowledge", target: "\(id)",
        detail: "\(episode.kind) \(episode.meter ?? episode.bus ?? "")"
      ).insert(db)
      return episode
    }
  }

  /// Turns a meter's auto-SMS flag (自动短信) on or off.
  public func setAutoSms(meter: String, _ on: Bool) throws {
    try writer.write { db in
      try db.execute(sql: "UPDATE meter SET autoSms = ? WHERE number = ?", arguments: [on, meter])
    }
  }

  // MARK: - SMS outbox

  /// Active alarm-1, alarm-2 and arrears episodes of auto-SMS meters of open accounts with a phone,
  /// and active bus-down episodes, that have no message yet.
  public func smsCandidates() throws -> [SmsCandidate] {
    try writer.read { db in
      let meters = try Row.fetchAll(
        db,
        sql: """
          SELECT e.id, e.kind, e.meter, e.valueFen, m.shop, a.id AS account, a.tenant, a.phone
          FROM alarmEpisode e JOIN meter m ON m.number = e.meter JOIN account a ON a.id = m.account
          WHERE e.endedAt IS NULL AND e.kind IN ('alarm1', 'alarm2', 'arrears') AND m.autoSms = 1
            AND m.disabled = 0 AND a.closedAt IS NULL AND a.phone <> ''
            AND NOT EXISTS (SELECT 1 FROM smsOutbox o WHERE o.episode = e.id)
          ORDER BY e.id
          """
      ).map { row in
        SmsCandidate(
          episode: row["id"], kind: row["kind"], meter: row["meter"], bus: nil, valueFen: row["valueFen"],
          shop: row["shop"], account: row["account"], tenant: row["tenant"], phone: row["phone"])
      }
      let buses = try Row.fetchAll(
        db,
        sql: """
          SELECT e.id, e.bus FROM alarmEpisode e
          WHERE e.endedAt IS NULL AND e.kind = 'bus_down'
            AND NOT EXISTS (SELECT 1 FROM smsOutbox o WHERE o.episode = e.id)
          ORDER BY e.id
          """
      ).map { row in
        SmsCandidate(
          episode: row["id"], kind: AlarmKind.busDown, meter: nil, bus: row["bus"], valueFen: nil, shop: "",
          account: nil, tenant: "", phone: "")
      }
      return meters + buses
    }
  }

  /// Queues messages; one already recorded for the same episode, level and number is left alone.
  /// Returns how many were new.
  @discardableResult
  public func queueSms(_ messages: [SmsMessageRecord]) throws -> Int {
    try writer.write { db in
      var added = 0
      for message in messages {
        try message.insert(db, onConflict: .ignore)
        added += db.changesCount
      }
      return added
    }
  }

  /// Queued messages whose episode has ended become `cancelled`; returns how many.
  @discardableResult
  public func cancelStaleSms(at now: Date) throws -> Int {
    try writer.write { db in
      try db.execute(
        sql: """
          UPDATE smsOutbox SET state = 'cancelled', error = 'the alarm ended before it was sent', updatedAt = ?
          WHERE state = 'queued' AND episode IN (SELECT id FROM alarmEpisode WHERE endedAt IS NOT NULL)
          """,
        arguments: [now])
      return db.changesCount
    }
  }

  /// Messages in the outbox, oldest first, optionally only those in `states`.
  public func smsMessages(states: Set<SmsState>? = nil, limit: Int = 10_000) throws -> [SmsMessageRecord] {
    try writer.read { db in
      var request = SmsMessageRecord.order(Column("id").desc).limit(limit)
      if let states { request = request.filter(states.map(\.rawValue).contains(Column("state"))) }
      return try request.fetchAll(db).reversed()
    }
  }

  /// Moves a message on.
  public func updateSms(
    id: Int64, state: SmsState, daemonId: String? = nil, error: String? = nil, at now: Date
  )
    throws
  {
    try writer.write { db in
      try db.execute(
        sql: """
          UPDATE smsOutbox SET state = ?, daemonId = COALESCE(?, daemonId), error = ?, updatedAt = ?
          WHERE id = ?
          """,
        arguments: [state.rawValue, daemonId, error, now, id])
    }
  }
}

import Domain
import Foundation
import Store

/// One alarm episode as the console and the CLI show it.
public struct AlarmEntry: Sendable, Hashable, Identifiable {
  /// The episode's id (increasing).
  public var id: Int64
  /// `alarm1`, `alarm2`, `arrears`, `offline`, `tripped`, `overload`, `bus_down`, `settings_drift`,
  /// `tamper`.
  public var kind: String
  /// The meter, nil for a bus.
  public var meter: String?
  /// The bus, nil for a meter.
  public var bus: String?
  /// When it began.
  public var since: Date
  /// When it ended, nil while active.
  public var until: Date?
  /// The value that triggered it, in words.
  public var value: String
  /// The remaining amount when it began, when known.
  public var remaining: Money?
  /// Who acknowledged it.
  public var acknowledgedBy: String?
  /// When it was acknowledged.
  public var acknowledgedAt: Date?

  /// Whether it has not ended.
  public var isActive: Bool { until == nil }

  /// The kind's Chinese name (报警1, 欠费, 失联 …).
  public var kindName: String { Self.chineseName(kind) }

  /// The Chinese name of an alarm kind.
  public static func chineseName(_ kind: String) -> String {
    switch kind {
    case "alarm1": "报警1"
    case "alarm2": "报警2"
    case "arrears": "欠费"
    case "offline": "失联"
    case "tripped": "拉闸"
    case "overload": "超功率"
    case "bus_down": "总线中断"
    case "settings_drift": "参数偏差"
    case "tamper": "疑似窃电"
    default: kind
    }
  }

  init(_ record: AlarmEpisodeRecord) {
    id = record.id ?? 0
    kind = record.kind
    meter = record.meter
    bus = record.bus
    since = record.startedAt
    until = record.endedAt
    value = record.value
    remaining = record.valueFen.map { Money(fen: $0) }
    acknowledgedBy = record.acknowledgedBy
    acknowledgedAt = record.acknowledgedAt
  }
}

/// Alarms (报警) for the console and the CLI: the active episodes, new ones for the status line,
/// acknowledgement, and the per-meter auto-SMS flag.
public struct AlarmService: Sendable {
  let database: AppDatabase

  /// A service over `database`.
  public init(database: AppDatabase) { self.database = database }

  /// Active episodes, oldest first.
  public func active() throws -> [AlarmEntry] {
    try database.alarmEpisodes(activeOnly: true).map(AlarmEntry.init)
  }

  /// Every episode (the most recent `limit`), oldest first.
  public func all(limit: Int = 10_000) throws -> [AlarmEntry] {
    try database.alarmEpisodes(activeOnly: false, limit: limit).map(AlarmEntry.init)
  }

  /// Episodes begun after the episode `id` (every one when nil), oldest first: the status line
  /// keeps the last id it showed.
  public func newSince(id: Int64?) throws -> [AlarmEntry] {
    try database.alarmEpisodes(after: id).map(AlarmEntry.init)
  }

  /// Records that `session`'s operator acknowledged episode `id` at `now` (audited).
  ///
  /// - Throws: ``AlarmStoreError`` when there is no such episode or it was acknowledged before.
  @discardableResult
  public func acknowledge(id: Int64, by session: Session, at now: Date) throws -> AlarmEntry {
    AlarmEntry(try database.acknowledgeAlarm(id: id, by: session.name, at: now))
  }

  /// Turns a meter's auto-SMS flag (自动短信) on or off; needs the edit-account permission.
  public func setAutoSms(meter: String, _ on: Bool, by session: Session) throws {
    guard session.allows(.editAccount) else {
      throw SalesError.notAllowed(operator: session.name, permission: .editAccount)
    }
    try database.setAutoSms(meter: meter, on)
  }

  /// The SMS outbox, oldest first.
  public func smsMessages() throws -> [SmsMessageRecord] {
    try database.smsMessages()
  }
}

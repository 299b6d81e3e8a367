import Foundation
import GRDB

/// One alarm episode: a condition of a meter or a bus from its start to its end (报警).
public struct AlarmEpisodeRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "alarmEpisode"
  /// Row id, assigned on insert; increasing, so "new since" is a comparison of ids.
  public var id: Int64?
  /// `alarm1`, `alarm2`, `arrears`, `offline`, `tripped`, `overload`, `bus_down`, `settings_drift`
  /// or `tamper`.
  public var kind: String
  /// The meter, nil for a bus episode.
  public var meter: String?
  /// The bus, nil for a meter episode.
  public var bus: String?
  /// When it began.
  public var startedAt: Date
  /// When it ended, nil while active.
  public var endedAt: Date?
  /// The value that triggered it, in words (the remaining amount, the error, the drift).
  public var value: String
  /// The remaining amount when it began, in fen, when known.
  public var valueFen: Int64?
  /// Who acknowledged it.
  public var acknowledgedBy: String?
  /// When it was acknowledged.
  public var acknowledgedAt: Date?

  /// Creates an episode.
  public init(
    kind: String, meter: String?, bus: String?, startedAt: Date, value: String = "", valueFen: Int64? = nil
  ) {
    self.kind = kind
    self.meter = meter
    self.bus = bus
    self.startedAt = startedAt
    self.value = value
    self.valueFen = valueFen
  }

  /// Whether it has not ended.
  public var isActive: Bool { endedAt == nil }

  /// Sets the id after an insert.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The state of one message in MeterDesk's SMS outbox.
public enum SmsState: String, Codable, Sendable, CaseIterable, Hashable {
  /// Recorded, not yet handed to the daemon (waiting, perhaps, for quiet hours to end).
  case queued
  /// Handed to `gammu-smsd-inject`; the daemon has it in its outbox.
  case injected
  /// The daemon moved it to its sent folder.
  case sent
  /// The daemon could not send it, or it could not be handed over.
  case failed
  /// Not sent: the alarm ended while the message waited.
  case cancelled
}

/// One message of MeterDesk's SMS outbox: one per episode, level and number.
public struct SmsMessageRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "smsOutbox"
  /// Row id, assigned on insert.
  public var id: Int64?
  /// The phone number it goes to.
  public var number: String
  /// The meter, nil for a bus message.
  public var meter: String?
  /// The tenant's account, nil for a bus message.
  public var account: String?
  /// The bus, for a bus message.
  public var bus: String?
  /// The episode it warns of.
  public var episode: Int64
  /// `alarm1`, `alarm2`, `arrears` or `bus_down`.
  public var level: String
  /// The text, rendered when queued.
  public var text: String
  /// Where it is.
  public var state: SmsState
  /// The daemon's id for it (the outbox file name with the files backend).
  public var daemonId: String?
  /// Why it failed.
  public var error: String?
  /// When it was queued.
  public var createdAt: Date
  /// When its state last changed.
  public var updatedAt: Date

  /// Creates a queued message.
  public init(
    number: String, meter: String?, account: String?, bus: String?, episode: Int64, level: String,
    text: String, at: Date
  ) {
    self.number = number
    self.meter = meter
    self.account = account
    self.bus = bus
    self.episode = episode
    self.level = level
    self.text = text
    state = .queued
    createdAt = at
    updatedAt = at
  }

  /// Sets the id after an insert.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

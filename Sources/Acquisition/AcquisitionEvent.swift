import Foundation
import MeterProfiles

/// Something acquisition noticed, delivered to subscribers through their mailbox.
public enum AcquisitionEvent: Sendable, Hashable {
  /// A meter was read.
  case reading(meter: String, values: MeterValues, at: Date)
  /// A meter went offline (`online == false`) or answered again.
  case connectivity(meter: String, online: Bool, at: Date, reason: String)
  /// A bus's gateway or port went down or came back.
  case busState(bus: String, up: Bool, at: Date, reason: String)
  /// A bus finished a routine sweep.
  case sweepFinished(BusSweepReport)
}

/// A status condition whose start and end are recorded in the alarms table.
public enum MeterCondition: String, Sendable, CaseIterable, Hashable {
  /// Remaining amount at or below alarm 1 (报警1).
  case alarm1
  /// Remaining amount at or below alarm 2 (报警2).
  case alarm2
  /// Out of money (欠费).
  case arrears
  /// Not communicating (失联).
  case offline
  /// Relay open (拉闸).
  case tripped
  /// Above its power limit.
  case overload

  /// Conditions that the meter's values say hold.
  static func holding(in values: MeterValues) -> ConditionSet {
    var set: ConditionSet = []
    if values.alarm1 { set.insert(.alarm1) }
    if values.alarm2 { set.insert(.alarm2) }
    if values.arrears { set.insert(.arrears) }
    if values.relayClosed == false { set.insert(.tripped) }
    if values.overPowerLimit { set.insert(.overload) }
    return set
  }

  /// This condition's bit in a ``ConditionSet``.
  var bit: ConditionSet {
    switch self {
    case .alarm1: return .alarm1
    case .alarm2: return .alarm2
    case .arrears: return .arrears
    case .offline: return .offline
    case .tripped: return .tripped
    case .overload: return .overload
    }
  }
}

/// Conditions as bits: checked on every reading, so no hashing or allocation.
struct ConditionSet: OptionSet, Sendable, Hashable {
  let rawValue: UInt8
  static let alarm1 = ConditionSet(rawValue: 1 << 0)
  static let alarm2 = ConditionSet(rawValue: 1 << 1)
  static let arrears = ConditionSet(rawValue: 1 << 2)
  static let offline = ConditionSet(rawValue: 1 << 3)
  static let tripped = ConditionSet(rawValue: 1 << 4)
  static let overload = ConditionSet(rawValue: 1 << 5)
}

/// A condition that began or ended on a meter.
public struct MeterTransition: Sendable, Hashable {
  /// Meter number.
  public var meter: String
  /// Which condition.
  public var condition: MeterCondition
  /// True when it began.
  public var entered: Bool
  /// When it was noticed.
  public var at: Date
  /// Extra words (the error that made a meter offline, for example).
  public var detail: String
}

/// One meter's reading in a sweep.
public struct MeterSample: Sendable, Hashable {
  /// Meter number.
  public var meter: String
  /// When it was read.
  public var at: Date
  /// Decoded values.
  public var values: MeterValues
}

/// A meter's communication state after a sweep or command.
public struct MeterLinkState: Sendable, Hashable {
  /// Meter number.
  public var meter: String
  /// Online or offline.
  public var online: Bool
  /// Failed tries in a row.
  public var consecutiveFailures: Int
  /// The last error, nil after a good read.
  public var lastError: String?
}

/// What one bus sweep (or one interactive read) produced, written to the store in one transaction.
public struct SweepBatch: Sendable {
  /// Bus name.
  public var bus: String
  /// Good readings.
  public var samples: [MeterSample]
  /// Meters whose communication state changed or failed.
  public var linkStates: [MeterLinkState]
  /// Conditions begun or ended.
  public var transitions: [MeterTransition]

  /// True when there is nothing to write.
  public var isEmpty: Bool { samples.isEmpty && linkStates.isEmpty && transitions.isEmpty }
}

/// Where acquisition hands its batches; the store-backed sink writes them off the event loop.
public protocol ReadingSink: Sendable {
  /// Takes a batch; must not block the caller.
  func store(_ batch: SweepBatch)
  /// Blocks until every batch handed so far is written.
  func flush()
}

/// The summary of one bus sweep.
public struct BusSweepReport: Sendable, Hashable {
  /// Bus name.
  public var bus: String
  /// Sweep number (0 first).
  public var sweep: Int
  /// Meters on the bus.
  public var meters: Int
  /// Meters read successfully.
  public var read: Int
  /// Meters tried and not read.
  public var failed: Int
  /// Offline meters this sweep did not try (backoff).
  public var skipped: Int
  /// Meters offline at the end of the sweep.
  public var offline: Int
  /// Seconds the sweep took.
  public var seconds: Double
  /// True when the bus was down for the whole sweep.
  public var busDown: Bool
}

/// The summary of one site sweep: every bus, swept concurrently.
public struct SiteSweepReport: Sendable, Hashable {
  /// Per-bus reports, by bus name.
  public var buses: [BusSweepReport]
  /// Seconds from start until the slowest bus finished.
  public var seconds: Double

  /// Meters on the site.
  public var meters: Int { buses.reduce(0) { $0 + $1.meters } }
  /// Meters read.
  public var read: Int { buses.reduce(0) { $0 + $1.read } }
  /// Meters tried and not read, plus those on down buses.
  public var failed: Int { buses.reduce(0) { $0 + $1.failed } }
  /// Meters offline at the end.
  public var offline: Int { buses.reduce(0) { $0 + $1.offline } }
}

import Domain
import Foundation
import Store

/// A meter as lists, grids and `meterdesk meters` show it.
public struct MeterSummary: Sendable, Hashable {
  /// Meter number.
  public var meter: String
  /// Building code.
  public var building: String
  /// Floor.
  public var floor: String
  /// Shop or room.
  public var shop: String
  /// Bus name.
  public var bus: String
  /// Modbus address.
  public var address: Int
  /// Profile name.
  public var profile: String
  /// Open account, nil when not opened.
  public var account: String?
  /// Tenant of the open account.
  public var tenant: String?
  /// Tenant phone.
  public var phone: String?
  /// Classified status.
  public var status: MeterStatus
  /// Flags beside the status.
  public var flags: MeterFlags
  /// Remaining amount last read.
  public var remaining: Money?
  /// Time of the last good reading.
  public var readAt: Date?
  /// Active power last read, W.
  public var powerW: Int64?
  /// Total energy last read.
  public var energy: Energy?
  /// Purchase count last read.
  public var purchaseCount: Int64?
  /// Disabled meters are not polled.
  public var disabled: Bool
  /// Alarm-1 amount in force (the meter's or the site default).
  public var alarm1: Money
  /// Alarm-2 amount in force.
  public var alarm2: Money
  /// Whether acquisition considers it online.
  public var online: Bool
  /// Status bits last read, in the normalised layout.
  public var statusWord: UInt16?
  /// How the meter's prices and settings differ from the database's as last read back (empty: they
  /// agree; nil: never compared).
  public var settingsDrift: String? = nil
}

/// Lists meters with their classified status.
public struct MeterQueryService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) { self.database = database }

  /// Every meter, ordered by bus and address, classified by ``MeterClassifier``.
  public func meters() throws -> [MeterSummary] {
    guard let settings = try database.siteSettings() else { return [] }
    return try database.meterListing().map { Self.summary($0, settings: settings) }
  }

  static func summary(_ row: MeterListingRow, settings: SiteSettingsRecord) -> MeterSummary {
    let state = row.state
    let status = state?.statusWord.map { MeterStatusWord(rawValue: UInt16(truncatingIfNeeded: $0)) }
    let remaining = state?.remainingFen.map(Money.init(fen:))
    let observation = MeterObservation(
      opened: row.account != nil,
      online: state?.online ?? true,
      remaining: remaining,
      alarm1Amount: Money(fen: row.meter.alarm1Fen ?? settings.alarm1Fen),
      alarm2Amount: Money(fen: row.meter.alarm2Fen ?? settings.alarm2Fen),
      meterAlarm1Bit: status?.alarm1 ?? false,
      meterAlarm2Bit: status?.alarm2 ?? false,
      meterArrearsBit: status?.arrears ?? false)
    var flags: MeterFlags = []
    if row.meter.keepPower { flags.insert(.keepPower) }
    if state?.relayClosed == false { flags.insert(.tripped) }
    if status?.overPowerLimit == true { flags.insert(.overload) }
    if let drift = state?.settingsDrift, !drift.isEmpty { flags.insert(.settingsDrift) }
    return MeterSummary(
      meter: row.meter.number, building: row.meter.building, floor: row.meter.floor,
      shop: row.meter.shop, bus: row.meter.bus, address: row.meter.address,
      profile: row.meter.profile, account: row.account?.id, tenant: row.account?.tenant,
      phone: row.account?.phone, status: MeterClassifier.classify(observation), flags: flags,
      remaining: remaining, readAt: state?.readAt, powerW: state?.powerW,
      energy: state?.energyTotal.map { Energy(centiKWh: $0) },
      purchaseCount: state?.purchaseCount, disabled: row.meter.disabled,
      alarm1: observation.alarm1Amount, alarm2: observation.alarm2Amount,
      online: state?.online ?? true,
      statusWord: state?.statusWord.map { UInt16(truncatingIfNeeded: $0) },
      settingsDrift: state?.settingsDrift)
  }
}

/// The bits of a DDSY1352-style status word that MeterDesk classifies by.
///
/// Low byte: bit4 over power limit, bit5 arrears, bit6 alarm 1, bit7 alarm 2; high byte
/// bit5 relay closed. Profiles that differ map their bits to this layout on reading.
public struct MeterStatusWord: Sendable, Hashable {
  /// The raw word.
  public var rawValue: UInt16
  /// Wraps a raw word.
  public init(rawValue: UInt16) { self.rawValue = rawValue }
  /// Over the power limit.
  public var overPowerLimit: Bool { rawValue & 0x0010 != 0 }
  /// Arrears.
  public var arrears: Bool { rawValue & 0x0020 != 0 }
  /// Alarm 1.
  public var alarm1: Bool { rawValue & 0x0040 != 0 }
  /// Alarm 2.
  public var alarm2: Bool { rawValue & 0x0080 != 0 }
}

import GRDB

/// A prepaid meter (预付费电表) and where it sits.
public struct MeterRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "meter"
  /// Meter number (表号), 12 digits.
  public var number: String
  /// Bus name.
  public var bus: String
  /// Modbus address.
  public var address: Int
  /// Profile name.
  public var profile: String
  /// Building code.
  public var building: String
  /// Floor.
  public var floor: String
  /// Shop or room.
  public var shop: String
  /// Circuit label.
  public var circuit: String
  /// CT ratio.
  public var ctRatio: Int
  /// Alarm-1 amount in fen, nil for the site default.
  public var alarm1Fen: Int64?
  /// Alarm-2 amount in fen, nil for the site default.
  public var alarm2Fen: Int64?
  /// Power threshold in watts, nil for the site default.
  public var powerThresholdW: Int?
  /// Tariff name, nil for the site default.
  public var tariff: String?
  /// Keep-power (保电).
  public var keepPower: Bool
  /// Disabled meters are neither polled nor sold to.
  public var disabled: Bool
  /// Owning account, nil when not opened (未开户).
  public var account: String?
  /// Whether alarm SMS (alarm 1, alarm 2, arrears) go to the tenant's phone (自动短信); on by default.
  public var autoSms: Bool = true

  /// Creates a meter row.
  public init(
    number: String, bus: String, address: Int, profile: String, building: String, floor: String,
    shop: String, circuit: String, ctRatio: Int, alarm1Fen: Int64?, alarm2Fen: Int64?,
    powerThresholdW: Int?, tariff: String?, keepPower: Bool, disabled: Bool, account: String?
  ) {
    self.number = number
    self.bus = bus
    self.address = address
    self.profile = profile
    self.building = building
    self.floor = floor
    self.shop = shop
    self.circuit = circuit
    self.ctRatio = ctRatio
    self.alarm1Fen = alarm1Fen
    self.alarm2Fen = alarm2Fen
    self.powerThresholdW = powerThresholdW
    self.tariff = tariff
    self.keepPower = keepPower
    self.disabled = disabled
    self.account = account
  }
}

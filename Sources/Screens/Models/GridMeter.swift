import Domain
import Foundation

/// One meter as the status grid shows it; filled by the runtime from the store and acquisition.
public struct GridMeter: Sendable, Hashable {
  /// The meter number (表号), unique on the site.
  public var meter: String
  /// The building code.
  public var building: String
  /// The building's display name.
  public var buildingName: String
  /// The floor label, e.g. "3F".
  public var floor: String
  /// The shop or room number (户号).
  public var shop: String
  /// The bus (总线) the meter hangs on.
  public var bus: String
  /// The Modbus unit address on that bus.
  public var address: Int
  /// The account number, nil when no account is open.
  public var account: String?
  /// The tenant's name, usually Chinese.
  public var tenant: String?
  /// The tenant's phone number.
  public var phone: String?
  /// The classified status.
  public var status: MeterStatus
  /// Keep-power, tripped, pending-recharge and overload markers.
  public var flags: MeterFlags
  /// The remaining amount last read, nil when never read.
  public var remaining: Money?
  /// When the meter was last read, nil when never.
  public var readAt: Date?
  /// The active power last read, in watts.
  public var powerW: Int64?
  /// The total active energy last read.
  public var energy: Energy?

  /// Creates a grid row's data.
  public init(
    meter: String, building: String, buildingName: String, floor: String, shop: String, bus: String,
    address: Int, account: String? = nil, tenant: String? = nil, phone: String? = nil,
    status: MeterStatus, flags: MeterFlags = [], remaining: Money? = nil, readAt: Date? = nil,
    powerW: Int64? = nil, energy: Energy? = nil
  ) {
    self.meter = meter
    self.building = building
    self.buildingName = buildingName
    self.floor = floor
    self.shop = shop
    self.bus = bus
    self.address = address
    self.account = account
    self.tenant = tenant
    self.phone = phone
    self.status = status
    self.flags = flags
    self.remaining = remaining
    self.readAt = readAt
    self.powerW = powerW
    self.energy = energy
  }
}

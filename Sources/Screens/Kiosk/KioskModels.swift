import Domain
import Foundation

/// One meter of the tenant's account as the kiosk shows it.
public struct KioskMeter: Sendable, Hashable {
  /// Meter number.
  public var number: String
  /// Shop or room the meter feeds.
  public var shop: String
  /// Remaining amount last read, nil when never read.
  public var remaining: Money?
  /// Time of the last good reading.
  public var readAt: Date?
  /// Classified status, as the grid shows it.
  public var status: MeterStatus
  /// Kept on by the property office (保电).
  public var keepPower: Bool
  /// The relay is open (power off).
  public var tripped: Bool
  /// Name of the tariff in force.
  public var tariffName: String
  /// The time-of-use period now, nil for single and tiered tariffs.
  public var period: TariffPeriod?
  /// The price in force now.
  public var price: Price?

  /// Creates a meter line.
  public init(
    number: String, shop: String, remaining: Money?, readAt: Date?, status: MeterStatus, keepPower: Bool,
    tripped: Bool, tariffName: String, period: TariffPeriod?, price: Price?
  ) {
    self.number = number
    self.shop = shop
    self.remaining = remaining
    self.readAt = readAt
    self.status = status
    self.keepPower = keepPower
    self.tripped = tripped
    self.tariffName = tariffName
    self.period = period
    self.price = price
  }
}

/// One recharge (or refund, reversal, transfer) of the tenant's account.
public struct KioskRecharge: Sendable, Hashable {
  /// Bill number (票号).
  public var bill: Int64
  /// When it was entered.
  public var at: Date
  /// Meter number.
  public var meter: String
  /// What kind of entry.
  public var kind: LedgerKind
  /// Signed amount onto the meter.
  public var amount: Money
  /// How it was paid, nil for entries other than sales.
  public var payMethod: PayMethod?

  /// Creates a recharge line.
  public init(bill: Int64, at: Date, meter: String, kind: LedgerKind, amount: Money, payMethod: PayMethod?) {
    self.bill = bill
    self.at = at
    self.meter = meter
    self.kind = kind
    self.amount = amount
    self.payMethod = payMethod
  }
}

/// The consumption of one local day.
public struct KioskDay: Sendable, Hashable {
  /// The local day, `YYYY-MM-DD`.
  public var day: String
  /// The day's consumption.
  public var energy: Energy

  /// Creates a day.
  public init(day: String, energy: Energy) {
    self.day = day
    self.energy = energy
  }
}

/// What a tenant sees of their own account after the query password.
public struct KioskAccount: Sendable, Hashable {
  /// Account number (户号).
  public var id: String
  /// Tenant name.
  public var tenant: String
  /// Shop.
  public var shop: String
  /// Meters, by number.
  public var meters: [KioskMeter]
  /// The last recharges, newest first.
  public var recharges: [KioskRecharge]
  /// Consumption of the last 30 days, oldest first.
  public var days: [KioskDay]
  /// How to top up (site.toml `[kiosk] top_up`).
  public var topUp: String
  /// When the data was gathered.
  public var at: Date

  /// Creates an account view.
  public init(
    id: String, tenant: String, shop: String, meters: [KioskMeter], recharges: [KioskRecharge],
    days: [KioskDay], topUp: String, at: Date
  ) {
    self.id = id
    self.tenant = tenant
    self.shop = shop
    self.meters = meters
    self.recharges = recharges
    self.days = days
    self.topUp = topUp
    self.at = at
  }
}

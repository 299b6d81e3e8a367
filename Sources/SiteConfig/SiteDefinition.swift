import Domain

/// Bus framings MeterDesk speaks.
public enum BusFraming: String, Sendable, CaseIterable, Codable {
  /// Modbus TCP (MBAP header), as a Modbus gateway speaks it.
  case tcp
  /// Raw RTU frames with CRC inside a TCP stream (transparent serial servers).
  case rtuOverTCP = "rtu-over-tcp"
  /// Serial RTU on a local port.
  case rtu
}

/// Serial parity of an RS-485 bus.
public enum Parity: String, Sendable, CaseIterable, Codable {
  /// No parity (8N1).
  case none = "N"
  /// Even parity (8E1).
  case even = "E"
  /// Odd parity (8O1).
  case odd = "O"
}

/// Site-wide defaults (系统设置 默认参数).
public struct SiteDefaults: Sendable, Hashable {
  /// Seconds between routine sweeps (集抄时间间隔).
  public var collectionIntervalSeconds: Int = 1800
  /// Consecutive failed tries after which a meter counts as offline.
  public var offlineAfterFailures: Int = 3
  /// Default alarm-1 amount.
  public var alarm1: Money = .yuan(50)
  /// Default alarm-2 amount.
  public var alarm2: Money = .yuan(20)
  /// The most a tenant may hold on a meter (囤积金额上限).
  public var hoardingCap: Money = .yuan(5000)
  /// Default overload power threshold in watts (默认功率阈值).
  public var powerThresholdW: Int = 8000
  /// Name of the default tariff.
  public var tariff: String = ""
  /// Numbers that receive alarm SMS.
  public var smsNumbers: [String] = []
  /// CUPS queue for receipts, if any (the older spelling of `[printer] queue`; `printer.queue` is the one
  /// in force).
  public var receiptQueue: String?

  /// Defaults as FEATURES.md lists them.
  public init() {}
}

/// A named tariff and where it was defined.
public struct TariffDefinition: Sendable, Hashable {
  /// The name other rows refer to.
  public var name: String
  /// The tariff in storable form.
  public var spec: TariffSpec
  /// The line of its table header.
  public var line: Int?
}

/// A building (楼栋) of the site.
public struct BuildingDefinition: Sendable, Hashable {
  /// Short stable code, e.g. `A`.
  public var code: String
  /// Display name.
  public var name: String
  /// Line in the site file.
  public var line: Int?
}

/// A communication manager (通讯管理机).
public struct GatewayDefinition: Sendable, Hashable {
  /// Short stable name, e.g. `GW-A`.
  public var name: String
  /// Building code it stands in.
  public var building: String
  /// Make and model, free text.
  public var model: String
  /// Its network address, free text.
  public var address: String
  /// Line in the site file.
  public var line: Int?
}

/// One RS-485 bus and how to reach it.
public struct BusDefinition: Sendable, Hashable {
  /// Short stable name, e.g. `A-1`.
  public var name: String
  /// Gateway name, or nil for a serial port on the station PC.
  public var gateway: String?
  /// How frames travel.
  public var framing: BusFraming
  /// `host:port`, or a device path for `rtu`.
  public var endpoint: String
  /// Serial baud rate on the bus.
  public var baud: Int
  /// Serial parity on the bus.
  public var parity: Parity
  /// Response timeout in milliseconds.
  public var timeoutMs: Int
  /// Line in the site file.
  public var line: Int?
}

/// One meter row of `meters.csv`.
public struct MeterDefinition: Sendable, Hashable {
  /// Meter number (表号), 12 digits.
  public var number: String
  /// Bus name.
  public var bus: String
  /// Modbus address 1–247.
  public var address: Int
  /// Profile name.
  public var profile: String
  /// Building code.
  public var building: String
  /// Floor, as text (`B1`, `12`).
  public var floor: String
  /// Shop or room.
  public var shop: String
  /// Circuit label.
  public var circuit: String
  /// Current-transformer ratio (互感器倍率).
  public var ctRatio: Int
  /// Alarm-1 amount, nil for the site default.
  public var alarm1: Money?
  /// Alarm-2 amount, nil for the site default.
  public var alarm2: Money?
  /// Power threshold in watts, nil for the site default.
  public var powerThresholdW: Int?
  /// Tariff name, nil for the site default.
  public var tariff: String?
  /// Keep-power (保电).
  public var keepPower: Bool
  /// Disabled: not polled, not sold to.
  public var disabled: Bool
  /// Auto-SMS (自动短信): alarm SMS go to the tenant's phone; `auto_sms` column, on when absent.
  public var autoSms: Bool = true
  /// Line in the CSV file.
  public var line: Int
}

/// One row of `accounts.csv`.
public struct AccountDefinition: Sendable, Hashable {
  /// Account number (户号).
  public var id: String
  /// Tenant name.
  public var tenant: String
  /// Tenant phone.
  public var phone: String
  /// Shop or room.
  public var shop: String
  /// Meter numbers the account owns.
  public var meters: [String]
  /// Opening date, `YYYY-MM-DD`.
  public var openedOn: String
  /// Line in the CSV file.
  public var line: Int
}

/// A whole site as read from `site.toml` and its CSV files.
public struct SiteDefinition: Sendable, Hashable {
  /// Site name printed on receipts.
  public var name: String
  /// Short code used in account numbers.
  public var code: String
  /// IANA time zone, e.g. `Asia/Shanghai`.
  public var timeZone: String
  /// Defaults for meters and acquisition.
  public var defaults: SiteDefaults
  /// Tariffs by name.
  public var tariffs: [TariffDefinition]
  /// Buildings.
  public var buildings: [BuildingDefinition]
  /// Gateways.
  public var gateways: [GatewayDefinition]
  /// Buses.
  public var buses: [BusDefinition]
  /// Meters.
  public var meters: [MeterDefinition]
  /// Accounts.
  public var accounts: [AccountDefinition]
  /// The receipt printer.
  public var printer = PrinterDefinition()
  /// Alarm SMS (`[sms]`).
  public var sms = SmsDefinition()
  /// The tenant query machine (`[kiosk]`).
  public var kiosk = KioskDefinition()
}

/// The paper a receipt printer takes (`[printer] paper`); the name picks the receipt's width.
public enum PrinterPaper: String, Sendable, CaseIterable, Codable {
  /// 58 mm thermal roll: 32 cells.
  case mm58 = "58mm"
  /// 80 mm thermal roll: 48 cells.
  case mm80 = "80mm"
  /// Dot-matrix on triplicate forms: 80 cells, 存根联/客户联/记账联.
  case dotMatrix = "dot-matrix"

  /// The names with their widths, for error messages.
  public static let choices = "58mm (32 cells), 80mm (48 cells) or dot-matrix (80 cells, triplicate)"
}

/// The site's receipt printer (`[printer]` in site.toml).
public struct PrinterDefinition: Sendable, Hashable {
  /// The CUPS queue; `[defaults] receipt_queue` is its older name. Nil prints to a file beside the database.
  public var queue: String?
  /// The paper, which sets the receipt's width and copies.
  public var paper: PrinterPaper = .dotMatrix
  /// Whether the printer speaks ESC/POS (initialise, Chinese mode, a cut after each copy).
  public var escpos: Bool = false

  /// A dot-matrix printer without ESC/POS and without a queue: what a site without `[printer]` gets.
  public init(queue: String? = nil, paper: PrinterPaper = .dotMatrix, escpos: Bool = false) {
    self.queue = queue
    self.paper = paper
    self.escpos = escpos
  }
}

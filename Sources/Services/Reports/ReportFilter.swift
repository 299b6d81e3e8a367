import Store

/// Which entries a report counts: every field set narrows it, nil means all.
public struct ReportFilter: Sendable, Hashable {
  /// Only this cashier's entries.
  public var `operator`: String?
  /// Only meters of this building (code).
  public var building: String?
  /// Only meters on this bus.
  public var bus: String?
  /// Only this meter.
  public var meter: String?
  /// Only this account.
  public var account: String?

  /// Creates a filter; the default counts everything.
  public init(
    operator: String? = nil, building: String? = nil, bus: String? = nil, meter: String? = nil,
    account: String? = nil
  ) {
    self.operator = `operator`
    self.building = building
    self.bus = bus
    self.meter = meter
    self.account = account
  }

  /// True when nothing narrows the report.
  public var isEmpty: Bool { self == ReportFilter() }
}

/// The reports of the report centre (报表中心), in the order the F7 screen lists them.
public enum ReportKind: String, Sendable, Hashable, CaseIterable {
  /// Sales per cashier and period (售电报表).
  case sales
  /// Shift hand-overs (交班).
  case shift
  /// Energy per meter between two readings (能耗报表).
  case energy
  /// Daily energy per tenant (日用能).
  case daily
  /// Alarms now and their history (报警).
  case alarms
  /// Meters and buses offline (失联).
  case offline
  /// Openings, closings, meter replacements and recharges per account (开户/销户/换表/售电记录).
  case accounts

  /// The Chinese name operators use.
  public var chineseName: String {
    switch self {
    case .sales: "售电报表"
    case .shift: "交班记录"
    case .energy: "能耗报表"
    case .daily: "日用能"
    case .alarms: "报警记录"
    case .offline: "失联记录"
    case .accounts: "账户记录"
    }
  }

  /// The English name.
  public var englishName: String {
    switch self {
    case .sales: "Sales"
    case .shift: "Shift hand-overs"
    case .energy: "Energy"
    case .daily: "Daily energy"
    case .alarms: "Alarms"
    case .offline: "Offline"
    case .accounts: "Account records"
    }
  }
}

extension ReportFilter {
  /// The filter as the store's meter queries take it (the operator does not narrow meters).
  var meterScope: MeterScope {
    MeterScope(building: building, bus: bus, meter: meter, account: account)
  }
}

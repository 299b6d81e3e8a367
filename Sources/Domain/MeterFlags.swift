/// Conditions of a meter shown next to its status: keep power, tripped, pending recharge, overload,
/// settings drift.
///
/// Codable as its raw bit mask.
public struct MeterFlags: OptionSet, Sendable, Hashable, Codable {
  /// The bit mask.
  public let rawValue: UInt8

  /// Creates flags from a bit mask.
  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// 保电: the relay is forced closed; the meter will not trip on arrears.
  public static let keepPower = MeterFlags(rawValue: 1 << 0)
  /// 拉闸: the relay is open.
  public static let tripped = MeterFlags(rawValue: 1 << 1)
  /// 待充值: a sale has been recorded but not yet confirmed by the meter.
  public static let pendingRecharge = MeterFlags(rawValue: 1 << 2)
  /// 过载: the load is above the power threshold.
  public static let overload = MeterFlags(rawValue: 1 << 3)

  /// 设置偏差: the prices or settings read back from the meter differ from the database's.
  public static let settingsDrift = MeterFlags(rawValue: 1 << 4)

  /// Every flag, in display order.
  public static let all: [MeterFlags] = [.keepPower, .tripped, .pendingRecharge, .overload, .settingsDrift]

  /// The Chinese labels of the flags that are set, in display order (保电, 拉闸, 待充值, 过载).
  public var chineseNames: [String] {
    Self.all.filter { contains($0) }.compactMap(\.singleChineseName)
  }

  /// The English labels of the flags that are set, in display order.
  public var englishNames: [String] {
    Self.all.filter { contains($0) }.compactMap(\.singleEnglishName)
  }

  private var singleChineseName: String? {
    switch self {
    case .keepPower: "保电"
    case .tripped: "拉闸"
    case .pendingRecharge: "待充值"
    case .overload: "过载"
    case .settingsDrift: "设置偏差"
    default: nil
    }
  }

  private var singleEnglishName: String? {
    switch self {
    case .keepPower: "Keep power"
    case .tripped: "Tripped"
    case .pendingRecharge: "Pending recharge"
    case .overload: "Overload"
    case .settingsDrift: "Settings drift"
    default: nil
    }
  }
}

/// A time-of-use period: sharp, peak, flat or valley (尖 峰 平 谷).
public enum TariffPeriod: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
  /// 尖: the highest-priced hours.
  case sharp
  /// 峰: peak hours.
  case peak
  /// 平: shoulder (flat) hours.
  case flat
  /// 谷: night (valley) hours.
  case valley

  /// The one-character Chinese name used on meters and receipts: 尖, 峰, 平 or 谷.
  public var chineseName: String {
    switch self {
    case .sharp: "尖"
    case .peak: "峰"
    case .flat: "平"
    case .valley: "谷"
    }
  }

  /// The English name for screens: Sharp, Peak, Flat or Valley.
  public var englishName: String {
    switch self {
    case .sharp: "Sharp"
    case .peak: "Peak"
    case .flat: "Flat"
    case .valley: "Valley"
    }
  }
}

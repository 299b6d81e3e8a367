/// A batch remote operation (批量操作) on one meter or many.
public enum RemoteOperation: String, Sendable, Hashable, Codable, CaseIterable {
  /// 电价下发: the meter's tariff into its four price registers (and its TOU table where it has one).
  case price
  /// 设置下发: alarm 1, alarm 2 and the power limit.
  case settings
  /// 保电: force the relay closed, whatever the balance.
  case keepPower = "keep_power"
  /// 恢复预付费: release force control; the meter switches by its balance again.
  case restore
  /// 拉闸: force the relay open.
  case trip
  /// 合闸: close the relay (restore prepay where the meter has no separate close command).
  case close
  /// 抄表导出: the meters' current state to a spreadsheet; nothing is sent.
  case export

  /// The Chinese name operators use.
  public var chineseName: String {
    switch self {
    case .price: "电价下发"
    case .settings: "设置下发"
    case .keepPower: "保电"
    case .restore: "恢复预付费"
    case .trip: "拉闸"
    case .close: "合闸"
    case .export: "抄表导出"
    }
  }

  /// True for operations that move the relay.
  public var movesRelay: Bool { self == .keepPower || self == .restore || self == .trip || self == .close }

  /// True for operations that write anything to the meters.
  public var writes: Bool { self != .export }
}

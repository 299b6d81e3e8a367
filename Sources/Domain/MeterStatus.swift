/// The state a meter is shown in on the batch-operations grid (one colour each).
public enum MeterStatus: String, Sendable, CaseIterable, Codable {
  /// Opened, online, with money above both alarm amounts.
  case normal
  /// At or below the first alarm amount (报警1).
  case alarm1
  /// At or below the second, lower alarm amount (报警2).
  case alarm2
  /// Out of money (欠费).
  case arrears
  /// No open account (未开户).
  case unopened
  /// Acquisition cannot reach the meter (失联).
  case offline

  /// The Chinese label: 正常, 报警1, 报警2, 欠费, 未开户 or 失联.
  public var chineseName: String {
    switch self {
    case .normal: "正常"
    case .alarm1: "报警1"
    case .alarm2: "报警2"
    case .arrears: "欠费"
    case .unopened: "未开户"
    case .offline: "失联"
    }
  }

  /// The English label: Normal, Alarm 1, Alarm 2, Arrears, Not opened or Offline.
  public var englishName: String {
    switch self {
    case .normal: "Normal"
    case .alarm1: "Alarm 1"
    case .alarm2: "Alarm 2"
    case .arrears: "Arrears"
    case .unopened: "Not opened"
    case .offline: "Offline"
    }
  }
}

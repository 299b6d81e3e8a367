/// The relay mode set by remote commands (or the site's keep-power column).
public enum ForceControl: String, Sendable, Hashable, Codable, CaseIterable {
  /// 预付费: the relay follows the balance (opens in arrears).
  case prepay
  /// 拉闸: the relay is forced open.
  case trip
  /// 保电: the relay is forced closed, whatever the balance.
  case keepPower = "keep_power"
}

/// How a tenant paid at the front desk (收费方式).
public enum PayMethod: String, Sendable, CaseIterable, Codable, Hashable {
  /// 现金.
  case cash
  /// 微信.
  case wechat
  /// 支付宝.
  case alipay
  /// 银行卡.
  case card

  /// The Chinese word printed on receipts.
  public var chineseName: String {
    switch self {
    case .cash: return "现金"
    case .wechat: return "微信"
    case .alipay: return "支付宝"
    case .card: return "银行卡"
    }
  }

  /// The English word.
  public var englishName: String {
    switch self {
    case .cash: return "Cash"
    case .wechat: return "WeChat"
    case .alipay: return "Alipay"
    case .card: return "Bank card"
    }
  }
}

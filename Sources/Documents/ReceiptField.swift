import Domain

/// A value a template placeholder stands for.
enum ReceiptField: String, CaseIterable, Sendable, Hashable {
  case site, account, tenant, bill, datetime, date, time, kind
  case kindEnglish = "kind_en"
  case meter, building, shop, count, pay
  case payEnglish = "pay_en"
  case amount, capitals
  case operatorName = "operator"
  case payee, remark, reprint, copy

  /// The reference system's placeholder names (without the leading `#`), lowercased, and what they mean.
  static let referenceAliases: [String: ReceiptField] = [
    "muserid": .account, "mbillid": .bill, "mmeterid": .meter, "musetimes": .count,
    "msalemoney": .amount, "mallmoney": .capitals,
  ]

  /// The reference alias spellings as documented, for error messages.
  static let referenceAliasNames = "#MUserID, #MBillID, #MMeterID, #MUseTimes, #MSaleMoney, #MAllMoney"

  /// Whether a value wider than its placeholder's width is clipped. Names and remarks are; identifiers,
  /// amounts and times never are (a clipped amount would be wrong), so they widen the column instead.
  var clipsToWidth: Bool {
    switch self {
    case .account, .bill, .datetime, .date, .time, .meter, .count, .amount, .capitals: false
    default: true
    }
  }

  /// The text this field prints for `data`; `copyLabel` is the current copy's 联 name (or empty).
  func value(for data: ReceiptData, copyLabel: String) -> String {
    switch self {
    case .site: data.siteName
    case .account: data.account
    case .tenant: data.tenant
    case .bill: data.bill.description
    case .datetime: LocalTimeText.dateTime(data.issuedAt, in: data.timeZone)
    case .date: LocalTimeText.date(data.issuedAt, in: data.timeZone)
    case .time: LocalTimeText.time(data.issuedAt, in: data.timeZone)
    case .kind: data.kind.chineseName
    case .kindEnglish: data.kind.englishName
    case .meter: data.meter
    case .building: data.building
    case .shop: data.shop
    case .count: data.purchaseCount.map(String.init) ?? ""
    case .pay: data.payMethod?.chineseName ?? ""
    case .payEnglish: data.payMethod?.englishName ?? ""
    case .amount: data.amount.grouped
    case .capitals: ChineseCapitals.amount(data.amount)
    case .operatorName: data.operatorName
    case .payee: data.payee ?? ""
    case .remark: data.remark
    case .reprint: data.reprint ? ReceiptMarks.reprint : ""
    case .copy: copyLabel
    }
  }
}

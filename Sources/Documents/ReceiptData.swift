import Domain
import Foundation

/// Everything printed on one receipt (票据): the sale, refund or other ledger entry and who issued it.
public struct ReceiptData: Sendable, Hashable {
  /// The site's name, printed as the heading (星河国际广场).
  public var siteName: String
  /// The account number (用户编号).
  public var account: String
  /// The tenant's name (户名).
  public var tenant: String
  /// The bill number (票号).
  public var bill: BillNumber
  /// When the entry was made.
  public var issuedAt: Date
  /// The site's time zone; `issuedAt` prints as local "yyyy-MM-dd HH:mm:ss" in it.
  public var timeZone: TimeZone
  /// What the entry records (收费项目: 售电, 退电 …).
  public var kind: LedgerKind
  /// The meter number (电表编号).
  public var meter: String
  /// The building (主楼号).
  public var building: String
  /// The shop or unit (商铺).
  public var shop: String
  /// The meter's purchase count after this entry (购电次数); nil when it does not apply.
  public var purchaseCount: Int64?
  /// How the tenant paid (收费方式); nil when no money changed hands at the desk.
  public var payMethod: PayMethod?
  /// The signed amount: refunds print negative, and their capitals start with 负.
  public var amount: Money
  /// The operator who issued the receipt (操作员).
  public var operatorName: String
  /// The person who took the money (收款人), when different from nobody.
  public var payee: String?
  /// A free remark for this entry (备注).
  public var remark: String
  /// True when this is a reprint of an earlier receipt: 重打 / REPRINT is printed at the top.
  public var reprint: Bool

  /// Creates the data of one receipt.
  public init(
    siteName: String, account: String, tenant: String, bill: BillNumber, issuedAt: Date,
    timeZone: TimeZone, kind: LedgerKind, meter: String, building: String, shop: String = "",
    purchaseCount: Int64? = nil, payMethod: PayMethod? = nil, amount: Money, operatorName: String,
    payee: String? = nil, remark: String = "", reprint: Bool = false
  ) {
    self.siteName = siteName
    self.account = account
    self.tenant = tenant
    self.bill = bill
    self.issuedAt = issuedAt
    self.timeZone = timeZone
    self.kind = kind
    self.meter = meter
    self.building = building
    self.shop = shop
    self.purchaseCount = purchaseCount
    self.payMethod = payMethod
    self.amount = amount
    self.operatorName = operatorName
    self.payee = payee
    self.remark = remark
    self.reprint = reprint
  }
}

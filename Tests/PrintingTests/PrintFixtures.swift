import Documents
import Domain
import Foundation

/// Receipts for the printing tests.
enum PrintFixtures {
  /// A sale of 1,234.50 on bill 00000042, meter 202421000874.
  static func sale(amount: Money = Money(fen: 123_450), reprint: Bool = false) -> ReceiptData {
    ReceiptData(
      siteName: "星河国际广场", account: "XH00003", tenant: "上海星河物业管理有限公司",
      bill: BillNumber(42), issuedAt: Date(timeIntervalSince1970: 1_741_915_613),
      timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current, kind: .sale, meter: "202421000874",
      building: "B座 购物中心", shop: "B1-消控室", purchaseCount: 7, payMethod: .cash, amount: amount,
      operatorName: "张三", payee: "李四", reprint: reprint)
  }

  /// `text` with CR LF line endings, as `CUPSPrinter` sends it by default.
  static func crlf(_ text: String) -> String {
    text.replacingOccurrences(of: "\n", with: "\r\n")
  }
}

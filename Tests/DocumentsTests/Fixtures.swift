import Documents
import Domain
import Foundation
import TextWidth

/// Receipts and helpers shared by the document tests.
enum Fixtures {
  /// 2025-03-14 09:26:53 in Shanghai.
  static let issuedAt = Date(timeIntervalSince1970: 1_741_915_613)

  /// Asia/Shanghai.
  static let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

  /// A sale of 1,234.50 to a Chinese tenant and shop.
  static func sale(reprint: Bool = false, remark: String = "") -> ReceiptData {
    ReceiptData(
      siteName: "星河国际广场", account: "XH00003", tenant: "上海星河物业管理有限公司",
      bill: BillNumber(42), issuedAt: issuedAt, timeZone: shanghai, kind: .sale,
      meter: "202421000874", building: "B座 购物中心", shop: "B1-消控室", purchaseCount: 7,
      payMethod: .wechat, amount: Money(fen: 123_450), operatorName: "张三", payee: "李四",
      remark: remark, reprint: reprint)
  }

  /// A refund of 56.78 (negative).
  static func refund() -> ReceiptData {
    var data = sale()
    data.kind = .refund
    data.amount = Money(fen: -5_678)
    data.payMethod = .cash
    return data
  }

  /// The lines of a rendered receipt (without the final empty piece).
  static func lines(_ text: String) -> [String] {
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The display-cell offsets at which `character` occurs in `line`.
  static func cellOffsets(of character: Character, in line: String) -> [Int] {
    var offsets: [Int] = []
    var cells = 0
    for current in line {
      if current == character { offsets.append(cells) }
      cells += DisplayWidth.of(current)
    }
    return offsets
  }

  /// The display-cell offset where `needle` starts in `line`, or nil.
  static func cellOffset(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    return DisplayWidth.of(line[..<range.lowerBound])
  }
}

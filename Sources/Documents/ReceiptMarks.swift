/// Fixed words printed on receipts: the reprint marker and the names of the triplicate's copies.
enum ReceiptMarks {
  /// The reprint marker, centred at the top of a reprinted receipt.
  static let reprint = "*** 重打 REPRINT ***"

  /// The names of a triplicate's copies, in printing order.
  static let copyNames = ["存根联", "客户联", "记账联"]

  /// Chinese ordinals for copy numbers 1 to 10.
  private static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

  /// The label of copy `index` (0-based) of `copies`: "第一联 存根联" …; empty for a single copy.
  static func copyLabel(index: Int, of copies: Int) -> String {
    guard copies > 1 else { return "" }
    let number = index < numerals.count ? numerals[index] : String(index + 1)
    let name = index < copyNames.count ? " " + copyNames[index] : ""
    return "第\(number)联\(name)"
  }
}

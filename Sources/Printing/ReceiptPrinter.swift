import Documents

/// Somewhere receipts go: a CUPS queue or a file.
///
/// Printing is separate from selling: when `print` throws, the sale stands, and the caller can send the
/// same document again (or reprint it later, marked 重打 / REPRINT) without selling again.
public protocol ReceiptPrinter: Sendable {
  /// Sends one document (fixed-width text lines ending in "\n") as one job named `title`.
  func print(_ document: String, title: String) throws(PrintError)
}

extension ReceiptPrinter {
  /// Renders `receipt` with `template` at `width` (with `copies` copies) and prints it as one job titled
  /// "MeterDesk receipt <bill>" (plus " REPRINT" for a reprint).
  public func print(
    _ receipt: ReceiptData, template: ReceiptTemplate = .builtIn, width: ReceiptWidth, copies: Int = 1
  ) throws(PrintError) {
    let title = "MeterDesk receipt \(receipt.bill)" + (receipt.reprint ? " REPRINT" : "")
    try print(template.render(receipt, width: width, copies: copies), title: title)
  }
}

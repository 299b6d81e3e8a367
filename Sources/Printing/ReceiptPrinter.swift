import Documents

/// Somewhere receipts go: a CUPS queue or a file.
///
/// Printing is separate from selling: when `print` throws, the sale stands, and the caller can send the
/// same document again (or reprint it later, marked 重打 / REPRINT) without selling again.
public protocol ReceiptPrinter: Sendable {
  /// The encoding of the text sent.
  var encoding: PrintEncoding { get }
  /// How lines end in the bytes sent.
  var lineEnding: LineEnding { get }

  /// Sends bytes, already encoded and framed, as one job named `title`.
  func send(_ bytes: [UInt8], title: String) throws(PrintError)
}

extension ReceiptPrinter {
  /// Sends one document (fixed-width text lines ending in "\n") as one plain-text job named `title`.
  public func print(_ document: String, title: String) throws(PrintError) {
    try send(lineEnding.apply(to: try encoding.encode(document)), title: title)
  }

  /// Sends the copies of one receipt as one job: for an ESC/POS printer framed by `ESCPOS.job` (initialise,
  /// Chinese mode for GB18030, a cut after each copy), otherwise as plain text with the copies separated
  /// by form feeds.
  public func print(copies: [String], title: String, escpos: Bool) throws(PrintError) {
    if escpos {
      try send(try ESCPOS.job(copies: copies, encoding: encoding, lineEnding: lineEnding), title: title)
    } else {
      try print(copies.joined(separator: "\u{0C}"), title: title)
    }
  }

  /// Renders `receipt` with `template` at `width` (with `copies` copies) and prints it as one job titled
  /// "MeterDesk receipt <bill>" (plus " REPRINT" for a reprint).
  public func print(
    _ receipt: ReceiptData, template: ReceiptTemplate = .builtIn, width: ReceiptWidth, copies: Int = 1,
    escpos: Bool = false
  ) throws(PrintError) {
    try print(
      copies: template.renderCopies(receipt, width: width, copies: copies), title: receipt.jobTitle,
      escpos: escpos)
  }
}

extension ReceiptData {
  /// The print job's title: "MeterDesk receipt 00000042", plus " REPRINT" for a reprint.
  public var jobTitle: String {
    "MeterDesk receipt \(bill)" + (reprint ? " REPRINT" : "")
  }
}

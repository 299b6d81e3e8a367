import Documents
import Foundation
import Printing

/// How a site prints receipts (`[printer]` in site.toml, stored in its settings).
public struct ReceiptPrinterSettings: Sendable, Hashable {
  /// The CUPS queue, or nil: receipts then go to a file beside the database.
  public var queue: String?
  /// The paper: the receipt's width and copies.
  public var paper: ReceiptPaper
  /// Whether the printer speaks ESC/POS: initialise, Chinese mode, a cut after each copy.
  public var escpos: Bool

  /// Settings for a printer; the defaults are those of a site without `[printer]`.
  public init(queue: String? = nil, paper: ReceiptPaper = .dotMatrix, escpos: Bool = false) {
    self.queue = queue
    self.paper = paper
    self.escpos = escpos
  }

  /// GB18030 for ESC/POS printers (Chinese receipt printers in Chinese mode); UTF-8 text otherwise.
  public var encoding: PrintEncoding { escpos ? .gb18030 : .utf8 }

  /// LF for ESC/POS (LF prints the line); CR LF for plain-text printers (dot-matrix carriages).
  public var lineEnding: LineEnding { escpos ? .lf : .crlf }
}

extension RenderedReceipt {
  /// Prints the receipt as one raw CUPS job on `queue` (on `server`, "host:port", nil = the default):
  /// ESC/POS framed when the site's printer speaks it, plain text otherwise.
  public func print(queue: String, server: String? = nil) throws(PrintError) {
    let cups = CUPSPrinter(
      queue: queue, server: server, encoding: printer.encoding, lineEnding: printer.lineEnding)
    try cups.print(copies: copies, title: data.jobTitle, escpos: printer.escpos)
  }

  /// Appends the receipt's plain text (UTF-8, LF, copies separated by form feeds) to the file at `path`.
  public func append(toFile path: String) throws(PrintError) {
    try FilePrinter(path: path).print(copies: copies, title: data.jobTitle, escpos: false)
  }

  /// Writes the receipt's plain text to the file at `path`, replacing what it held.
  public func write(toFile path: String) throws(PrintError) {
    do {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw PrintError(message: "cannot write \(path): \(error.localizedDescription)")
    }
  }
}

/// A receipt that cannot be rendered: no such bill, a bad template, a paper the settings do not know.
public enum ReceiptError: Error, Sendable, Equatable, CustomStringConvertible {
  /// There is no bill with this number.
  case noBill(Int64)
  /// The template file cannot be used (`file:line: …`).
  case template(TemplateError)
  /// The stored paper name is none of 58mm, 80mm, dot-matrix.
  case unknownPaper(String)

  /// The operator's message.
  public var description: String {
    switch self {
    case .noBill(let bill): "no bill \(bill)"
    case .template(let error): "\(error)"
    case .unknownPaper(let name):
      "the site's printer paper \"\(name)\" is not "
        + ReceiptPaper.allCases.map(\.rawValue).joined(separator: ", ")
    }
  }
}

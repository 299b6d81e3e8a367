import Documents
import Foundation

/// A bill's receipt rendered for the site's printer: what the console and the CLI print, byte for byte.
public struct RenderedReceipt: Sendable, Hashable {
  /// What the receipt says.
  public var data: ReceiptData
  /// The width it was rendered at; no line is wider.
  public var width: ReceiptWidth
  /// Each copy's text (存根联, 客户联, 记账联 on dot-matrix forms), lines ending in "\n".
  public var copies: [String]
  /// The printer it was rendered for.
  public var printer: ReceiptPrinterSettings

  /// Wraps a rendered receipt.
  public init(data: ReceiptData, width: ReceiptWidth, copies: [String], printer: ReceiptPrinterSettings) {
    self.data = data
    self.width = width
    self.copies = copies
    self.printer = printer
  }

  /// The plain text: the copies separated by form feeds (what `--out` writes and a plain printer gets).
  public var text: String { copies.joined(separator: "\u{0C}") }
}

extension ReceiptService {
  /// Bill `bill`'s receipt, rendered for the site's printer with the site's template: `template` when
  /// given, else `receipt.txt` in `siteFolder` (the database's folder), else the built-in one. `width`
  /// overrides the paper's width (three copies at 80 cells, else one).
  public func render(
    bill: Int64, siteFolder: String, template: String? = nil, width: ReceiptWidth? = nil, reprint: Bool
  ) throws -> RenderedReceipt {
    let data = try self.data(bill: bill, reprint: reprint)
    let printer = try printerSettings()
    let form = try Self.template(siteFolder: siteFolder, override: template)
    let cells = width ?? printer.paper.width
    let copies = width.map(ReceiptPaper.copies(at:)) ?? printer.paper.copies
    return RenderedReceipt(
      data: data, width: cells, copies: form.renderCopies(data, width: cells, copies: copies),
      printer: printer)
  }

  /// The template in force: `override`, else `receipt.txt` in `siteFolder`, else the built-in one.
  public static func template(siteFolder: String, override: String? = nil) throws(ReceiptError)
    -> ReceiptTemplate
  {
    let beside = URL(fileURLWithPath: siteFolder).appendingPathComponent(templateFileName).path
    guard let path = override ?? (FileManager.default.fileExists(atPath: beside) ? beside : nil) else {
      return .builtIn
    }
    do {
      return try ReceiptTemplate.load(path: path)
    } catch {
      throw .template(error)
    }
  }

  /// The name of a site's template file, beside its database.
  public static let templateFileName = "receipt.txt"

  /// The folder of the database at `path`: where the site's `receipt.txt` lives.
  public static func siteFolder(database path: String) -> String {
    URL(fileURLWithPath: path).deletingLastPathComponent().path
  }
}

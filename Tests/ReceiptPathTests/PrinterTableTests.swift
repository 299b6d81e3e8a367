import Documents
import Foundation
import Services
import SiteConfig
import Store
import TestSupport
import Testing

/// The `[printer]` table of site.toml: parsed with `file:line` errors, stored, and read back by the
/// receipt path.
@Suite struct PrinterTableTests {
  /// A copy of the sample site with `printer` appended to site.toml and `defaultsLine` added to
  /// `[defaults]`; returns the site path and the text written.
  private func site(printer: String, defaultsLine: String? = nil, in directory: TemporaryDirectory) throws
    -> (path: String, lines: [String])
  {
    let path = try RepoPaths.copySampleSite(into: directory)
    var lines = try String(contentsOfFile: path, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let defaultsLine, let index = lines.firstIndex(where: { $0.hasPrefix("sms_numbers") }) {
      lines.insert(defaultsLine, at: index + 1)
    }
    lines += printer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return (path, lines)
  }

  /// The 1-based line of the first line starting with `prefix`.
  private func line(_ prefix: String, in lines: [String]) -> Int? {
    lines.firstIndex { $0.hasPrefix(prefix) }.map { $0 + 1 }
  }

  /// The issues reading the site reports.
  private func issues(_ path: String) throws -> [SiteIssue] {
    let error = try #require(throws: SiteErrors.self) {
      _ = try SiteFileReader.read(path: path, knownProfiles: ShippedProfiles.names)
    }
    return error.issues
  }

  @Test func badPaperNameIsReportedAtItsLine() throws {
    let directory = try TemporaryDirectory()
    let (path, lines) = try site(printer: "\n[printer]\nqueue = \"desk\"\npaper = \"57mm\"\n", in: directory)
    let issues = try issues(path)
    let issue = try #require(issues.first { $0.message.contains("paper") }, "\(issues)")
    let expectedLine = try #require(line("paper = ", in: lines))
    #expect(issue.file == path && issue.line == expectedLine)
    #expect(
      issue.description
        == "\(path):\(expectedLine): [printer]: paper \"57mm\" is not 58mm (32 cells), 80mm (48 cells) "
        + "or dot-matrix (80 cells, triplicate)")
    #expect(issues.count == 1, "\(issues)")
  }

  @Test func badEscposAndUnknownKeysAreReportedAtTheirLines() throws {
    let directory = try TemporaryDirectory()
    let (path, lines) = try site(printer: "[printer]\nescpos = \"yes\"\ncutter = true\n", in: directory)
    let issues = try issues(path)
    let escpos = try #require(issues.first { $0.message.contains("escpos") }, "\(issues)")
    #expect(escpos.line == line("escpos = ", in: lines))
    #expect(escpos.message == "[printer]: \"escpos\" must be true or false")
    let unknown = try #require(issues.first { $0.message.contains("cutter") }, "\(issues)")
    #expect(unknown.line == line("cutter = ", in: lines))
  }

  @Test func oldAndNewQueueNamesMustAgree() throws {
    let directory = try TemporaryDirectory()
    let (path, lines) = try site(
      printer: "[printer]\nqueue = \"desk\"\n", defaultsLine: "receipt_queue = \"old-desk\"", in: directory)
    let issues = try issues(path)
    let issue = try #require(issues.first, "\(issues)")
    #expect(issue.line == line("receipt_queue", in: lines))
    #expect(issue.message.contains("receipt_queue \"old-desk\" differs from [printer] queue \"desk\""))
  }

  @Test func printerTableIsStoredAndReadBack() throws {
    let directory = try TemporaryDirectory()
    let (path, _) = try site(
      printer: "[printer]\nqueue = \"desk\"\npaper = \"58mm\"\nescpos = true\n", in: directory)
    let database = try AppDatabase.inMemory()
    _ = try SiteImportService(database: database).importSite(path: path, by: "test", at: Date())
    let settings = try ReceiptService(database: database).printerSettings()
    #expect(settings == ReceiptPrinterSettings(queue: "desk", paper: .mm58, escpos: true))
    #expect(settings.paper.width.cells == 32 && settings.encoding == .gb18030 && settings.lineEnding == .lf)
    let stored = try #require(try database.siteSettings())
    #expect(stored.receiptQueue == "desk" && stored.printerPaper == "58mm" && stored.printerEscpos)
  }

  @Test func oldReceiptQueueStillNamesTheQueue() throws {
    let directory = try TemporaryDirectory()
    let (path, _) = try site(printer: "", defaultsLine: "receipt_queue = \"old-desk\"", in: directory)
    let database = try AppDatabase.inMemory()
    _ = try SiteImportService(database: database).importSite(path: path, by: "test", at: Date())
    let settings = try ReceiptService(database: database).printerSettings()
    #expect(settings == ReceiptPrinterSettings(queue: "old-desk", paper: .dotMatrix, escpos: false))
  }

  @Test func siteWithoutPrinterTablePrintsAsBefore() throws {
    let directory = try TemporaryDirectory()
    let path = try RepoPaths.copySampleSite(into: directory)
    let database = try AppDatabase.inMemory()
    _ = try SiteImportService(database: database).importSite(path: path, by: "test", at: Date())
    let settings = try ReceiptService(database: database).printerSettings()
    #expect(settings == ReceiptPrinterSettings(queue: nil, paper: .dotMatrix, escpos: false))
    #expect(settings.paper.copies == 3 && settings.encoding == .utf8 && settings.lineEnding == .crlf)
  }

  @Test func siteFileAndReceiptsKnowTheSamePapers() {
    #expect(PrinterPaper.allCases.map(\.rawValue) == ReceiptPaper.allCases.map(\.rawValue))
  }

  @Test func siteTemplateBesideTheDatabaseIsUsed() throws {
    let directory = try TemporaryDirectory()
    #expect(try ReceiptService.template(siteFolder: directory.url.path) == .builtIn)
    try "票号 {bill}\n".write(toFile: directory.path("receipt.txt"), atomically: true, encoding: .utf8)
    #expect(try ReceiptService.template(siteFolder: directory.url.path) != .builtIn)
    try "票号 {user}\n".write(toFile: directory.path("receipt.txt"), atomically: true, encoding: .utf8)
    #expect {
      try ReceiptService.template(siteFolder: directory.url.path)
    } throws: { error in
      "\(error)".hasPrefix(directory.path("receipt.txt") + ":1: unknown placeholder")
    }
  }
}

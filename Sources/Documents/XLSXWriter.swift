import CXlsxWriter
import Foundation

/// Writes a `SpreadsheetTable` to an Excel .xlsx file through libxlsxwriter.
///
/// The sheet has the title in A1, a bold header in row 2 with the panes frozen below it, the
/// data rows, a bold totals row, columns sized to their widest shown text (CJK = 2 cells) and,
/// when the table asks for one, a native bar or column chart to the right of the table.
/// Money and energy are Excel numbers in yuan and kWh with the format `#,##0.00`; dates are
/// Excel date-times in the table's time zone.
public enum XLSXWriter {
  /// Rows between two progress calls.
  public static let progressStep = 1_000

  /// Writes `table` to `path`, replacing the file only when the whole workbook was written.
  ///
  /// Throws a `SpreadsheetError` naming `path`: the table is invalid (see `validate(path:)`),
  /// or libxlsxwriter failed (with its error string), or the file could not be moved into place.
  /// `progress` hears (rows written, rows in all) every ``progressStep`` rows and at the end.
  public static func write(
    _ table: SpreadsheetTable, to path: String, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws {
    try table.validate(path: path)
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
    // Create the file first: libxlsxwriter reports a failure to create it on stderr, which
    // would land on the console's screen.
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
    guard descriptor >= 0 else {
      throw SpreadsheetError(
        path: path, message: "cannot create \(temporary): \(String(cString: strerror(errno)))")
    }
    close(descriptor)
    guard let workbook = workbook_new(temporary) else {
      try? FileManager.default.removeItem(atPath: temporary)
      throw SpreadsheetError(path: path, message: "workbook_new failed")
    }
    var failure: XLSXFailure?
    do {
      try XLSXSheet.write(table, into: workbook, progress: progress)
    } catch {
      failure = error
    }
    // workbook_close writes the file and frees everything libxlsxwriter allocated, even after a failure.
    let closed = workbook_close(workbook)
    do throws(XLSXFailure) {
      if let failure { throw failure }
      try XLSXFailure.check(closed, "workbook_close")
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw SpreadsheetError(path: path, message: error.message)
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporary)
      throw SpreadsheetError(path: path, message: "rename from \(temporary): \(reason)")
    }
  }
}

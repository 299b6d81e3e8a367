import Foundation

/// Writes a `SpreadsheetTable` as CSV that Excel on Chinese Windows opens correctly.
///
/// UTF-8 with a byte-order mark, RFC 4180 (CRLF line ends; a field with a comma, quote, CR or LF
/// is quoted, quotes doubled). The header comes first, then the rows, then the totals row; the
/// title and the chart are not written. Money and energy are plain decimals ("1234.50"), percents
/// "12.34%", date-times "YYYY-MM-DD HH:MM:SS" in the table's time zone.
public enum CSVWriter {
  /// The UTF-8 byte-order mark that starts the file.
  public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Writes `table` to `path` atomically; throws a `SpreadsheetError` naming `path`.
  public static func write(_ table: SpreadsheetTable, to path: String) throws {
    let data = try data(table, path: path)
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw SpreadsheetError(path: path, message: error.localizedDescription)
    }
  }

  /// The file's bytes: the byte-order mark and the CSV text in UTF-8.
  ///
  /// `path` only names the output in a `SpreadsheetError` when the table is invalid.
  public static func data(_ table: SpreadsheetTable, path: String = "CSV") throws(SpreadsheetError) -> Data {
    try table.validate(path: path)
    return Data(byteOrderMark) + Data(text(table).utf8)
  }

  /// The CSV text without the byte-order mark; the table is assumed valid.
  static func text(_ table: SpreadsheetTable) -> String {
    var lines = [table.columns.map { field($0.header) }.joined(separator: ",")]
    for row in table.rows + (table.totals.map { [$0] } ?? []) {
      lines.append(row.map { field($0.plainText(in: table.timeZone)) }.joined(separator: ","))
    }
    return lines.map { $0 + "\r\n" }.joined()
  }

  /// One field, quoted when it holds a comma, a quote, CR or LF (RFC 4180).
  static func field(_ text: String) -> String {
    let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

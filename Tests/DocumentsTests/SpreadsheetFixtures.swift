import Documents
import Domain
import Foundation
import TestSupport

/// A reading-export table and the independent reader (Tests/Peers/spreadsheet_reader.py).
enum SpreadsheetFixtures {
  /// 2025-03-14 09:26:53 in Shanghai.
  static let readAt = Date(timeIntervalSince1970: 1_741_915_613)

  /// A table with Chinese text, a comma and quotes to escape, money (one negative, one in the
  /// millions), energy, date-times, a percent, an empty cell, a totals row and, when asked, a chart.
  static func table(chart: SpreadsheetChart? = nil) -> SpreadsheetTable {
    SpreadsheetTable(
      title: "星河国际广场 抄表导出 2025-03",
      columns: [
        SpreadsheetColumn("表号", .text),
        SpreadsheetColumn("商户", .text),
        SpreadsheetColumn("抄表时间", .dateTime),
        SpreadsheetColumn("用电量(kWh)", .energy),
        SpreadsheetColumn("金额(元)", .money),
        SpreadsheetColumn("购电次数", .integer),
        SpreadsheetColumn("占比", .percent),
      ],
      rows: [
        [
          .text("202421000874"), .text("上海星河物业管理有限公司"), .dateTime(readAt),
          .energy(Energy(centiKWh: 123_456)), .money(Money(fen: 123_450)), .integer(7),
          .percent(basisPoints: 1_234),
        ],
        [
          .text("202421000875"), .text("B1-消控室, \"一号\"\n备用"),
          .dateTime(readAt.addingTimeInterval(86_400 + 61)), .energy(Energy(centiKWh: 5)),
          .money(Money(fen: -5_678)), .integer(0), .percent(basisPoints: 10_000),
        ],
        [
          .text("202421000876"), .text("Café 3F"), .empty, .energy(Energy(centiKWh: 0)),
          .money(Money(fen: 1_234_567_890)), .integer(123_456_789), .percent(basisPoints: -50),
        ],
      ],
      totals: [
        .text("合计"), .text("3 户"), .empty, .energy(Energy(centiKWh: 123_461)),
        .money(Money(fen: 1_234_685_662)), .integer(123_456_796), .empty,
      ],
      chart: chart, timeZone: shanghai, sheetName: "抄表导出")
  }

  /// Asia/Shanghai.
  static let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

  /// `date` as "yyyy-MM-dd HH:mm:ss" in `zone`, computed independently of the writers.
  static func localText(_ date: Date, _ zone: TimeZone) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: date)
  }

  /// Runs the reader in `mode` ("xlsx" or "csv") on `path` and returns its JSON object.
  static func read(_ mode: String, _ path: String) throws -> [String: Any] {
    let script = RepoPaths.root.appendingPathComponent("Tests/Peers/spreadsheet_reader.py").path
    let result = try CommandRunner.run("/usr/bin/env", ["python3", script, mode, path])
    guard result.status == 0,
      let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    else {
      throw ReaderError(message: "reader exited \(result.status): \(result.stdout) \(result.stderr)")
    }
    return object
  }

  /// The reader failed.
  struct ReaderError: Error, CustomStringConvertible {
    /// Its exit status and output.
    var message: String
    /// The message.
    var description: String { message }
  }
}

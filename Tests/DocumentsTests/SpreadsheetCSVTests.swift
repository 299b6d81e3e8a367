import Documents
import Domain
import Foundation
import TestSupport
import Testing

/// CSVWriter's files read back with Python's csv module (Tests/Peers/spreadsheet_reader.py).
@Suite struct SpreadsheetCSVTests {
  @Test func bomQuotingAndPlainDecimalsReadBack() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("抄表导出.csv")
    let table = SpreadsheetFixtures.table(
      chart: SpreadsheetChart(title: "x", categoryColumn: 0, valueColumn: 4))
    try CSVWriter.write(table, to: path)
    let json = try SpreadsheetFixtures.read("csv", path)
    #expect(json["bom"] as? Bool == true)
    #expect(json["crlf"] as? Bool == true)
    let rows = json["rows"] as? [[String]] ?? []
    let read = SpreadsheetFixtures.readAt
    let zone = SpreadsheetFixtures.shanghai
    let expected: [[String]] = [
      ["表号", "商户", "抄表时间", "用电量(kWh)", "金额(元)", "购电次数", "占比"],
      [
        "202421000874", "上海星河物业管理有限公司", SpreadsheetFixtures.localText(read, zone), "1234.56",
        "1234.50", "7", "12.34%",
      ],
      [
        "202421000875", "B1-消控室, \"一号\"\n备用", SpreadsheetFixtures.localText(read + 86_461, zone),
        "0.05", "-56.78", "0", "100.00%",
      ],
      ["202421000876", "Café 3F", "", "0.00", "12345678.90", "123456789", "-0.50%"],
      ["合计", "3 户", "", "1234.61", "12346856.62", "123456796", ""],
    ]
    #expect(rows == expected)
    #expect(SpreadsheetFixtures.localText(read, zone) == "2025-03-14 09:26:53")
  }

  @Test func bytesStartWithTheBOMAndQuoteOnlyWhenNeeded() throws {
    let data = try CSVWriter.data(SpreadsheetFixtures.table())
    #expect(Array(data.prefix(3)) == CSVWriter.byteOrderMark)
    let text = String(decoding: data.dropFirst(3), as: UTF8.self)
    #expect(text.hasPrefix("表号,商户,抄表时间,"))
    #expect(text.contains(",\"B1-消控室, \"\"一号\"\"\n备用\","))
    #expect(text.hasSuffix("合计,3 户,,1234.61,12346856.62,123456796,\r\n"))
  }

  @Test func invalidTableIsRefusedNamingThePath() throws {
    var table = SpreadsheetFixtures.table()
    table.totals = [.text("合计")]
    let error = try #require(throws: SpreadsheetError.self) { try CSVWriter.write(table, to: "/tmp/x.csv") }
    #expect(error.path == "/tmp/x.csv" && error.message.contains("totals row has 1 cells for 7 columns"))
  }
}

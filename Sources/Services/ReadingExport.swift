import Documents
import Domain
import Foundation
import Store

/// Reading export (抄表导出) and batch results as spreadsheet tables, in the site's time zone.
public enum ReadingExport {
  /// The chosen meters' current state: one row each, and a totals row.
  public static func table(meters numbers: [String], database: AppDatabase) throws -> SpreadsheetTable {
    let settings = try database.siteSettings()
    let zone = TimeZone(identifier: settings?.timeZone ?? "") ?? .current
    let wanted = Set(numbers)
    let summaries = try MeterQueryService(database: database).meters().filter { wanted.contains($0.meter) }
    let drift = try database.meterStates().mapValues { $0.settingsDrift }
    let columns = [
      SpreadsheetColumn("表号", .text), SpreadsheetColumn("楼栋", .text), SpreadsheetColumn("楼层", .text),
      SpreadsheetColumn("商铺", .text), SpreadsheetColumn("户号", .text), SpreadsheetColumn("租户", .text),
      SpreadsheetColumn("状态", .text), SpreadsheetColumn("剩余金额(元)", .money),
      SpreadsheetColumn("总电量(kWh)", .energy), SpreadsheetColumn("购电次数", .integer),
      SpreadsheetColumn("功率(W)", .integer), SpreadsheetColumn("抄表时间", .dateTime),
      SpreadsheetColumn("设置偏差", .text),
    ]
    var remaining: Int64 = 0
    var energy: Int64 = 0
    let rows = summaries.map { meter -> [SpreadsheetCell] in
      remaining += meter.remaining?.fen ?? 0
      energy += meter.energy?.centiKWh ?? 0
      return [
        .text(meter.meter), .text(meter.building), .text(meter.floor), .text(meter.shop),
        .text(meter.account ?? ""), .text(meter.tenant ?? ""), .text(meter.status.chineseName),
        meter.remaining.map { .money($0) } ?? .empty, meter.energy.map { .energy($0) } ?? .empty,
        meter.purchaseCount.map { .integer($0) } ?? .empty, meter.powerW.map { .integer($0) } ?? .empty,
        meter.readAt.map { .dateTime($0) } ?? .empty, .text((drift[meter.meter] ?? nil) ?? ""),
      ]
    }
    let totals: [SpreadsheetCell] =
      [.text("合计 \(rows.count)")] + Array(repeating: .empty, count: 6)
      + [.money(Money(fen: remaining)), .energy(Energy(centiKWh: energy))]
      + Array(repeating: .empty, count: 4)
    return SpreadsheetTable(
      title: "\(settings?.name ?? "") 抄表导出", columns: columns, rows: rows, totals: totals, chart: nil,
      timeZone: zone, sheetName: "抄表导出")
  }

  /// A batch job's per-meter results.
  public static func results(job: BatchJobRecord, items: [BatchItemRecord], database: AppDatabase) throws
    -> SpreadsheetTable
  {
    let zone = TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
    let names: [BatchItemRecord.State: String] = [.queued: "排队", .done: "完成", .failed: "失败", .skipped: "跳过"]
    let rows = items.map { item -> [SpreadsheetCell] in
      [
        .text(item.meter), .text(item.bus), .text(names[item.state] ?? item.state.rawValue),
        .text(item.reason ?? ""),
        .dateTime(item.updatedAt),
      ]
    }
    return SpreadsheetTable(
      title: "批量操作 \(job.id ?? 0) \(job.operation.chineseName) \(job.target)",
      columns: [
        SpreadsheetColumn("表号", .text), SpreadsheetColumn("总线", .text), SpreadsheetColumn("结果", .text),
        SpreadsheetColumn("原因", .text), SpreadsheetColumn("时间", .dateTime),
      ], rows: rows, totals: nil, chart: nil, timeZone: zone, sheetName: "批量结果")
  }

  /// Writes `table` as .xlsx or .csv, by the path's extension.
  public static func write(_ table: SpreadsheetTable, to path: String) throws {
    if path.lowercased().hasSuffix(".csv") {
      try CSVWriter.write(table, to: path)
    } else {
      try XLSXWriter.write(table, to: path)
    }
  }
}

import Documents
import Foundation
import MeterCrypto
import Store

/// The operation log (操作日志) for the log viewer and `meterdesk audit`: entries by operator, action
/// and date, and whether the HMAC chain over them holds.
public struct AuditService: Sendable {
  let database: AppDatabase
  let keyFile: String?

  /// Creates the service; `keyFile` is the site master key file when it is not the database path +
  /// `.key` (the database already signs with that key file's audit key).
  public init(database: AppDatabase, keyFile: String? = nil) {
    self.database = database
    self.keyFile = keyFile
    if let keyFile { database.useAuditKeyFile(keyFile) }
  }

  /// Entries matching `filter`, newest first, each with whether it carries a signature.
  public func entries(_ filter: AuditFilter = AuditFilter()) throws -> [AuditEntry] {
    try database.auditEntries(filter)
  }

  /// Checks the chain; throws ``AuditChainError/noKey(_:)`` when this process has no site key.
  public func verify() throws -> AuditVerification {
    do {
      return try database.verifyAuditChain()
    } catch AuditChainError.noKey {
      throw AuditChainError.noKey(keyFile)
    }
  }

  /// The entries as a spreadsheet table (操作日志) for .csv and .xlsx export: id, time, operator,
  /// action, target, detail and whether the entry is signed.
  public static func table(_ entries: [AuditEntry], siteName: String, timeZone: TimeZone) -> SpreadsheetTable
  {
    SpreadsheetTable(
      title: "\(siteName) 操作日志", columns: columns,
      rows: entries.map { entry in
        let record = entry.record
        return [
          .integer(record.id ?? 0), .dateTime(record.at), .text(record.operator), .text(record.action),
          .text(record.target), .text(record.detail), .text(entry.signed ? "是" : "否"),
        ]
      }, timeZone: timeZone, sheetName: "操作日志")
  }

  /// The export's columns.
  static let columns = [
    SpreadsheetColumn("序号", .integer), SpreadsheetColumn("时间", .dateTime),
    SpreadsheetColumn("操作员", .text), SpreadsheetColumn("操作", .text), SpreadsheetColumn("对象", .text),
    SpreadsheetColumn("详情", .text), SpreadsheetColumn("已签名", .text),
  ]
}

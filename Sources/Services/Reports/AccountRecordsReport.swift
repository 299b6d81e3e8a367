import Documents
import Domain
import Foundation
import Store

/// What an account records report (开户/销户/换表/售电记录) covers: a range of local days and filters.
public struct AccountRecordsQuery: Sendable, Hashable {
  /// The first day, inclusive.
  public var from: ReportDay
  /// The last day, inclusive.
  public var to: ReportDay
  /// Which events count (operator, building, bus, meter, account).
  public var filter: ReportFilter

  /// Creates a query.
  public init(from: ReportDay, to: ReportDay, filter: ReportFilter = ReportFilter()) {
    self.from = from
    self.to = to
    self.filter = filter
  }
}

/// What happened to an account: an audit line (opening, closing, meter changes) or a ledger entry.
public enum AccountEventKind: String, Sendable, Hashable, CaseIterable {
  /// The account was opened (开户).
  case open
  /// The account was closed (销户); its settlements follow as `closingSettlement` rows.
  case close
  /// A meter was replaced (换表); its settlement and transfer follow as ledger rows.
  case replace
  /// A meter was added to the account (加表).
  case addMeter = "add_meter"
  /// A meter was taken off the account (撤表).
  case removeMeter = "remove_meter"
  /// A sale (售电).
  case sale
  /// A refund (退电).
  case refund
  /// A reversal (冲正).
  case reversal
  /// A balance carried over from a replaced meter (老表转入).
  case transferIn = "transfer_in"
  /// The balance paid out when the account was closed (销户结算).
  case closingSettlement = "closing_settlement"
  /// The balance taken off a replaced meter (换表结算).
  case replacementSettlement = "replacement_settlement"

  /// The Chinese name.
  public var chineseName: String {
    switch self {
    case .open: "开户"
    case .close: "销户"
    case .replace: "换表"
    case .addMeter: "加表"
    case .removeMeter: "撤表"
    case .sale: "售电"
    case .refund: "退电"
    case .reversal: "冲正"
    case .transferIn: "老表转入"
    case .closingSettlement: "销户结算"
    case .replacementSettlement: "换表结算"
    }
  }

  /// True for the kinds that are ledger entries (they carry an amount and a bill).
  public var isLedger: Bool {
    switch self {
    case .open, .close, .replace, .addMeter, .removeMeter: false
    default: true
    }
  }
}

/// One event of an account.
public struct AccountRecordRow: Sendable, Hashable {
  /// When it happened.
  public var at: Date
  /// The account.
  public var account: String
  /// The account's tenant.
  public var tenant: String
  /// What happened.
  public var kind: AccountEventKind
  /// The meters concerned (a replacement names the old meter, then the new one).
  public var meters: [String]
  /// The signed ledger amount (ledger rows only).
  public var amount: Money?
  /// How a sale was paid.
  public var payMethod: PayMethod?
  /// Who did it.
  public var `operator`: String
  /// The bill number (ledger rows only).
  public var bill: Int64?
  /// The audit detail or the ledger remark.
  public var detail: String

  /// Creates a row.
  public init(
    at: Date, account: String, tenant: String, kind: AccountEventKind, meters: [String], amount: Money?,
    payMethod: PayMethod?, operator: String, bill: Int64?, detail: String
  ) {
    self.at = at
    self.account = account
    self.tenant = tenant
    self.kind = kind
    self.meters = meters
    self.amount = amount
    self.payMethod = payMethod
    self.operator = `operator`
    self.bill = bill
    self.detail = detail
  }

  /// The meters as one cell: "M" or, for a replacement, "OLD → NEW".
  public var meterText: String {
    meters.joined(separator: kind == .replace ? " → " : " ")
  }
}

/// Count and amount of one event kind.
public struct AccountEventTotal: Sendable, Hashable {
  /// Events of the kind.
  public var count: Int = 0
  /// Sum of their signed amounts (zero for audit kinds).
  public var amount: Money = .zero

  /// Empty totals.
  public init() {}
}

/// An account records report: rows by time and the totals per event kind.
public struct AccountRecordsReport: Sendable, Hashable {
  /// What was asked.
  public var query: AccountRecordsQuery
  /// The site's time zone.
  public var timeZone: TimeZone
  /// Rows by time; at one instant audit lines come before the ledger entries they made.
  public var rows: [AccountRecordRow]
  /// Totals per kind; every kind is present.
  public var totals: [AccountEventKind: AccountEventTotal]
}

/// Builds account records (开户/销户/换表/售电记录) from the audit log and the ledger.
public struct AccountRecordsService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// Runs `query`.
  public func report(_ query: AccountRecordsQuery) throws -> AccountRecordsReport {
    let zone = try ReportCentre(database: database).timeZone()
    let start = query.from.start(in: zone)
    let end = query.to.end(in: zone)
    let filter = query.filter
    let audits = try database.reportAccountAudits(from: start, to: end, account: filter.account)
    let entries = try database.reportAccountEntries(
      from: start, to: end,
      where: LedgerScope(
        operator: filter.operator, building: filter.building, bus: filter.bus, account: filter.account))
    let meters = Dictionary(
      try database.meters().map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    let rows = Self.rows(audits: audits, entries: entries).filter { row in
      if let name = filter.operator, row.operator != name { return false }
      if let meter = filter.meter, !row.meters.contains(meter) { return false }
      if filter.building != nil || filter.bus != nil {
        return row.meters.contains { number in
          guard let record = meters[number] else { return false }
          return (filter.building.map { $0 == record.building } ?? true)
            && (filter.bus.map { $0 == record.bus } ?? true)
        }
      }
      return true
    }
    return Self.report(query: query, zone: zone, rows: rows)
  }

  /// The report of `rows`, with its totals per kind. Pure.
  public static func report(query: AccountRecordsQuery, zone: TimeZone, rows: [AccountRecordRow])
    -> AccountRecordsReport
  {
    var totals = Dictionary(uniqueKeysWithValues: AccountEventKind.allCases.map { ($0, AccountEventTotal()) })
    for row in rows {
      totals[row.kind, default: AccountEventTotal()].count += 1
      totals[row.kind, default: AccountEventTotal()].amount += row.amount ?? .zero
    }
    return AccountRecordsReport(query: query, timeZone: zone, rows: rows, totals: totals)
  }

  /// Audit lines and ledger entries as rows, by time (audit lines first at one instant, then bills in
  /// order). Pure, for tests.
  public static func rows(audits: [ReportAccountAudit], entries: [ReportAccountEntry]) -> [AccountRecordRow] {
    var rows: [(row: AccountRecordRow, order: Int)] = []
    for (index, audit) in audits.enumerated() {
      guard let (kind, meters) = Self.parse(audit) else { continue }
      rows.append(
        (
          AccountRecordRow(
            at: audit.at, account: audit.account, tenant: audit.tenant, kind: kind, meters: meters,
            amount: nil,
            payMethod: nil, operator: audit.operator, bill: nil, detail: audit.detail), index
        ))
    }
    for entry in entries {
      let kind: AccountEventKind
      switch entry.kind {
      case .sale: kind = .sale
      case .refund: kind = .refund
      case .reversal: kind = .reversal
      case .transferIn: kind = .transferIn
      case .closingSettlement:
        kind = entry.remark.hasPrefix("meter replaced by") ? .replacementSettlement : .closingSettlement
      }
      rows.append(
        (
          AccountRecordRow(
            at: entry.createdAt, account: entry.account, tenant: entry.tenant, kind: kind,
            meters: [entry.meter],
            amount: Money(fen: entry.amountFen), payMethod: entry.payMethod, operator: entry.operator,
            bill: entry.bill, detail: entry.remark), audits.count + Int(clamping: entry.bill)
        ))
    }
    return rows.sorted { ($0.row.at, $0.order) < ($1.row.at, $1.order) }.map(\.row)
  }

  /// The kind and meters of an `account.*` audit line, from the words the account services write.
  static func parse(_ audit: ReportAccountAudit) -> (AccountEventKind, [String])? {
    let detail = audit.detail
    func words(_ text: Substring) -> [String] { text.split(separator: " ").map(String.init) }
    switch audit.action {
    case "account.open":
      // "<tenant>, <shop>, meters M1 M2"
      guard let range = detail.range(of: ", meters ", options: .backwards) else { return (.open, []) }
      return (.open, words(detail[range.upperBound...]))
    case "account.close":
      // "closed; settled bill 12 ¥1.00 off M1, bill 13 … off M2" or "closed; settled nothing"
      var meters: [String] = []
      var rest = detail[...]
      while let range = rest.range(of: " off ") {
        let tail = rest[range.upperBound...]
        let meter = tail.prefix { $0 != "," && $0 != " " }
        if !meter.isEmpty { meters.append(String(meter)) }
        rest = tail
      }
      return (.close, meters)
    case "account.replace-meter":
      // "meter OLD replaced by NEW; carried …"
      guard detail.hasPrefix("meter "), let by = detail.range(of: " replaced by ") else {
        return (.replace, [])
      }
      let old = detail[detail.index(detail.startIndex, offsetBy: 6)..<by.lowerBound]
      let new = detail[by.upperBound...].prefix { $0 != ";" && $0 != " " }
      return (.replace, [String(old), String(new)])
    case "account.add-meter", "account.remove-meter":
      // "meter M added" / "meter M removed"
      let parts = words(detail[...])
      let meters = parts.count >= 2 && parts[0] == "meter" ? [parts[1]] : []
      return (audit.action == "account.add-meter" ? .addMeter : .removeMeter, meters)
    default:
      return nil
    }
  }

  /// The totals per kind as one line: "开户 1 · 售电 2 笔 300.00" (kinds with no rows left out).
  public static func totalsText(_ totals: [AccountEventKind: AccountEventTotal]) -> String {
    AccountEventKind.allCases.compactMap { kind in
      guard let total = totals[kind], total.count > 0 else { return nil }
      return kind.isLedger
        ? "\(kind.chineseName) \(total.count) 笔 \(total.amount.decimalString)"
        : "\(kind.chineseName) \(total.count)"
    }
    .joined(separator: " · ")
  }

  /// The report as a spreadsheet: 时间 · 户号 · 租户 · 类型 · 表号 · 金额 · 支付方式 · 操作员 · 票据号 · 说明, and a
  /// totals row with the count (and amount) per event kind.
  public static func table(_ report: AccountRecordsReport, siteName: String) -> SpreadsheetTable {
    let columns = [
      SpreadsheetColumn("时间", .dateTime), SpreadsheetColumn("户号", .text), SpreadsheetColumn("租户", .text),
      SpreadsheetColumn("类型", .text), SpreadsheetColumn("表号", .text), SpreadsheetColumn("金额", .money),
      SpreadsheetColumn("支付方式", .text), SpreadsheetColumn("操作员", .text), SpreadsheetColumn("票据号", .integer),
      SpreadsheetColumn("说明", .text),
    ]
    let rows = report.rows.map { row -> [SpreadsheetCell] in
      [
        .dateTime(row.at), .text(row.account), .text(row.tenant), .text(row.kind.chineseName),
        .text(row.meterText),
        row.amount.map { .money($0) } ?? .empty, .text(row.payMethod?.chineseName ?? ""), .text(row.operator),
        row.bill.map { .integer($0) } ?? .empty, .text(row.detail),
      ]
    }
    let totals: [SpreadsheetCell] = [
      .text("合计 \(report.rows.count)"), .empty, .empty, .text(totalsText(report.totals)), .empty, .empty,
      .empty,
      .empty, .empty, .empty,
    ]
    let range = "\(report.query.from) 至 \(report.query.to)"
    return SpreadsheetTable(
      title: "\(siteName) 账户记录 \(range)".trimmingCharacters(in: .whitespaces), columns: columns, rows: rows,
      totals: totals, timeZone: report.timeZone, sheetName: "账户记录")
  }
}

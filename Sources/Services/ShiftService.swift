import Domain
import Foundation
import Store

/// A cashier's open shift (交班预览): the bills since it began, by payment method, and the cash the drawer
/// should hold.
///
/// The cash rule: cash expected = cash sales − cash paid back for reversals of cash sales − refunds.
/// A reversal (冲正) pays back the way the sale it cancels was paid, so only reversals of cash sales
/// (or of sales whose payment method is unknown) take cash out of the drawer, whoever sold them and in
/// whichever shift. A refund (退电) records no payment method and is tied to no sale: the desk pays it
/// out in cash, so every refund takes cash out. Transfers in and closing settlements are not desk money
/// and do not count.
public struct ShiftSummary: Sendable, Hashable {
  /// The cashier.
  public var `operator`: String
  /// When the shift began: the first successful log-in after the previous hand-over (or the first ever),
  /// or the shift's first entry when that came earlier (the cashier stayed logged in across the
  /// hand-over); the previous hand-over, or the end, when there is neither.
  public var startedAt: Date
  /// The end of the summary: now for a preview, the hand-over for a closed shift.
  public var endedAt: Date
  /// The previous hand-over's close, nil when the cashier never handed over.
  public var previousClose: Date?
  /// The shift's first entry's bill, nil when the shift holds none.
  public var firstBill: Int64?
  /// The shift's last entry's bill, nil when the shift holds none.
  public var lastBill: Int64?
  /// Number of ledger entries of every kind (sales, reversals and refunds).
  public var entries: Int
  /// Sales, reversals, refunds, net, number of sale bills and sales per payment method.
  public var figures: SalesFigures
  /// Cash paid back for reversals of cash sales, positive.
  public var cashReversals: Money
  /// Cash paid out for refunds, positive.
  public var cashRefunds: Money

  /// Sales paid in cash.
  public var cashSales: Money { figures.byPay[.cash] ?? .zero }
  /// Cash the drawer should hold: cash sales − cash reversals − cash refunds.
  public var cashExpected: Money { cashSales - cashReversals - cashRefunds }
  /// Cash taken out of the drawer for reversals and refunds.
  public var cashPaidOut: Money { cashReversals + cashRefunds }
  /// True when the shift holds no entry at all.
  public var isEmpty: Bool { entries == 0 }

  /// Sums a shift from what the store read as of `end`; pure, for tests.
  public init(operator name: String, ledger: ShiftLedger, at end: Date) {
    self.operator = name
    endedAt = end
    previousClose = ledger.previous?.closedAt
    firstBill = ledger.entries.first?.bill
    lastBill = ledger.entries.last?.bill
    entries = ledger.entries.count
    figures = SalesFigures()
    cashReversals = .zero
    cashRefunds = .zero
    for entry in ledger.entries {
      figures.add(
        ReportLedgerRow(
          kind: entry.kind, amountFen: entry.amountFen, payMethod: entry.payMethod, operator: name,
          createdAt: entry.createdAt, building: ""))
      switch entry.kind {
      case .reversal where (entry.reversedPayMethod ?? .cash) == .cash:
        cashReversals += Money(fen: -entry.amountFen)
      case .refund: cashRefunds += Money(fen: -entry.amountFen)
      default: break
      }
    }
    let begins = [ledger.firstLogIn, ledger.entries.first?.createdAt].compactMap { $0 }
    startedAt = begins.min() ?? ledger.previous?.closedAt ?? end
  }

  /// The hand-over of this shift with `counted` cash in the drawer.
  public func handover(counted: Money, remark: String) -> ShiftHandoverRecord {
    ShiftHandoverRecord(
      operator: self.operator, startedAt: startedAt, closedAt: endedAt, firstBill: firstBill,
      lastBill: lastBill,
      bills: figures.bills, salesFen: figures.sales.fen, reversalsFen: figures.reversals.fen,
      refundsFen: figures.refunds.fen, cashExpectedFen: cashExpected.fen, cashCountedFen: counted.fen,
      byPay: ShiftService.encode(figures.byPay), remark: remark)
  }
}

/// Why a shift could not be closed.
public enum ShiftError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No operator has this name.
  case unknownOperator(String)
  /// The counted cash is below zero.
  case negativeCount(Money)
  /// The counted cash is more than the ledger can hold in one amount.
  case countTooLarge(Money)

  /// The operator's message.
  public var description: String {
    switch self {
    case .unknownOperator(let name): "no operator \(name)"
    case .negativeCount(let money): "the counted cash \(money) is below zero"
    case .countTooLarge(let money): "the counted cash \(money) is too large"
    }
  }
}

/// Shift hand-over (交班): a cashier's bills since the shift began, the cash expected in the drawer, the
/// cash counted, and the difference (长款 over / 短款 short), recorded append-only and audited.
public struct ShiftService: Sendable {
  let database: AppDatabase

  /// The permission that lets an operator see every cashier's hand-overs (supervisors and admins);
  /// without it an operator sees only their own.
  public static let reviewPermission = Permission.viewAuditLog

  /// The audit action of a hand-over.
  public static let auditAction = "shift.close"

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// The open shift of `name` as of `now`: what a hand-over at `now` would record.
  public func preview(operator name: String, at now: Date) throws -> ShiftSummary {
    ShiftSummary(operator: name, ledger: try database.shiftLedger(operator: name, through: now), at: now)
  }

  /// Hands over the open shift of `name` at `now` with `counted` cash in the drawer: the hand-over and an
  /// audit line `shift.close` (expected, counted, difference) in one transaction. A shift with no bills
  /// may be closed too (`bills` is then 0; the caller says so).
  public func close(operator name: String, counted: Money, remark: String = "", at now: Date) throws
    -> ShiftHandoverRecord
  {
    guard !counted.isNegative else { throw ShiftError.negativeCount(counted) }
    guard counted.fen <= Int64(Int32.max) * 100 else { throw ShiftError.countTooLarge(counted) }
    guard try database.operator(named: name) != nil else { throw ShiftError.unknownOperator(name) }
    let note = String(remark.map { $0.isNewline || $0 == "\t" ? " " : $0 })
      .trimmingCharacters(in: .whitespaces)
    return try database.closeShift(operator: name, through: now) { ledger in
      let summary = ShiftSummary(operator: name, ledger: ledger, at: now)
      let record = summary.handover(counted: counted, remark: note)
      let difference = Money(fen: record.differenceFen)
      var detail =
        "bills \(record.bills), cash expected \(summary.cashExpected), counted \(counted), "
        + "difference \(difference)"
      if summary.isEmpty { detail += ", no bills in this shift" }
      let audit = AuditRecord(
        at: now, operator: name, action: Self.auditAction, target: name, detail: detail)
      return (record, audit)
    }
  }

  /// Hand-overs closed on the local days `from` through `to` (site time zone), of `name` only when given,
  /// oldest first: the supervisor's review (see `reviewPermission`).
  public func handovers(from: ReportDay, to: ReportDay, operator name: String? = nil) throws
    -> [ShiftHandoverRecord]
  {
    let zone = try timeZone()
    return try database.shiftHandovers(from: from.start(in: zone), to: to.end(in: zone), operator: name)
  }

  /// The operator whose hand-overs `session` may see: nil (everyone's) with `reviewPermission`, else
  /// the session's own name.
  public static func visibleOperator(for session: Session) -> String? {
    session.allows(reviewPermission) ? nil : session.name
  }

  /// The site's time zone (the process's own when the site names none or an unknown one).
  public func timeZone() throws -> TimeZone {
    TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
  }

  /// The hand-over slip (交班单) of `record` with the site's name and time zone.
  public func printout(_ record: ShiftHandoverRecord) throws -> [String] {
    Self.printout(record, siteName: try database.siteSettings()?.name ?? "", timeZone: try timeZone())
  }

  /// Sales per payment method as the hand-over stores them: JSON `{"alipay": fen, "card": fen, …}`, every
  /// method present, keys sorted.
  public static func encode(_ byPay: [PayMethod: Money]) -> String {
    let fields = PayMethod.allCases.map(\.rawValue).sorted().map { key in
      "\"\(key)\":\(PayMethod(rawValue: key).flatMap { byPay[$0]?.fen } ?? 0)"
    }
    return "{" + fields.joined(separator: ",") + "}"
  }

  /// Sales per payment method of a hand-over (every method present; unreadable JSON reads as zeros).
  public static func payments(_ record: ShiftHandoverRecord) -> [PayMethod: Money] {
    var result = Dictionary(uniqueKeysWithValues: PayMethod.allCases.map { ($0, Money.zero) })
    let object = try? JSONSerialization.jsonObject(with: Data(record.byPay.utf8)) as? [String: Any]
    for (key, value) in object ?? [:] {
      guard let method = PayMethod(rawValue: key), let number = value as? NSNumber else { continue }
      result[method] = Money(fen: number.int64Value)
    }
    return result
  }

  /// 长款 (over) when the counted cash is more than expected, 短款 (short) when less, 无差额 when equal.
  public static func differenceLabel(_ differenceFen: Int64) -> String {
    differenceFen > 0 ? "长款" : differenceFen < 0 ? "短款" : "无差额"
  }

  /// The slip's width in display cells: it fits 58 mm receipt paper.
  public static let slipWidth = 32

  /// The hand-over slip (交班单), lines at most `slipWidth` cells: the cashier, start and end, bills,
  /// sales per payment method, reversals and refunds, cash expected, counted and the difference
  /// (长款 / 短款), the remark and the signature lines.
  public static func printout(_ record: ShiftHandoverRecord, siteName: String, timeZone: TimeZone)
    -> [String]
  {
    let rule = String(repeating: "-", count: slipWidth)
    func pair(_ label: String, _ value: String) -> String {
      label + String(repeating: " ", count: max(1, slipWidth - cells(label) - cells(value))) + value
    }
    func centred(_ text: String) -> String {
      String(repeating: " ", count: max(0, (slipWidth - cells(text)) / 2)) + text
    }
    let pay = payments(record)
    let cashSales = pay[.cash] ?? .zero
    let paidOut = cashSales - Money(fen: record.cashExpectedFen)
    var bills = "\(record.bills)"
    if let first = record.firstBill, let last = record.lastBill {
      bills += " (\(BillNumber(first))-\(BillNumber(last)))"
    }
    var lines: [String] = []
    if !siteName.isEmpty { lines.append(centred(siteName)) }
    lines += [
      centred("交班单 SHIFT HAND-OVER"), rule,
      pair("收银员", record.operator),
      pair("开始", localText(record.startedAt, in: timeZone)),
      pair("结束", localText(record.closedAt, in: timeZone)),
      pair("笔数", bills), rule,
      pair("售电金额", Money(fen: record.salesFen).grouped),
    ]
    lines += PayMethod.allCases.map { pair("  " + $0.chineseName, (pay[$0] ?? .zero).grouped) }
    lines += [
      pair("冲正金额", Money(fen: record.reversalsFen).grouped),
      pair("退电金额", Money(fen: record.refundsFen).grouped),
      pair("财务收入", Money(fen: record.salesFen - record.reversalsFen - record.refundsFen).grouped), rule,
      pair("现金售电", cashSales.grouped),
      pair("现金付出(冲正/退电)", (-paidOut).grouped),
      pair("应收现金", Money(fen: record.cashExpectedFen).grouped),
      pair("实收现金", Money(fen: record.cashCountedFen).grouped),
      pair("差额 " + differenceLabel(record.differenceFen), Money(fen: record.differenceFen).grouped),
    ]
    if record.bills == 0 && record.reversalsFen == 0 && record.refundsFen == 0 {
      lines.append("本班无票据 (no bills this shift)")
    }
    if !record.remark.isEmpty { lines.append("备注: " + record.remark) }
    lines += [
      rule, "", "交班人签字: ____________", "", "接班人签字: ____________", "", "主管签字:   ____________",
      "", "交班号 \(record.id ?? 0)",
    ]
    return lines
  }

  /// "yyyy-MM-dd HH:mm:ss" of `date` in `zone`.
  public static func localText(_ date: Date, in zone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(
      format: "%04d-%02d-%02d %02d:%02d:%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0,
      p.minute ?? 0, p.second ?? 0)
  }

  /// Display cells of `text`: East Asian wide characters count two.
  static func cells(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { sum, scalar in
      let v = scalar.value
      let wide =
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
      return sum + (wide ? 2 : 1)
    }
  }
}

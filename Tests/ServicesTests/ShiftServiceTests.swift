import Domain
import Foundation
import Services
import Store
import Testing

@Suite("Shift hand-over: the cash rule and closing")
struct ShiftServiceTests {
  let t0 = Date(timeIntervalSince1970: 1_790_000_000)

  func entry(
    _ bill: Int64, _ kind: LedgerKind, _ fen: Int64, pay: PayMethod? = nil, reversed: PayMethod? = nil,
    minutes: Double
  ) -> ShiftLedgerEntry {
    ShiftLedgerEntry(
      bill: bill, kind: kind, amountFen: fen, payMethod: pay, reversedPayMethod: reversed,
      createdAt: t0.addingTimeInterval(minutes * 60))
  }

  @Test(
    "cash expected: cash sales − reversals of cash (or unknown) sales − every refund; others pay back their own way"
  )
  func cashRule() {
    let ledger = ShiftLedger(
      previous: nil, firstLogIn: t0.addingTimeInterval(60),
      entries: [
        entry(1, .sale, 10_000, pay: .cash, minutes: 2),
        entry(2, .sale, 5_000, pay: .wechat, minutes: 3),
        entry(3, .sale, 2_000, pay: .card, minutes: 4),
        entry(4, .reversal, -5_000, reversed: .wechat, minutes: 5),
        entry(5, .reversal, -1_000, reversed: .cash, minutes: 6),
        entry(6, .reversal, -300, reversed: nil, minutes: 7),
        entry(7, .refund, -500, minutes: 8),
      ])
    let summary = ShiftSummary(operator: "li", ledger: ledger, at: t0.addingTimeInterval(600))
    #expect(summary.figures.bills == 3)
    #expect(summary.figures.sales == Money(fen: 17_000))
    #expect(summary.figures.reversals == Money(fen: 6_300))
    #expect(summary.figures.refunds == Money(fen: 500))
    #expect(summary.cashSales == Money(fen: 10_000))
    #expect(summary.cashReversals == Money(fen: 1_300))
    #expect(summary.cashRefunds == Money(fen: 500))
    #expect(summary.cashExpected == Money(fen: 8_200))
    #expect(summary.firstBill == 1 && summary.lastBill == 7 && summary.entries == 7)
    #expect(summary.startedAt == t0.addingTimeInterval(60), "the log-in begins the shift")
    let record = summary.handover(counted: Money(fen: 8_000), remark: "")
    #expect(record.differenceFen == -200)
    #expect(ShiftService.payments(record)[.card] == Money(fen: 2_000))
    #expect(ShiftService.differenceLabel(record.differenceFen) == "短款")
    #expect(ShiftService.differenceLabel(1) == "长款" && ShiftService.differenceLabel(0) == "无差额")
  }

  @Test(
    "a shift whose first bill precedes its first log-in began at that bill; with neither, at the previous hand-over"
  )
  func start() {
    let previous = ShiftHandoverRecord(
      operator: "li", startedAt: t0, closedAt: t0.addingTimeInterval(60), firstBill: nil, lastBill: nil,
      bills: 0, salesFen: 0, reversalsFen: 0, refundsFen: 0, cashExpectedFen: 0, cashCountedFen: 0,
      byPay: "{}")
    let stayed = ShiftLedger(
      previous: previous, firstLogIn: t0.addingTimeInterval(600),
      entries: [entry(9, .sale, 100, pay: .cash, minutes: 5)])
    #expect(
      ShiftSummary(operator: "li", ledger: stayed, at: t0.addingTimeInterval(900)).startedAt
        == t0.addingTimeInterval(300))
    let idle = ShiftLedger(previous: previous, firstLogIn: nil, entries: [])
    let summary = ShiftSummary(operator: "li", ledger: idle, at: t0.addingTimeInterval(900))
    #expect(summary.startedAt == previous.closedAt && summary.isEmpty && summary.cashExpected == .zero)
  }

  @Test("closing writes the hand-over and a shift.close audit line; an empty shift closes too")
  func close() throws {
    let database = try AppDatabase.inMemory()
    try OperatorService(database: database, iterations: 1_000).add(
      name: "li", role: "cashier", password: "li-pass", by: "admin", at: t0)
    _ = try OperatorService(database: database, iterations: 1_000).logIn(
      name: "li", password: "li-pass", at: t0.addingTimeInterval(10))
    let service = ShiftService(database: database)
    #expect(
      try service.preview(operator: "li", at: t0.addingTimeInterval(20)).startedAt
        == t0.addingTimeInterval(10))
    let record = try service.close(
      operator: "li", counted: Money(fen: 1_250), remark: "多出\n零钱", at: t0.addingTimeInterval(30))
    #expect(record.id != nil && record.bills == 0 && record.differenceFen == 1_250)
    #expect(record.remark == "多出 零钱")
    let audit = try #require(try database.auditLog().first { $0.action == ShiftService.auditAction })
    #expect(audit.operator == "li" && audit.target == "li")
    #expect(audit.detail.contains("expected 0.00") && audit.detail.contains("counted 12.50"))
    #expect(audit.detail.contains("difference 12.50") && audit.detail.contains("no bills"))
    let next = try service.preview(operator: "li", at: t0.addingTimeInterval(40))
    #expect(next.startedAt == record.closedAt && next.previousClose == record.closedAt)
    #expect(throws: ShiftError.negativeCount(Money(fen: -1))) {
      try service.close(operator: "li", counted: Money(fen: -1), at: t0.addingTimeInterval(50))
    }
    #expect(throws: ShiftError.unknownOperator("nobody")) {
      try service.close(operator: "nobody", counted: .zero, at: t0.addingTimeInterval(50))
    }
    #expect(try database.shiftHandovers(from: t0, to: t0.addingTimeInterval(3_600)).count == 1)
    let slip = ShiftService.printout(
      record, siteName: "星河广场", timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current)
    #expect(slip.contains { $0.contains("长款") && $0.contains("12.50") })
    #expect(slip.contains { $0.contains("本班无票据") })
    let cells = { (line: String) in line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }
    #expect(slip.allSatisfy { cells($0) <= ShiftService.slipWidth }, "\(slip)")
  }

  @Test("a cashier sees only their own hand-overs, a supervisor everyone's")
  func visibility() throws {
    let database = try AppDatabase.inMemory()
    let operators = OperatorService(database: database, iterations: 1_000)
    try operators.add(name: "li", role: "cashier", password: "li-pass", by: "admin", at: t0)
    try operators.add(name: "wang", role: "supervisor", password: "wang-pass", by: "admin", at: t0)
    let li = try operators.logIn(name: "li", password: "li-pass", at: t0)
    let wang = try operators.logIn(name: "wang", password: "wang-pass", at: t0)
    #expect(ShiftService.visibleOperator(for: li) == "li")
    #expect(ShiftService.visibleOperator(for: wang) == nil)
  }
}

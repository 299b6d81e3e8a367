import Domain
import Testing

private func entry(
  _ bill: Int64, _ kind: LedgerKind, _ fen: Int64, meter: String = "M1", account: String = "A1",
  reverses: Int64? = nil
) -> LedgerEntry {
  LedgerEntry(
    bill: BillNumber(bill), kind: kind, meter: meter, account: account, amount: Money(fen: fen),
    reverses: reverses.map { BillNumber($0) })
}

@Suite struct LedgerTests {
  @Test func emptyLedger() {
    let ledger = Ledger()
    #expect(ledger.entries.isEmpty)
    #expect(ledger.lastBill == nil)
    #expect(ledger.balance(ofMeter: "M1") == .zero)
    #expect(ledger.balance(ofAccount: "A1") == .zero)
    #expect(ledger.netIncome == .zero)
  }

  @Test func balancesAreDerivedPerMeterAndAccount() throws {
    var ledger = Ledger()
    try ledger.append(entry(1, .sale, 10_000, meter: "M1"))
    try ledger.append(entry(2, .sale, 5_000, meter: "M2"))
    try ledger.append(entry(3, .sale, 700, meter: "M3", account: "A2"))
    try ledger.append(entry(5, .refund, -2_500, meter: "M1"))
    #expect(ledger.balance(ofMeter: "M1") == Money(fen: 7_500))
    #expect(ledger.balance(ofMeter: "M2") == Money(fen: 5_000))
    #expect(ledger.balance(ofMeter: "M3") == Money(fen: 700))
    #expect(ledger.balance(ofAccount: "A1") == Money(fen: 12_500))
    #expect(ledger.balance(ofAccount: "A2") == Money(fen: 700))
    #expect(ledger.entries.map(\.bill.value) == [1, 2, 3, 5])
    #expect(ledger.lastBill == BillNumber(5))
    #expect(ledger.entries(ofMeter: "M1").map(\.bill.value) == [1, 5])
    #expect(ledger.entry(BillNumber(2))?.meter == "M2")
    #expect(ledger.entry(BillNumber(4)) == nil)
  }

  @Test func billsMustBeNewAndIncreasing() throws {
    var ledger = Ledger()
    try ledger.append(entry(10, .sale, 100))
    try ledger.append(entry(20, .sale, 100))
    #expect(throws: LedgerError.duplicateBill) { try ledger.append(entry(10, .sale, 100)) }
    #expect(throws: LedgerError.duplicateBill) { try ledger.append(entry(20, .sale, 100)) }
    #expect(throws: LedgerError.billNotIncreasing) { try ledger.append(entry(15, .sale, 100)) }
    try ledger.append(entry(21, .sale, 100))
    #expect(ledger.entries.count == 3)
  }

  @Test(arguments: [
    (LedgerKind.sale, Int64(0)), (.sale, -1), (.transferIn, 0), (.transferIn, -100),
    (.refund, 0), (.refund, 1), (.closingSettlement, 1),
  ])
  func wrongSignIsRefused(kind: LedgerKind, fen: Int64) throws {
    var ledger = Ledger()
    try ledger.append(entry(1, .sale, 10_000))
    #expect(throws: LedgerError.wrongSign(kind)) { try ledger.append(entry(2, kind, fen)) }
  }

  @Test func reversalWithPositiveAmountIsWrongSign() throws {
    var ledger = Ledger()
    try ledger.append(entry(1, .sale, 10_000))
    #expect(throws: LedgerError.wrongSign(.reversal)) {
      try ledger.append(entry(2, .reversal, 10_000, reverses: 1))
    }
  }

  @Test func missingMeterOrAccount() {
    var ledger = Ledger()
    #expect(throws: LedgerError.missingMeter) { try ledger.append(entry(1, .sale, 100, meter: "")) }
    #expect(throws: LedgerError.missingAccount) { try ledger.append(entry(1, .sale, 100, account: "")) }
  }

  @Test func reversalCancelsSale() throws {
    var ledger = Ledger()
    try ledger.append(entry(1, .sale, 10_000))
    try ledger.append(entry(2, .sale, 3_000))
    try ledger.append(entry(3, .reversal, -10_000, reverses: 1))
    #expect(ledger.balance(ofMeter: "M1") == Money(fen: 3_000))
    #expect(ledger.reversal(of: BillNumber(1))?.bill == BillNumber(3))
    #expect(ledger.reversal(of: BillNumber(2)) == nil)
    #expect(ledger.entries.count == 3)
  }

  @Test func reversalRules() throws {
    var ledger = Ledger()
    try ledger.append(entry(1, .sale, 10_000))
    try ledger.append(entry(2, .sale, 5_000, meter: "M2"))
    try ledger.append(entry(3, .refund, -1_000))
    try ledger.append(entry(4, .transferIn, 2_000))
    #expect(throws: LedgerError.reversalWithoutTarget) { try ledger.append(entry(10, .reversal, -10_000)) }
    #expect(throws: LedgerError.reversalWithoutSale) {
      try ledger.append(entry(10, .reversal, -10_000, reverses: 99))
    }
    #expect(throws: LedgerError.reversalOfNonSale) {
      try ledger.append(entry(10, .reversal, -1_000, reverses: 3))
    }
    #expect(throws: LedgerError.reversalOfNonSale) {
      try ledger.append(entry(10, .reversal, -2_000, reverses: 4))
    }
    #expect(throws: LedgerError.reversalMeterMismatch) {
      try ledger.append(entry(10, .reversal, -5_000, reverses: 2))
    }
    #expect(throws: LedgerError.reversalAmountMismatch) {
      try ledger.append(entry(10, .reversal, -9_999, reverses: 1))
    }
    #expect(throws: LedgerError.unexpectedReverses(.refund)) {
      try ledger.append(entry(10, .refund, -100, reverses: 1))
    }
    #expect(throws: LedgerError.unexpectedReverses(.sale)) {
      try ledger.append(entry(10, .sale, 100, reverses: 1))
    }
    try ledger.append(entry(10, .reversal, -10_000, reverses: 1))
    #expect(throws: LedgerError.alreadyReversed) {
      try ledger.append(entry(11, .reversal, -10_000, reverses: 1))
    }
    #expect(ledger.entries.count == 5)
  }

  @Test func moneyOffAMeterCannotExceedItsBalance() throws {
    var ledger = Ledger()
    try ledger.append(entry(1, .sale, 5_000))
    try ledger.append(entry(2, .sale, 9_000, meter: "M2"))  // same account, other meter
    #expect(throws: LedgerError.exceedsBalance(available: Money(fen: 5_000))) {
      try ledger.append(entry(3, .refund, -5_001))
    }
    try ledger.append(entry(3, .refund, -2_000))
    // Reversing the 50.00 sale after 20.00 was refunded would take the meter below zero.
    #expect(throws: LedgerError.exceedsBalance(available: Money(fen: 3_000))) {
      try ledger.append(entry(4, .reversal, -5_000, reverses: 1))
    }
    #expect(throws: LedgerError.exceedsBalance(available: Money(fen: 3_000))) {
      try ledger.append(entry(4, .closingSettlement, -3_001))
    }
    try ledger.append(entry(4, .closingSettlement, -3_000))
    try ledger.append(entry(5, .closingSettlement, 0))
    #expect(ledger.balance(ofMeter: "M1") == .zero)
    #expect(throws: LedgerError.exceedsBalance(available: .zero)) { try ledger.append(entry(6, .refund, -1)) }
  }

  @Test func failedAppendLeavesLedgerUnchanged() throws {
    var ledger = Ledger()
    try ledger.append(entry(1, .sale, 5_000))
    #expect(throws: LedgerError.exceedsBalance(available: Money(fen: 5_000))) {
      try ledger.append(entry(2, .refund, -6_000))
    }
    #expect(ledger.entries.count == 1)
    #expect(ledger.balance(ofMeter: "M1") == Money(fen: 5_000))
    #expect(ledger.total(of: .refund) == .zero)
    try ledger.append(entry(2, .refund, -1_000))  // bill 2 is still free
    #expect(ledger.balance(ofMeter: "M1") == Money(fen: 4_000))
  }

  @Test func totalsAndNetIncome() throws {
    var ledger = Ledger()
    try ledger.append(entry(1, .sale, 10_000))
    try ledger.append(entry(2, .sale, 5_000))
    try ledger.append(entry(3, .transferIn, 3_000))
    try ledger.append(entry(4, .refund, -2_000))
    try ledger.append(entry(5, .reversal, -5_000, reverses: 2))
    try ledger.append(entry(6, .closingSettlement, -6_000))
    #expect(ledger.total(of: .sale) == Money(fen: 15_000))
    #expect(ledger.total(of: .transferIn) == Money(fen: 3_000))
    #expect(ledger.total(of: .refund) == Money(fen: -2_000))
    #expect(ledger.total(of: .reversal) == Money(fen: -5_000))
    #expect(ledger.total(of: .closingSettlement) == Money(fen: -6_000))
    // 150.00 sold − 20.00 refunded − 50.00 reversed − 60.00 settled; the 30.00 transfer is not cash.
    #expect(ledger.netIncome == Money(fen: 2_000))
    #expect(ledger.balance(ofMeter: "M1") == Money(fen: 5_000))
  }

  @Test func overflowIsRefused() throws {
    var ledger = Ledger()
    try ledger.append(entry(1, .sale, .max, meter: "M1", account: "A1"))
    #expect(throws: LedgerError.overflow) {
      try ledger.append(entry(2, .sale, 1, meter: "M1", account: "A9"))
    }
    #expect(throws: LedgerError.overflow) {
      try ledger.append(entry(2, .sale, 1, meter: "M9", account: "A1"))
    }
    #expect(throws: LedgerError.overflow) {
      try ledger.append(entry(2, .sale, 1, meter: "M9", account: "A9"))
    }
    try ledger.append(entry(2, .transferIn, 1, meter: "M9", account: "A9"))
    #expect(ledger.entries.count == 2)
  }

  @Test func replayRebuildsTheSameLedger() throws {
    let entries = [
      entry(1, .sale, 10_000), entry(2, .sale, 4_000, meter: "M2"), entry(3, .reversal, -10_000, reverses: 1),
    ]
    let ledger = try Ledger(replaying: entries)
    #expect(ledger.entries == entries)
    #expect(ledger.balance(ofAccount: "A1") == Money(fen: 4_000))
    #expect(ledger.reversal(of: BillNumber(1))?.bill == BillNumber(3))
    #expect(throws: LedgerError.billNotIncreasing) { try Ledger(replaying: [entries[1], entries[0]]) }
    #expect(throws: LedgerError.reversalWithoutSale) { try Ledger(replaying: entries.reversed()) }
  }
}

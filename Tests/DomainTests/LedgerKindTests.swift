import Domain
import Testing

@Suite struct LedgerKindTests {
  @Test(arguments: [
    (LedgerKind.sale, "sale", "售电", "Sale", true),
    (.refund, "refund", "退电", "Refund", false),
    (.reversal, "reversal", "冲正", "Reversal", false),
    (.transferIn, "transfer_in", "老表转入", "Transfer in", true),
    (.closingSettlement, "closing_settlement", "销户结算", "Closing settlement", false),
  ])
  func names(kind: LedgerKind, raw: String, chinese: String, english: String, credits: Bool) {
    #expect(kind.rawValue == raw)
    #expect(kind.chineseName == chinese)
    #expect(kind.englishName == english)
    #expect(kind.creditsMeter == credits)
  }

  /// Columns: amount -1, 0, +1 fen.
  @Test(arguments: [
    (LedgerKind.sale, [false, false, true]),
    (.transferIn, [false, false, true]),
    (.refund, [true, false, false]),
    (.reversal, [true, false, false]),
    (.closingSettlement, [true, true, false]),
  ])
  func signs(kind: LedgerKind, accepted: [Bool]) {
    #expect([Int64(-1), 0, 1].map { kind.accepts(Money(fen: $0)) } == accepted)
  }
}

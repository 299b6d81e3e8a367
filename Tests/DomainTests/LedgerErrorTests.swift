import Domain
import Testing

@Suite struct LedgerErrorTests {
  @Test(arguments: [
    (LedgerError.billNotIncreasing, "bill number is not above the last bill"),
    (.duplicateBill, "bill number already used"),
    (.missingMeter, "no meter number"),
    (.missingAccount, "no account"),
    (.wrongSign(.refund), "wrong sign of amount for refund"),
    (.reversalWithoutTarget, "reversal does not name the sale it cancels"),
    (.unexpectedReverses(.sale), "sale cannot cancel a bill"),
    (.reversalWithoutSale, "reversed bill not found"),
    (.reversalOfNonSale, "only a sale can be reversed"),
    (.reversalMeterMismatch, "reversed sale belongs to another meter"),
    (.alreadyReversed, "sale already reversed"),
    (.reversalAmountMismatch, "reversal amount differs from the sale"),
    (.exceedsBalance(available: Money(fen: 123_450)), "more than the meter's balance of 1,234.50"),
    (.overflow, "amount out of range"),
  ])
  func descriptions(error: LedgerError, text: String) {
    #expect(error.description == text)
  }
}

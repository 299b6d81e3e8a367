/// Why the ledger refused an entry.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The bill number is not above the last one in the ledger.
  case billNotIncreasing
  /// The bill number is already in the ledger.
  case duplicateBill
  /// The entry has no meter number.
  case missingMeter
  /// The entry has no account.
  case missingAccount
  /// The amount's sign does not fit the kind (see `LedgerKind.accepts`).
  case wrongSign(LedgerKind)
  /// A reversal without `reverses`.
  case reversalWithoutTarget
  /// A non-reversal entry that sets `reverses`.
  case unexpectedReverses(LedgerKind)
  /// A reversal pointing at a bill that is not in the ledger.
  case reversalWithoutSale
  /// A reversal pointing at an entry that is not a sale.
  case reversalOfNonSale
  /// A reversal pointing at a sale of another meter.
  case reversalMeterMismatch
  /// The sale has already been reversed.
  case alreadyReversed
  /// The reversal amount is not exactly minus the sale amount.
  case reversalAmountMismatch
  /// The entry would take more money off the meter than its derived balance holds.
  case exceedsBalance(available: Money)
  /// A balance or total would leave the range of `Int64` fen.
  case overflow

  /// A short English reason.
  public var description: String {
    switch self {
    case .billNotIncreasing: "bill number is not above the last bill"
    case .duplicateBill: "bill number already used"
    case .missingMeter: "no meter number"
    case .missingAccount: "no account"
    case .wrongSign(let kind): "wrong sign of amount for \(kind.englishName.lowercased())"
    case .reversalWithoutTarget: "reversal does not name the sale it cancels"
    case .unexpectedReverses(let kind): "\(kind.englishName.lowercased()) cannot cancel a bill"
    case .reversalWithoutSale: "reversed bill not found"
    case .reversalOfNonSale: "only a sale can be reversed"
    case .reversalMeterMismatch: "reversed sale belongs to another meter"
    case .alreadyReversed: "sale already reversed"
    case .reversalAmountMismatch: "reversal amount differs from the sale"
    case .exceedsBalance(let available): "more than the meter's balance of \(available.grouped)"
    case .overflow: "amount out of range"
    }
  }
}

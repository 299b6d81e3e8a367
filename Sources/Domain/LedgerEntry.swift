/// One line of the append-only ledger: a bill, what it did, to which meter and account, and the amount.
public struct LedgerEntry: Sendable, Hashable, Codable {
  /// The bill number, unique and increasing across the ledger.
  public var bill: BillNumber
  /// What the entry records.
  public var kind: LedgerKind
  /// The meter number the money moved onto or off.
  public var meter: String
  /// The account (户号) that owns the meter.
  public var account: String
  /// Signed amount: positive onto the meter (sale, transfer in), negative off it (refund, reversal,
  /// closing settlement).
  public var amount: Money
  /// The sale a reversal cancels; required for a reversal and forbidden for every other kind.
  public var reverses: BillNumber?

  /// Creates an entry; `reverses` is only for reversals.
  public init(
    bill: BillNumber, kind: LedgerKind, meter: String, account: String, amount: Money,
    reverses: BillNumber? = nil
  ) {
    self.bill = bill
    self.kind = kind
    self.meter = meter
    self.account = account
    self.amount = amount
    self.reverses = reverses
  }
}

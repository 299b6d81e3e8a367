/// The append-only money ledger of a site: entries are validated and appended, never changed or removed,
/// and every balance and total is derived from them.
public struct Ledger: Sendable {
  /// Every entry, in bill order.
  public private(set) var entries: [LedgerEntry]

  // Running sums and indexes derived from `entries`, updated only by `append`.
  private var indexByBill: [BillNumber: Int] = [:]
  private var reversalBySale: [BillNumber: BillNumber] = [:]
  private var meterBalances: [String: Money] = [:]
  private var accountBalances: [String: Money] = [:]
  private var totalsByKind: [LedgerKind: Money] = [:]
  private var runningNetIncome = Money.zero

  /// An empty ledger.
  public init() {
    entries = []
  }

  /// Rebuilds a ledger by appending `entries` in order, with the same checks as `append`.
  public init(replaying entries: some Sequence<LedgerEntry>) throws(LedgerError) {
    self.init()
    for entry in entries {
      try append(entry)
    }
  }

  /// Validates `e` and appends it; never updates or deletes.
  ///
  /// Checks, in order: meter and account are non-empty; the bill is new and above the last bill; the amount
  /// has the kind's sign (`LedgerKind.accepts`); a reversal names an earlier sale of the same meter that is
  /// not yet reversed and has exactly minus its amount, and no other kind names a bill; money taken off a
  /// meter (refund, reversal, closing settlement) does not take the meter's derived balance below zero; no
  /// balance or total leaves `Int64` fen. On error the ledger is unchanged.
  public mutating func append(_ e: LedgerEntry) throws(LedgerError) {
    guard !e.meter.isEmpty else { throw .missingMeter }
    guard !e.account.isEmpty else { throw .missingAccount }
    guard indexByBill[e.bill] == nil else { throw .duplicateBill }
    if let last = entries.last, e.bill <= last.bill { throw .billNotIncreasing }
    guard e.kind.accepts(e.amount) else { throw .wrongSign(e.kind) }

    if e.kind == .reversal {
      guard let target = e.reverses else { throw .reversalWithoutTarget }
      guard let index = indexByBill[target] else { throw .reversalWithoutSale }
      let sale = entries[index]
      guard sale.kind == .sale else { throw .reversalOfNonSale }
      guard sale.meter == e.meter else { throw .reversalMeterMismatch }
      guard reversalBySale[target] == nil else { throw .alreadyReversed }
      guard e.amount.fen == -sale.amount.fen else { throw .reversalAmountMismatch }
    } else if e.reverses != nil {
      throw .unexpectedReverses(e.kind)
    }

    let meterBalance = balance(ofMeter: e.meter)
    let newMeterBalance = try Self.add(meterBalance, e.amount)
    if e.amount.isNegative && newMeterBalance.isNegative {
      throw .exceedsBalance(available: max(meterBalance, .zero))
    }
    let newAccountBalance = try Self.add(balance(ofAccount: e.account), e.amount)
    let newKindTotal = try Self.add(total(of: e.kind), e.amount)
    let newNetIncome = e.kind == .transferIn ? runningNetIncome : try Self.add(runningNetIncome, e.amount)

    indexByBill[e.bill] = entries.count
    if let target = e.reverses { reversalBySale[target] = e.bill }
    meterBalances[e.meter] = newMeterBalance
    accountBalances[e.account] = newAccountBalance
    totalsByKind[e.kind] = newKindTotal
    runningNetIncome = newNetIncome
    entries.append(e)
  }

  /// The meter's balance as the ledger sees it: the sum of its entries (not the amount left in the meter,
  /// which also falls with consumption).
  public func balance(ofMeter meter: String) -> Money {
    meterBalances[meter] ?? .zero
  }

  /// The sum of the entries of every meter of the account.
  public func balance(ofAccount account: String) -> Money {
    accountBalances[account] ?? .zero
  }

  /// The signed sum of all entries of one kind (sales positive, refunds negative, …).
  public func total(of kind: LedgerKind) -> Money {
    totalsByKind[kind] ?? .zero
  }

  /// Cash taken minus cash paid out: sales + refunds + reversals + closing settlements (the last three are
  /// negative); transfers in are excluded because no money changed hands.
  public var netIncome: Money {
    runningNetIncome
  }

  /// The highest bill number in the ledger, nil when empty.
  public var lastBill: BillNumber? {
    entries.last?.bill
  }

  /// The entry with this bill number, if any.
  public func entry(_ bill: BillNumber) -> LedgerEntry? {
    indexByBill[bill].map { entries[$0] }
  }

  /// The reversal that cancels the sale `bill`, if it has been reversed.
  public func reversal(of bill: BillNumber) -> LedgerEntry? {
    reversalBySale[bill].flatMap { entry($0) }
  }

  /// The entries of one meter, in bill order.
  public func entries(ofMeter meter: String) -> [LedgerEntry] {
    entries.filter { $0.meter == meter }
  }

  private static func add(_ lhs: Money, _ rhs: Money) throws(LedgerError) -> Money {
    let (sum, overflow) = lhs.fen.addingReportingOverflow(rhs.fen)
    guard !overflow else { throw .overflow }
    return Money(fen: sum)
  }
}

import Domain
import Foundation
import Store

/// Why an account action was refused.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The operator's role lacks the permission.
  case notAllowed(operator: String, permission: Permission)
  /// Tenant, shop and at least one meter are needed.
  case missingField(String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .notAllowed(let name, let permission):
      return
        "operator \"\(name)\" may not \(permission.rawValue) (\(permission.chineseName)); a supervisor must do it"
    case .missingField(let field): return "\(field) is required"
    }
  }
}

/// What closing an account did.
public struct AccountClosing: Sendable, Hashable {
  /// The account closed.
  public var account: String
  /// The settlement refunds taken off its meters (one per meter holding money).
  public var settlements: [SaleRecord]
}

/// Opening (开户), closing (销户) and finding accounts; every money action goes through ``SalesService``.
public struct AccountService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// Opens an account on `meters`; with `firstRecharge`, sells it onto the first meter. Returns the
  /// account id and the first sale, if any.
  public func open(
    tenant: String, phone: String, shop: String, meters: [String], id: String?, firstRecharge: Money?,
    pay: PayMethod, session: Session, at now: Date
  ) throws -> (String, SaleRecord?) {
    guard session.allows(.openAccount) else {
      throw AccountError.notAllowed(operator: session.name, permission: .openAccount)
    }
    guard !tenant.isEmpty else { throw AccountError.missingField("tenant") }
    guard !shop.isEmpty else { throw AccountError.missingField("shop") }
    guard let first = meters.first else { throw AccountError.missingField("at least one meter") }
    let code = try database.siteSettings()?.code ?? ""
    let accountID = try id ?? database.nextAccountID(prefix: code)
    let day = ISO8601DateFormatter.string(from: now, timeZone: .current, formatOptions: [.withFullDate])
    let record = AccountRecord(
      id: accountID, tenant: tenant, phone: phone, shop: shop, openedOn: day, closedAt: nil)
    let audit = AuditRecord(
      at: now, operator: session.name, action: "account.open", target: "account \(accountID)",
      detail: "\(tenant), \(shop), meters \(meters.joined(separator: " "))")
    try database.openAccount(record, meters: meters, audit: audit)
    guard let firstRecharge else { return (accountID, nil) }
    let sale = try SalesService(database: database).sell(
      meter: first, amount: firstRecharge, pay: pay, session: session, at: now)
    return (accountID, sale)
  }

  /// Closes an account: each meter's remaining amount is taken off as a refund, then the account
  /// is marked closed with a closing audit line naming the settlements. Needs `.closeAccount`.
  public func close(id: String, session: Session, at now: Date) throws -> AccountClosing {
    guard session.allows(.closeAccount) else {
      throw AccountError.notAllowed(operator: session.name, permission: .closeAccount)
    }
    guard let listing = try database.accountListings().first(where: { $0.account.id == id }) else {
      throw AccountStoreError.unknownAccount(id)
    }
    guard listing.account.closedAt == nil else { throw AccountStoreError.alreadyClosed(id) }
    let sales = SalesService(database: database)
    var settlements: [SaleRecord] = []
    let states = try database.meterListing()
    for meter in listing.meters {
      let remaining = states.first { $0.meter.number == meter.number }?.state?.remainingFen ?? 0
      let pending = try sales.sales(meter: meter.number)
        .filter { $0.status == .queued || $0.status == .sent }.map(\.amount.fen).reduce(0, +)
      let balance = remaining + pending
      guard balance > 0 else { continue }
      settlements.append(
        try sales.refund(
          meter: meter.number, amount: Money(fen: balance), session: session, approvedBy: nil, at: now))
    }
    let detail =
      "closed; settled "
      + (settlements.isEmpty
        ? "nothing"
        : settlements.map { "bill \($0.bill) \(-$0.amount) off \($0.meter)" }.joined(separator: ", "))
    try database.closeAccount(
      id: id, at: now,
      audit: AuditRecord(
        at: now, operator: session.name, action: "account.close", target: "account \(id)", detail: detail))
    return AccountClosing(account: id, settlements: settlements)
  }

  /// Accounts matching `search` (shop, tenant, phone, account id or meter number; empty = all).
  public func find(_ search: String) throws -> [AccountListing] {
    let needle = search.lowercased()
    return try database.accountListings().filter { listing in
      needle.isEmpty
        || [listing.account.id, listing.account.tenant, listing.account.phone, listing.account.shop]
          .contains { $0.lowercased().contains(needle) }
        || listing.meters.contains { $0.number.contains(needle) || $0.shop.lowercased().contains(needle) }
    }
  }
}

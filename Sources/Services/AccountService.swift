import Domain
import Foundation
import Store

/// Why an account action was refused.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The operator's role lacks the permission.
  case notAllowed(operator: String, permission: Permission)
  /// Tenant, shop and at least one meter are needed.
  case missingField(String)
  /// The meter still holds money (or has money on its way); it must be refunded (退电) first.
  case holdsMoney(meter: String, balance: Money)
  /// The meter has entries not yet delivered; wait for them (or settle them) first.
  case undelivered(meter: String, count: Int)
  /// A meter cannot replace itself.
  case sameMeter(String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .notAllowed(let name, let permission):
      return
        "operator \"\(name)\" may not \(permission.rawValue) (\(permission.chineseName)); a supervisor must do it"
    case .missingField(let field): return "\(field) is required"
    case .holdsMoney(let meter, let balance):
      return
        "meter \(meter) still holds \(balance); refund it (退电) first, or replace the meter to carry it over"
    case .undelivered(let meter, let count):
      return
        "meter \(meter) has \(count) undelivered entr\(count == 1 ? "y" : "ies"); wait for delivery first"
    case .sameMeter(let meter): return "meter \(meter) cannot replace itself"
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

  /// Closes an account (销户): each meter's remaining amount (last read plus anything on its way) is
  /// taken off it as a `closing_settlement` entry, delivered through the outbox, and the account is
  /// marked closed with a closing audit line naming the settlements, all in one transaction.
  /// Needs `.closeAccount`.
  public func close(id: String, session: Session, at now: Date) throws -> AccountClosing {
    guard session.allows(.closeAccount) else {
      throw AccountError.notAllowed(operator: session.name, permission: .closeAccount)
    }
    let rows = try database.settleAndCloseAccount(
      id: id, at: now,
      settle: { context in
        guard context.state != nil || context.undeliveredFen != 0 else { return nil }
        let (account, count, balance) = try SalesService.check(context)
        guard balance > 0 else { return nil }
        return SalesService.entry(
          .closingSettlement, context: context, account: account, amount: Money(fen: -balance), pay: nil,
          session: session, approver: nil, reverses: nil, count: count, at: now)
      },
      audit: { rows in
        let detail =
          "closed; settled "
          + (rows.isEmpty
            ? "nothing"
            : rows.map {
              "bill \($0.entry.bill ?? 0) \(Money(fen: -$0.entry.amountFen)) off \($0.entry.meter)"
            }
            .joined(separator: ", "))
        return AuditRecord(
          at: now, operator: session.name, action: "account.close", target: "account \(id)", detail: detail)
      })
    return AccountClosing(account: id, settlements: rows.map(SaleRecord.init(row:)))
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

import Domain

/// One account as the accounts screen lists it.
public struct AccountRow: Sendable, Hashable {
  /// The account id (户号).
  public var account: String
  /// The tenant (户名).
  public var tenant: String
  /// The tenant's phone.
  public var phone: String
  /// The shop.
  public var shop: String
  /// The account's meter numbers.
  public var meters: [String]
  /// True once the account is closed (销户).
  public var closed: Bool

  /// An account row.
  public init(account: String, tenant: String, phone: String, shop: String, meters: [String], closed: Bool) {
    self.account = account
    self.tenant = tenant
    self.phone = phone
    self.shop = shop
    self.meters = meters
    self.closed = closed
  }
}

/// What the open-account form sends to the services (开户).
public struct AccountOpening: Sendable, Hashable {
  /// The tenant (户名).
  public var tenant: String
  /// The tenant's phone.
  public var phone: String
  /// The shop.
  public var shop: String
  /// The meter numbers, in the order typed.
  public var meters: [String]
  /// The first recharge, sold onto the first meter, if any.
  public var firstRecharge: Money?
  /// How the first recharge was paid.
  public var pay: PayMethod

  /// An opening request.
  public init(
    tenant: String, phone: String, shop: String, meters: [String], firstRecharge: Money?, pay: PayMethod
  ) {
    self.tenant = tenant
    self.phone = phone
    self.shop = shop
    self.meters = meters
    self.firstRecharge = firstRecharge
    self.pay = pay
  }
}

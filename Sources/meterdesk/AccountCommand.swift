import ArgumentParser
import Domain
import Foundation
import Services
import Store

/// `meterdesk account`: open, close, list and show accounts (户号); add, remove and replace meters.
struct AccountCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "account",
    abstract: "Open, close, list and show accounts; add, remove and replace their meters.",
    subcommands: [
      AccountOpenCommand.self, AccountCloseCommand.self, AccountListCommand.self, AccountShowCommand.self,
      AccountAddMeterCommand.self, AccountRemoveMeterCommand.self, AccountReplaceMeterCommand.self,
      AccountPasswdCommand.self,
    ])

  /// An account as JSON.
  static func json(_ listing: AccountListing) -> [String: Any] {
    [
      "account": listing.account.id, "tenant": listing.account.tenant, "phone": listing.account.phone,
      "shop": listing.account.shop, "opened_on": listing.account.openedOn,
      "closed": listing.account.closedAt != nil, "meters": listing.meters.map(\.number),
    ]
  }
}

/// `meterdesk account open`.
struct AccountOpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open an account (开户) on one or more meters; password on standard input.")

  @Option(help: "Database file.") var db: String
  @Option(help: "Tenant name.") var tenant: String
  @Option(help: "Phone.") var phone = ""
  @Option(help: "Shop.") var shop: String
  @Option(help: "Meter number (repeat for several).") var meter: [String] = []
  @Option(help: "Account id (default: site code + next number).") var id: String?
  @Option(help: "First recharge amount in yuan.") var firstRecharge: String?
  @Option(help: "cash, wechat, alipay or card.") var pay = "cash"
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Read the password from standard input.") var passwordStdin = false
  @Flag(help: "Print a JSON object.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "account open")
    let money = try firstRecharge.map { try SalesCLI.amount($0, command: "account open") }
    guard let method = PayMethod(rawValue: pay) else {
      throw fail("meterdesk account open: --pay \(pay): must be cash, wechat, alipay or card")
    }
    let (session, _) = try SalesCLI.logIn(
      database: database, operator: operatorName, approver: nil, command: "account open")
    do {
      let (account, sale) = try AccountService(database: database).open(
        tenant: tenant, phone: phone, shop: shop, meters: meter, id: id, firstRecharge: money, pay: method,
        session: session, at: Date())
      if sale != nil { SiteWake.ring(database: db) }
      if json {
        try SalesCLI.printJSON([
          "account": account, "first_sale": sale.map { SalesCLI.json($0) as Any } ?? NSNull(),
        ])
      } else {
        print("opened account \(account)" + (sale.map { ", first sale bill \(BillNumber($0.bill))" } ?? ""))
      }
    } catch let error as AccountError {
      throw fail("meterdesk account open: \(error)")
    } catch let error as AccountStoreError {
      throw fail("meterdesk account open: \(error)")
    } catch let error as SalesError {
      throw fail("meterdesk account open: account opened but the first recharge was refused: \(error)")
    }
  }
}

/// `meterdesk account close`.
struct AccountCloseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close",
    abstract:
      "Close an account (销户): each meter's remaining amount is settled off it (销户结算); supervisor.")

  @Option(help: "Database file.") var db: String
  @Option(help: "Account id.") var account: String
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Read the password from standard input.") var passwordStdin = false
  @Flag(help: "Print a JSON object.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "account close")
    let (session, _) = try SalesCLI.logIn(
      database: database, operator: operatorName, approver: nil, command: "account close")
    do {
      let closing = try AccountService(database: database).close(id: account, session: session, at: Date())
      if !closing.settlements.isEmpty { SiteWake.ring(database: db) }
      if json {
        try SalesCLI.printJSON(["account": account, "settlements": closing.settlements.map(SalesCLI.json)])
      } else {
        print("closed account \(account); \(closing.settlements.count) closing settlement(s) queued")
      }
    } catch let error as AccountError {
      throw fail("meterdesk account close: \(error)")
    } catch let error as AccountStoreError {
      throw fail("meterdesk account close: \(error)")
    } catch let error as SalesError {
      throw fail("meterdesk account close: \(error)")
    }
  }
}

/// `meterdesk account list`.
struct AccountListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List accounts; --search matches shop, tenant, meter or phone.")

  @Option(help: "Database file.") var db: String
  @Option(help: "Text to search for.") var search = ""
  @Flag(help: "Print a JSON object.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "account list")
    let found = try AccountService(database: database).find(search)
    if json {
      try SalesCLI.printJSON(["accounts": found.map(AccountCommand.json)])
      return
    }
    for listing in found {
      let closed = listing.account.closedAt == nil ? "" : "\tclosed"
      print(
        "\(listing.account.id)\t\(listing.account.tenant)\t\(listing.account.shop)\t\(listing.account.phone)\t"
          + listing.meters.map(\.number).joined(separator: ";") + closed)
    }
  }
}

/// `meterdesk account show`.
struct AccountShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one account.")

  @Option(help: "Database file.") var db: String
  @Option(help: "Account id.") var account: String
  @Flag(help: "Print a JSON object.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "account show")
    guard let listing = try database.accountListings().first(where: { $0.account.id == account }) else {
      throw fail("meterdesk account show: no account \(account)")
    }
    var object = AccountCommand.json(listing)
    let sales = SalesService(database: database)
    object["sales"] = try listing.meters.flatMap { try sales.sales(meter: $0.number) }.map(SalesCLI.json)
    if json {
      try SalesCLI.printJSON(object)
    } else {
      for key in object.keys.sorted() { print("\(key)\t\(object[key] ?? "")") }
    }
  }
}

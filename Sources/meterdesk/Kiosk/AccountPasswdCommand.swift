import ArgumentParser
import Foundation
import Services
import Store

/// `meterdesk account passwd`: sets an account's query password (查询密码) for the tenant kiosk.
struct AccountPasswdCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "passwd",
    abstract: "Set an account's kiosk query password (查询密码); the new password on standard input.",
    discussion: """
      The password needs at least \(KioskService.minimumPasswordLength) characters; it is stored as a \
      PBKDF2 hash, as operators' are, and setting it clears the account's kiosk lockout.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Account number (户号).") var account: String

  func run() throws {
    let database = try SalesCLI.open(db, command: "account passwd")
    guard let password = readLine(strippingNewline: true), !password.isEmpty else {
      throw fail("meterdesk account passwd: no password on standard input")
    }
    do {
      try KioskService(database: database).setPassword(
        account: account, password: password, by: "cli", at: Date())
    } catch let error as KioskError {
      throw fail("meterdesk account passwd: \(error)")
    } catch let error as AccountStoreError {
      throw fail("meterdesk account passwd: \(error)")
    }
    print("query password set for account \(account)")
  }
}

import ArgumentParser
import Foundation
import Services
import Store

/// `meterdesk operator`: manage who may log in.
struct OperatorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "operator", abstract: "Manage operators.",
    subcommands: [OperatorAddCommand.self, OperatorListCommand.self])
}

/// `meterdesk operator add`: adds an operator; the password is read from standard input.
struct OperatorAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add an operator; the password is read from the first line of standard input.")

  @Option(help: "Database file.") var db: String
  @Option(help: "Login name.") var name: String
  @Option(help: "cashier, supervisor, electrician or admin.") var role: String

  func run() throws {
    guard let password = readLine(strippingNewline: true), !password.isEmpty else {
      throw fail("meterdesk operator add: no password on standard input")
    }
    let database = try AppDatabase.open(path: db)
    do {
      try OperatorService(database: database)
        .add(name: name, role: role, password: password, by: "cli", at: Date())
    } catch let error as OperatorError {
      throw fail("meterdesk operator add: \(error)")
    } catch let error as OperatorStoreError {
      throw fail("meterdesk operator add: \(error)")
    }
    print("added operator \(name) (\(role))")
  }
}

/// `meterdesk operator list`: prints operators and roles.
struct OperatorListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List operators.")

  @Option(help: "Database file.") var db: String

  func run() throws {
    for record in try AppDatabase.open(path: db).operators() {
      let lock = record.lockedUntil.map { " locked until \($0)" } ?? ""
      print("\(record.name)\t\(record.role)\(record.disabled ? " disabled" : "")\(lock)")
    }
  }
}

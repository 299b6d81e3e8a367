import ArgumentParser
import Domain
import Foundation
import Services
import Store

/// `meterdesk operator`: manage who may log in (登录管理).
struct OperatorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "operator", abstract: "Manage operators.",
    subcommands: [
      OperatorAddCommand.self, OperatorListCommand.self, OperatorPasswdCommand.self,
      OperatorDisableCommand.self, OperatorEnableCommand.self, OperatorRoleCommand.self,
      OperatorResetCommand.self, OperatorUnlockCommand.self, OperatorPermissionsCommand.self,
    ])

  /// Reads one line of standard input or exits saying what was missing.
  static func line(_ what: String, command: String) throws -> String {
    guard let text = readLine(strippingNewline: true), !text.isEmpty else {
      throw fail("meterdesk operator \(command): no \(what) on standard input")
    }
    return text
  }

  /// Logs in the admin named by `--admin` with the first line of standard input.
  static func admin(
    _ name: String, passwordStdin: Bool, database: AppDatabase, command: String
  ) throws -> Session {
    guard passwordStdin else {
      throw fail(
        "meterdesk operator \(command): pass --password-stdin and the password of admin \(name) on standard input"
      )
    }
    let password = try line("password for admin \(name)", command: command)
    do {
      return try OperatorService(database: database).logIn(name: name, password: password, at: Date())
    } catch {
      throw fail("meterdesk operator \(command): admin \(name): \(error)")
    }
  }

  /// Runs an administration step, turning its refusal into a message and exit status 1.
  static func attempt<T>(_ command: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as OperatorAdminError {
      throw fail("meterdesk operator \(command): \(error)")
    } catch let error as OperatorError {
      throw fail("meterdesk operator \(command): \(error)")
    } catch let error as OperatorStoreError {
      throw fail("meterdesk operator \(command): \(error)")
    }
  }
}

/// Options of the commands an admin runs on another operator.
struct OperatorAdminOptions: ParsableArguments {
  @Option(help: "Database file.") var db: String
  @Option(help: "The operator to change.") var name: String
  @Option(help: "The admin doing it (needs the manage-operators permission).") var admin: String
  @Flag(help: "Read the admin's password from standard input (the only way).") var passwordStdin = false

  /// Opens the database and logs the admin in.
  func open(command: String) throws -> (AppDatabase, Session) {
    let database = try SalesCLI.open(db, command: "operator \(command)")
    let session = try OperatorCommand.admin(
      admin, passwordStdin: passwordStdin, database: database, command: command)
    return (database, session)
  }
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
    try OperatorCommand.attempt("add") {
      try OperatorService(database: database)
        .add(name: name, role: role, password: password, by: "cli", at: Date())
    }
    print("added operator \(name) (\(role))")
  }
}

/// `meterdesk operator list`: operators with role, state, lockout and last log-in.
struct OperatorListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List operators: role, disabled, locked, failed log-ins, last log-in.")

  @Option(help: "Database file.") var db: String
  @Flag(help: "Print {\"operators\": [...]} on one line.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "operator list")
    let operators = try OperatorAdminService(database: database).list()
    let now = Date()
    if json {
      try SalesCLI.printJSON([
        "operators": operators.map { state -> [String: Any] in
          [
            "name": state.name, "role": state.roleName, "disabled": state.disabled,
            "locked": state.isLocked(at: now),
            "locked_until": state.lockedUntil.map(ISO8601.string) ?? NSNull(),
            "failed_attempts": state.failedAttempts,
            "last_login": state.lastLogin.map(ISO8601.string) ?? NSNull(),
          ]
        }
      ])
      return
    }
    for state in operators {
      var columns = [state.name, state.roleName, state.disabled ? "disabled" : "enabled"]
      if let until = state.lockedUntil, until > now {
        columns.append("locked until \(ISO8601.string(until))")
      }
      if state.failedAttempts > 0 { columns.append("\(state.failedAttempts) failed") }
      columns.append("last login \(state.lastLogin.map(ISO8601.string) ?? "never")")
      print(columns.joined(separator: "\t"))
    }
  }
}

/// `meterdesk operator passwd`: an operator changes their own password.
struct OperatorPasswdCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "passwd",
    abstract: "Change your own password; standard input: the old password, then the new one, one per line.",
    discussion: "The new password needs at least \(OperatorAdminService.minimumPasswordLength) characters.")

  @Option(help: "Database file.") var db: String
  @Option(help: "Your login name.") var name: String

  func run() throws {
    let database = try SalesCLI.open(db, command: "operator passwd")
    let old = try OperatorCommand.line("old password", command: "passwd")
    let new = try OperatorCommand.line("new password on the second line", command: "passwd")
    try OperatorCommand.attempt("passwd") {
      try OperatorAdminService(database: database).changeOwnPassword(
        name: name, old: old, new: new, at: Date())
    }
    print("password of \(name) changed")
  }
}

/// `meterdesk operator disable`: an admin disables an operator.
struct OperatorDisableCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "disable",
    abstract: "Disable an operator (an admin; the admin's password on standard input).")

  @OptionGroup var options: OperatorAdminOptions

  func run() throws {
    let (database, session) = try options.open(command: "disable")
    let changed = try OperatorCommand.attempt("disable") {
      try OperatorAdminService(database: database).disable(name: options.name, by: session)
    }
    print(changed ? "disabled operator \(options.name)" : "operator \(options.name) was already disabled")
  }
}

/// `meterdesk operator enable`: an admin enables an operator again.
struct OperatorEnableCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enable",
    abstract: "Enable an operator again (an admin; the admin's password on standard input).")

  @OptionGroup var options: OperatorAdminOptions

  func run() throws {
    let (database, session) = try options.open(command: "enable")
    let changed = try OperatorCommand.attempt("enable") {
      try OperatorAdminService(database: database).enable(name: options.name, by: session)
    }
    print(changed ? "enabled operator \(options.name)" : "operator \(options.name) was already enabled")
  }
}

/// `meterdesk operator role`: an admin gives an operator another role.
struct OperatorRoleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "role",
    abstract: "Change an operator's role (an admin; the admin's password on standard input).")

  @OptionGroup var options: OperatorAdminOptions
  @Option(help: "cashier, supervisor, electrician or admin.") var role: String

  func run() throws {
    guard let newRole = Role(rawValue: role) else {
      throw fail("meterdesk operator role: \(OperatorError.unknownRole(role))")
    }
    let (database, session) = try options.open(command: "role")
    let changed = try OperatorCommand.attempt("role") {
      try OperatorAdminService(database: database).setRole(name: options.name, role: newRole, by: session)
    }
    print(changed ? "operator \(options.name) is now \(role)" : "operator \(options.name) already is \(role)")
  }
}

/// `meterdesk operator reset`: an admin sets a new password for an operator.
struct OperatorResetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reset",
    abstract: "Reset an operator's password; standard input: the admin's password, then the new password.",
    discussion: "The new password needs at least \(OperatorAdminService.minimumPasswordLength) characters.")

  @OptionGroup var options: OperatorAdminOptions

  func run() throws {
    let (database, session) = try options.open(command: "reset")
    let new = try OperatorCommand.line("new password on the second line", command: "reset")
    try OperatorCommand.attempt("reset") {
      try OperatorAdminService(database: database).resetPassword(
        name: options.name, newPassword: new, by: session)
    }
    print("password of \(options.name) reset")
  }
}

/// `meterdesk operator unlock`: an admin lifts a lockout.
struct OperatorUnlockCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unlock",
    abstract: "Lift an operator's lockout (an admin; the admin's password on standard input).")

  @OptionGroup var options: OperatorAdminOptions

  func run() throws {
    let (database, session) = try options.open(command: "unlock")
    let changed = try OperatorCommand.attempt("unlock") {
      try OperatorAdminService(database: database).unlock(name: options.name, by: session)
    }
    print(changed ? "unlocked operator \(options.name)" : "operator \(options.name) was not locked")
  }
}

/// `meterdesk operator permissions`: the permission table per role.
struct OperatorPermissionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "permissions", abstract: "Print what each role may do.")

  @Flag(help: "Print {\"roles\": {role: [permission, ...]}} on one line.") var json = false

  func run() throws {
    let table = OperatorAdminService.permissionTable()
    if json {
      var roles: [String: [String]] = [:]
      for row in table {
        roles[row.role.rawValue] = Permission.allCases.filter { row.allowed[$0] == true }.map(\.rawValue)
      }
      try SalesCLI.printJSON(["roles": roles])
      return
    }
    let width = Permission.allCases.map(\.rawValue.count).max() ?? 0
    let header = "permission".padding(toLength: width, withPad: " ", startingAt: 0)
    print(([header] + table.map(\.role.rawValue)).joined(separator: "  "))
    for permission in Permission.allCases {
      var cells = [permission.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)]
      for row in table {
        let mark = row.allowed[permission] == true ? "yes" : "-"
        cells.append(mark.padding(toLength: row.role.rawValue.count, withPad: " ", startingAt: 0))
      }
      print(cells.joined(separator: "  "))
    }
  }
}

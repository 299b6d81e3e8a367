import ArgumentParser
import Foundation

/// `meterdesk kiosk`: the tenant query machine (用户查询机) on a database.
struct KioskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kiosk",
    abstract: "Run the tenant self-query kiosk (用户查询机) full screen on a database.",
    discussion: """
      A tenant types an account or meter number and the account's query password (set with \
      meterdesk account passwd) and sees balance, state, tariff, the last recharges and 30 days of \
      use. The kiosk never acquires, never sells and shows one account at a time; it clears itself \
      after --idle seconds without a key. No key leaves it except an admin's name and password \
      (Ctrl-X); SIGTERM stops it.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Language: zh or en (default: the locale, else Chinese for a site in China).") var lang:
    String?
  @Option(help: "Theme name (default, high-contrast, mono) or a theme file path.") var theme: String?
  @Option(help: "Seconds without a key before the kiosk clears and returns to the start screen.")
  var idle: Int = 60

  func validate() throws {
    guard idle >= 1 else { throw ValidationError("--idle must be at least 1 second") }
    if let lang, !["zh", "en"].contains(lang.lowercased()) {
      throw ValidationError("--lang must be zh or en")
    }
  }

  func run() throws {
    guard FileManager.default.fileExists(atPath: db) else {
      throw fail("meterdesk kiosk: \(db): no such database (run meterdesk init first)")
    }
    let status = try KioskRuntime.run(
      KioskRuntime.Options(db: db, lang: lang, theme: theme, idle: TimeInterval(idle)))
    if status != 0 { throw ExitCode(status) }
  }
}

import ArgumentParser
import Foundation
import NIOCore

/// `meterdesk console`: the operator console on a database.
struct ConsoleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "console",
    abstract: "Open the operator console on a database.",
    discussion: """
      Hosts acquisition in-process when no other process holds the database's acquisition \
      lease; otherwise it is a viewer that refreshes from the database. Logs to DB.log.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Theme name (default, high-contrast, mono) or a theme file path.") var theme: String?
  @Option(help: "Language: zh or en (default: from the locale).") var lang: String?
  @Option(help: "Folder of site meter profiles (added to the shipped ones).") var profiles: String?

  func run() throws {
    guard FileManager.default.fileExists(atPath: db) else {
      throw fail("meterdesk console: \(db): no such database (run meterdesk init first)")
    }
    let status = try ConsoleLauncher.run(
      ConsoleLauncher.Options(
        db: db, theme: theme, lang: lang, demo: false, interval: nil, logPath: db + ".log",
        profilesFolder: profiles))
    if status != 0 { throw ExitCode(status) }
  }
}

import Acquisition
import ConsoleTheme
import Foundation
import Logging
import MeterCrypto
import MeterProfiles
import NIOCore
import Screens
import Services
import Store
import TerminalNcurses
import TerminalUI

/// Opens a console on a database: acquisition in-process when the lease is free, a viewer
/// otherwise; logs to a file; always restores the terminal.
enum ConsoleLauncher {
  struct Options {
    var db: String
    var theme: String?
    var lang: String?
    var demo: Bool
    var interval: TimeAmount?
    var logPath: String
    var profilesFolder: String?
  }

  /// Runs the console; returns the process exit status.
  static func run(_ options: Options) throws -> Int32 {
    let logSink = FileLogSink(path: options.logPath)
    logSink.bootstrap()
    let logger = Logger(label: "meterdesk.console")
    let database = try AppDatabase.open(path: options.db)
    let theme = try loadTheme(options.theme)
    let environment = ProcessInfo.processInfo.environment
    let language = Language.resolve(
      flag: options.lang,
      localeIdentifier: environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"])
    let trace = TraceTap()
    var engine: AcquisitionEngine?
    var sink: StoreReadingSink?
    var lease: AcquisitionLease?
    var holder: String?
    do {
      lease = try AcquisitionLease(database: options.db, role: "meterdesk console")
    } catch {
      if case .held(let by) = error { holder = by } else { throw fail("meterdesk: \(error)") }
    }
    if lease != nil {
      let profiles = try ProfileCatalog.catalog(siteFolder: options.profilesFolder)
      let plan = try AcquisitionSetup.plan(
        database: database, profiles: profiles, collectionInterval: options.interval)
      let zone = TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
      let storeSink = StoreReadingSink(database: database, timeZone: zone) { message in
        logger.error("\(message)")
      }
      let started = AcquisitionEngine(plan: plan, sink: storeSink, trace: trace.sink)
      started.startRoutine()
      engine = started
      sink = storeSink
      logger.info(
        "acquiring \(plan.buses.count) buses every \(plan.collectionInterval.nanoseconds / 1_000_000_000) s")
    }
    defer { try? engine?.shutdownAndWait() }
    let terminal: NcursesTerminal
    do {
      terminal = try NcursesTerminal(theme: theme)
    } catch {
      throw fail("meterdesk: cannot start the terminal: \(error)")
    }
    defer { terminal.restore() }
    let runtime = try ConsoleRuntime(
      environment: ConsoleEnvironment(
        database: database, engine: engine, sink: sink, leaseHolder: holder, lease: lease,
        trace: trace, demo: options.demo, language: language, theme: theme, logger: logger,
        masterKey: loadKey(options.db + ".key", logger: logger),
        receiptFile: ((options.db as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent("receipts.txt")),
      terminal: terminal)
    runtime.run()
    logger.info("console closed")
    return 0
  }

  /// The site key next to the database, or nil (logged) when it cannot be read: sales are then
  /// recorded but not delivered by this console.
  static func loadKey(_ path: String, logger: Logger) -> SiteMasterKey? {
    guard FileManager.default.fileExists(atPath: path) else {
      logger.warning("no key file \(path): sales from this console are not delivered")
      return nil
    }
    do {
      return try KeyFile.load(from: path) { logger.warning("\($0)") }
    } catch {
      logger.error("key file \(path): \(error)")
      return nil
    }
  }

  static func loadTheme(_ name: String?) throws -> Theme {
    guard let name else {
      return (try? loadNamed("default")) ?? Theme.builtInDefault
    }
    return try loadNamed(name)
  }

  private static func loadNamed(_ name: String) throws -> Theme {
    let directory =
      ThemeLoader.findThemesDirectory(
        executablePath: CommandLine.arguments[0],
        currentDirectory: FileManager.default.currentDirectoryPath,
        environment: ProcessInfo.processInfo.environment) ?? "themes"
    do {
      return try ThemeLoader.load(nameOrPath: name, themesDirectory: directory)
    } catch {
      throw fail("meterdesk: \(error)")
    }
  }
}

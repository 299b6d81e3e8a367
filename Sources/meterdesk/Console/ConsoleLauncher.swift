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

  /// Runs the console; returns the process exit status. SIGTERM/SIGINT end it as F10 does:
  /// the loop is woken and stops, acquisition flushes, the terminal is restored, status 0.
  static func run(_ options: Options) throws -> Int32 {
    StopSignal.install()  // before curses, so neither ncurses nor TerminalRestoration takes them
    let logSink = FileLogSink(path: options.logPath)
    logSink.bootstrap()
    let logger = Logger(label: "meterdesk.console")
    let theme = try loadTheme(options.theme)
    let environment = ProcessInfo.processInfo.environment
    let language = Language.resolve(
      flag: options.lang,
      localeIdentifier: environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"])
    let trace = TraceTap()
    let runtime: SiteRuntime
    do {
      runtime = try SiteRuntime(
        path: options.db, mode: .acquireIfFree,
        options: SiteRuntime.Options(
          role: "meterdesk console", profilesFolder: options.profilesFolder, interval: options.interval,
          trace: trace.sink, log: { logger.error("\($0)") }))
    } catch {
      throw fail("meterdesk: \(error)")
    }
    runtime.start()
    defer { runtime.stop() }
    if let engine = runtime.engine {
      logger.info(
        "acquiring \(engine.plan.buses.count) buses every \(engine.plan.collectionInterval.nanoseconds / 1_000_000_000) s"
      )
    }
    let terminal: NcursesTerminal
    do {
      terminal = try NcursesTerminal(theme: theme)
    } catch {
      throw fail("meterdesk: cannot start the terminal: \(error)")
    }
    defer { terminal.restore() }
    let console = try ConsoleRuntime(
      environment: ConsoleEnvironment(
        runtime: runtime, trace: trace, demo: options.demo, language: language, theme: theme,
        logger: logger,
        receiptFile: ((options.db as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent("receipts.txt")),
      terminal: terminal)
    let waker = terminal.waker
    StopSignal.onStop { waker.wake() }
    console.run()
    if StopSignal.isRequested {
      logger.info("stop requested by signal \(StopSignal.signalNumber)")
    }
    logger.info("console closed")
    return 0
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

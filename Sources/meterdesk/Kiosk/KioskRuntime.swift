import Domain
import Foundation
import Glibc
import Screens
import Services
import Store
import TerminalNcurses
import TerminalUI

/// The kiosk's loop: keys in, effects run on a background queue, frames at most ~30 a second,
/// the start screen again after the idle time; ends on an admin's exit or SIGTERM.
final class KioskRuntime {
  struct Options {
    var db: String
    var lang: String?
    var theme: String?
    var idle: TimeInterval
  }

  private let options: Options
  private let database: AppDatabase
  private let terminal: NcursesTerminal
  private var state: KioskState
  private var dirty = true
  private var limiter = FrameLimiter(maxPerSecond: 30)
  private var lastKey = Date()
  private var lastTick = Date.distantPast
  private let inbox = KioskInbox()
  private let queue = DispatchQueue(label: "meterdesk.kiosk")

  private init(options: Options, database: AppDatabase, terminal: NcursesTerminal, state: KioskState) {
    self.options = options
    self.database = database
    self.terminal = terminal
    self.state = state
  }

  /// Runs the kiosk; returns the exit status. The terminal is always restored.
  static func run(_ options: Options) throws -> Int32 {
    StopSignal.install()  // before curses, so neither ncurses nor TerminalRestoration takes them
    let theme = try ConsoleLauncher.loadTheme(options.theme)
    let database = try AppDatabase.open(path: options.db)
    guard let settings = try database.siteSettings() else {
      throw fail("meterdesk kiosk: \(options.db): no site imported (run meterdesk init --site first)")
    }
    let environment = ProcessInfo.processInfo.environment
    let language = language(
      flag: options.lang,
      locale: environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"],
      timeZone: settings.timeZone)
    let zone = TimeZone(identifier: settings.timeZone) ?? .current
    let now = Date()
    let terminal: NcursesTerminal
    do {
      terminal = try NcursesTerminal(theme: theme)
    } catch {
      throw fail("meterdesk kiosk: cannot start the terminal: \(error)")
    }
    defer { terminal.restore() }
    // No key leaves the kiosk: Ctrl-C, Ctrl-\ and Ctrl-Z do nothing (SIGTERM still stops it).
    signal(SIGINT, SIG_IGN)
    signal(SIGQUIT, SIG_IGN)
    signal(SIGTSTP, SIG_IGN)
    var state = KioskState(
      language: language, size: terminal.size, siteName: settings.name,
      clock: SiteClock(utcOffsetSeconds: zone.secondsFromGMT(for: now)), now: now)
    state.asciiCharts = environment["METERDESK_ASCII_CHARTS"] == "1"
    let kiosk = KioskRuntime(options: options, database: database, terminal: terminal, state: state)
    let waker = terminal.waker
    StopSignal.onStop { waker.wake() }
    kiosk.loop()
    return 0
  }

  /// `--lang`, else a `zh…` or `en…` locale, else Chinese for a site in a Chinese time zone.
  static func language(flag: String?, locale: String?, timeZone: String) -> Language {
    if let flag, let language = Language(rawValue: flag.lowercased()) { return language }
    let identifier = locale?.lowercased() ?? ""
    if identifier.hasPrefix("zh") { return .zh }
    if identifier.hasPrefix("en") { return .en }
    let chinese = ["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Urumqi", "PRC", "Asia/Hong_Kong"]
    return chinese.contains(timeZone) ? .zh : .en
  }

  private func loop() {
    while !state.exitRequested && !StopSignal.isRequested {
      let clock = ContinuousClock.now
      if dirty, limiter.shouldDraw(now: clock) {
        terminal.draw(KioskScreen.view(state))
        dirty = false
      }
      let untilFrame = dirty ? limiter.delayUntilNextFrame(now: clock) : nil
      let wait = min(untilFrame ?? .seconds(1), .milliseconds(250))
      if let event = terminal.nextEvent(timeout: wait) {
        if case .key = event { lastKey = Date() }
        dispatch(.input(event))
      }
      for action in inbox.drain() { dispatch(action) }
      let now = Date()
      if now.timeIntervalSince(lastTick) >= 1 {
        lastTick = now
        dispatch(.tick(now))
      }
      if !state.isClear, !state.busy, now.timeIntervalSince(lastKey) >= options.idle {
        dispatch(.idle)
      }
    }
  }

  private func dispatch(_ action: KioskAction) {
    let effects = KioskScreen.update(&state, action)
    dirty = true
    for effect in effects { run(effect) }
  }

  private func run(_ effect: KioskEffect) {
    let database = database
    let path = options.db
    let inbox = inbox
    let waker = terminal.waker
    queue.async {
      inbox.post(Self.perform(effect, database: database, path: path))
      waker.wake()
    }
  }

  /// Does one effect's work; returns the action it came to.
  private static func perform(_ effect: KioskEffect, database: AppDatabase, path: String) -> KioskAction {
    let service = KioskService(database: database)
    switch effect {
    case .query(let number, let password):
      do {
        return .accountLoaded(account(try service.query(number: number, password: password, at: Date())))
      } catch let error as KioskError {
        switch error {
        case .notFound: return .refused(.notFound)
        case .noPassword: return .refused(.noPassword)
        case .wrongPassword(let left): return .refused(.wrongPassword(attemptsLeft: left))
        case .locked(let until): return .refused(.locked(until: until))
        case .passwordTooShort: return .refused(.notFound)
        }
      } catch {
        return .refused(.failure("\(error)"))
      }
    case .freshRead(let id, let meter):
      let message: KioskMessage
      do {
        switch try service.freshRead(account: id, meter: meter, path: path, timeout: 20) {
        case .read: message = .readDone
        case .failed: message = .readFailed
        case .timedOut: message = .readTimedOut
        case .notAvailable: message = .readNotAvailable
        }
      } catch {
        message = .failure("\(error)")
      }
      let data = try? service.refresh(account: id, at: Date())
      return .readFinished(message, data.map(account))
    case .checkAdmin(let name, let password):
      let session = try? OperatorService(database: database).logIn(name: name, password: password, at: Date())
      if let session, session.role == .admin {
        try? database.appendAudit(
          AuditRecord(
            at: Date(), operator: name, action: "kiosk.exit", target: "kiosk", detail: "closed by admin"))
        return .adminAccepted
      }
      return .adminRefused
    }
  }

  /// The screen's view of the service's data.
  static func account(_ data: KioskAccountData) -> KioskAccount {
    KioskAccount(
      id: data.account.id, tenant: data.account.tenant, shop: data.account.shop,
      meters: data.meters.map { meter in
        KioskMeter(
          number: meter.summary.meter, shop: meter.summary.shop, remaining: meter.summary.remaining,
          readAt: meter.summary.readAt, status: meter.summary.status,
          keepPower: meter.summary.flags.contains(.keepPower),
          tripped: meter.summary.flags.contains(.tripped),
          tariffName: meter.tariffName, period: meter.period, price: meter.price)
      },
      recharges: data.ledger.map { entry in
        KioskRecharge(
          bill: entry.bill ?? 0, at: entry.createdAt, meter: entry.meter, kind: entry.kind,
          amount: Money(fen: entry.amountFen), payMethod: entry.payMethod)
      },
      days: data.days.map { KioskDay(day: $0.day, energy: $0.energy) }, topUp: data.topUp, at: data.at)
  }
}

/// Actions finished on the background queue, waiting for the loop.
private final class KioskInbox: @unchecked Sendable {
  private let lock = NSLock()
  private var actions: [KioskAction] = []

  func post(_ action: KioskAction) {
    lock.lock()
    actions.append(action)
    lock.unlock()
  }

  func drain() -> [KioskAction] {
    lock.lock()
    defer { lock.unlock() }
    let drained = actions
    actions.removeAll()
    return drained
  }
}

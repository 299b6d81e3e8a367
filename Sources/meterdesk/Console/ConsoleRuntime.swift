import Acquisition
import ConsoleBridge
import Domain
import Foundation
import Logging
import NIOConcurrencyHelpers
import Screens
import Services
import Store
import TerminalNcurses
import TerminalUI

/// The console's main loop: input and acquisition events in, effects out, frames at most
/// ~30 a second, asleep in `poll(2)` when nothing happens.
final class ConsoleRuntime {
  private let env: ConsoleEnvironment
  private let terminal: NcursesTerminal
  private var state: AppState
  private var running = true
  private var dirty = true
  private var limiter = FrameLimiter(maxPerSecond: 30)
  private let mailbox: EventMailbox
  private let inbox: NIOLockedValueBox<[BackgroundResult]>
  private let sales: ConsoleSales
  private let batch: ConsoleBatch
  private let commissioning: ConsoleCommissioning
  private let reports: ConsoleReports
  private let system: ConsoleSystem
  private var live = LiveMeterTable([])
  private var buildingNames: [String: String] = [:]
  private var busFraming: [String: String] = [:]
  private var pendingReads = 0
  private var lastTick = Date.distantPast
  private var lastViewerReload = Date()
  private var metersStale = false
  private var lastBusRefresh = Date.distantPast

  init(environment: ConsoleEnvironment, terminal: NcursesTerminal) throws {
    env = environment
    self.terminal = terminal
    let now = Date()
    let zone = TimeZone(identifier: try environment.database.siteSettings()?.timeZone ?? "") ?? .current
    state = AppState(
      language: environment.language, demoMode: environment.demo, size: terminal.size, now: now,
      clock: SiteClock(utcOffsetSeconds: zone.secondsFromGMT(for: now)))
    // Terminals that draw block characters double-width get "#" bars.
    state.asciiCharts = ProcessInfo.processInfo.environment["METERDESK_ASCII_CHARTS"] == "1"
    let waker = terminal.waker
    let inbox = NIOLockedValueBox<[BackgroundResult]>([])
    self.inbox = inbox
    sales = ConsoleSales(environment: environment) { result in
      inbox.withLockedValue { $0.append(result) }
      waker.wake()
    }
    batch = ConsoleBatch(environment: environment)
    commissioning = ConsoleCommissioning(environment: environment) { result in
      inbox.withLockedValue { $0.append(result) }
      waker.wake()
    }
    reports = ConsoleReports(environment: environment) { result in
      inbox.withLockedValue { $0.append(result) }
      waker.wake()
    }
    system = ConsoleSystem(environment: environment) { result in
      inbox.withLockedValue { $0.append(result) }
      waker.wake()
    }
    mailbox = EventMailbox { waker.wake() }
    environment.trace.setWake { waker.wake() }
    environment.engine?.subscribe(mailbox)
    environment.coordinator?.subscribe { event in
      inbox.withLockedValue { $0.append(.delivery(event)) }
      waker.wake()
    }
    for bus in try environment.database.buses() { busFraming[bus.name] = bus.framing }
    buildingNames = try environment.database.buildingNames()
  }

  /// Runs until the operator quits; the caller restores the terminal.
  func run() {
    if let holder = env.leaseHolder {
      env.logger.info("viewer mode: acquisition is held by \(holder)")
    }
    while running && !StopSignal.isRequested {
      let now = ContinuousClock.now
      if dirty, limiter.shouldDraw(now: now) {
        terminal.draw(AppView.render(state))
        dirty = false
      }
      let untilFrame = dirty ? limiter.delayUntilNextFrame(now: now) : nil
      let wait = min(untilFrame ?? .seconds(1), .milliseconds(500))
      if let event = terminal.nextEvent(timeout: wait) { dispatch(.input(event)) }
      drainBackground()
      tick()
    }
  }

  // MARK: - Loop steps

  private func dispatch(_ action: AppAction) {
    let effects = AppReducer.update(&state, action)
    dirty = true
    for effect in effects { perform(effect) }
  }

  private func drainBackground() {
    let events = mailbox.drain()
    var detailTouched = false
    for event in events where live.apply(event) {
      if case .reading(let meter, _, _) = event, meter == state.detail?.meter {
        detailTouched = true
      }
    }
    let changed = live.takeChanged()
    if !changed.isEmpty {
      dispatch(.metersUpdated(changed.map(gridRow)))
    }
    if detailTouched, let meter = state.detail?.meter, pendingReads == 0 {
      env.sink?.flush()
      loadDetail(meter)
    }
    for result in inbox.withLockedValue({ results in
      defer { results.removeAll() }
      return results
    }) {
      switch result {
      case .readFinished(let meter, let error):
        pendingReads = max(0, pendingReads - 1)
        updatePending()
        if error == nil {
          env.sink?.flush()
          if state.detail?.meter == meter { loadDetail(meter) }
        }
        dispatch(.readNowFinished(meter: meter, result: error))
      case .action(let action):
        dispatch(action)
      case .delivery(let event):
        if case .readFinished(let meter, _) = event, state.detail?.meter == meter { loadDetail(meter) }
        if case .batch(let job, _, _) = event {
          batch.meterSettled(job: job)
          metersStale = true  // keep-power and settings-drift marks changed in the store
        }
        apply(sales.delivery(event))
        if state.screen == .outbox { loadOutbox() }
      case .watchRead(let meter):
        commissioning.watchReadFinished()
        if commissioning.watched == meter,
          let data = try? MeterDetailService(database: env.database).detail(meter: meter)
        {
          dispatch(.meterWatched(ScreenModels.detail(data, buildingNames: buildingNames)))
        }
      case .retrySale(let meter, let amount, let pay):
        sell(meter: meter, amount: amount, pay: pay, retry: false)
      }
    }
    if let (bus, lines) = env.trace.take() { dispatch(.traceReceived(bus: bus, lines)) }
  }

  private func tick() {
    let now = Date()
    if now.timeIntervalSince(lastTick) >= 1 {
      lastTick = now
      dispatch(.clockTicked(now))
      if state.screen == .buses, now.timeIntervalSince(lastBusRefresh) >= 1 {
        lastBusRefresh = now
        loadBuses()
      }
    }
    apply(sales.tick(now: now))
    for action in batch.tick(now: now) { dispatch(action) }
    commissioning.tick(now: now)
    if state.session != nil, let status = system.tick(now: now) {
      dispatch(status)
      if state.screen == .alarms { system.perform(.loadAlarms, session: sales.session) }
    }
    let reloadEvery: TimeInterval = metersStale ? 1 : 5
    if env.engine == nil || metersStale, state.session != nil,
      now.timeIntervalSince(lastViewerReload) >= reloadEvery
    {
      metersStale = false
      lastViewerReload = now
      env.sink?.flush()  // the store holds every reading this console has seen before it is read back
      reloadFromStore()
    }
  }

  // MARK: - Effects

  private func perform(_ effect: Effect) {
    switch effect {
    case .logIn(let name, let password): logIn(name: name, password: password)
    case .loadMeters: loadMeters()
    case .loadDetail(let meter): loadDetail(meter)
    case .readNow(let meter): readNow(meter)
    case .loadBuses: loadBuses()
    case .watchTrace(let bus): env.trace.watch(bus)
    case .stopTrace: env.trace.watch(nil)
    case .sell(let meter, let amount, let pay):
      sell(meter: meter, amount: amount, pay: pay, retry: true)
    case .loadRecentSales(let meter):
      for action in sales.recentSales(meter: meter) { dispatch(action) }
    case .refund(let meter, let amount, let approval):
      takeBack(.refund, meter: meter, amount: amount, bill: nil, approval: approval)
    case .reverse(let bill, let meter, let approval):
      takeBack(.reversal, meter: meter, amount: nil, bill: bill, approval: approval)
    case .loadAccounts(let search):
      for action in sales.accounts(search: search) { dispatch(action) }
    case .openAccount(let opening):
      accountWork(sales.openAccount(opening, at: Date()))
    case .closeAccount(let account, let approval):
      accountWork(sales.closeAccount(account, approval: approval, at: Date()))
    case .printReceipt(let bill):
      let meter = sales.meter(of: bill)
      sales.print(bill: bill, meter: meter.flatMap { number in live.all.first { $0.meter == number } })
    case .quit: running = false
    case .runReport(let query): reports.run(query)
    case .exportReport(let query, let format): reports.export(query, format: format, by: sales.session?.name)
    case .printReport(let query): reports.print(query)
    case .loadShift: reports.loadShift(operator: sales.session?.name)
    case .closeShift(let counted, let remark):
      reports.closeShift(operator: sales.session?.name, counted: counted, remark: remark)
    case .logOut:
      env.logger.info("\(sales.session?.name ?? "?") logged out")
      sales.session = nil
      dispatch(.loggedOut)
    case .setQueryPassword, .changeOwnPassword, .loadOperators, .addOperator, .setOperatorDisabled,
      .resetOperatorPassword,
      .setOperatorRole, .loadAudit, .exportAudit, .loadSettings, .saveSettings, .loadAlarms,
      .acknowledgeAlarms:
      system.perform(effect, session: sales.session)
    case .loadOutbox: loadOutbox()
    case .readOutboxMeter(let bill, let meter): readForOutbox(bill: bill, meter: meter)
    case .resolveOutbox(let bill, let resolution, let approval):
      resolveOutbox(bill: bill, resolution, approval: approval)
    case .previewBatch(let operation, let target): dispatchAll(batch.preview(operation, target))
    case .startBatch(let operation, let target, let approval):
      dispatchAll(batch.start(operation, target, approval: approval, session: sales.session, at: Date()))
    case .loadBatchJobs: dispatchAll(batch.jobs())
    case .loadBatchJob(let job): dispatchAll(batch.load(job, now: Date()))
    case .retryBatchFailed(let job): dispatchAll(batch.retry(job, session: sales.session, at: Date()))
    case .exportBatchResults(let job): dispatchAll(batch.exportResults(job, at: Date()))
    case .scanBus(let bus, let from, let to): dispatchAll(commissioning.scan(bus: bus, from: from, to: to))
    case .watchMeter(let meter): commissioning.watch(meter)
    case .stopWatch: commissioning.watch(nil)
    case .relayTest(let meter, let approval):
      dispatchAll(commissioning.relayTest(meter: meter, approval: approval, session: sales.session))
    case .readRegisters(let meter, let function, let start, let count):
      dispatchAll(commissioning.readRegisters(meter: meter, function: function, start: start, count: count))
    }
  }

  private func dispatchAll(_ actions: [AppAction]) {
    for action in actions { dispatch(action) }
  }

  private func sell(meter: String, amount: Money, pay: PayMethod, retry: Bool) {
    for action in sales.sell(meter: meter, amount: amount, pay: pay, at: Date(), retry: retry) {
      dispatch(action)
    }
    updatePending()
    markPending()
  }

  /// Shows an account outcome and marks the meters of any queued recharge or settlement 待充.
  private func accountWork(_ actions: [AppAction]) {
    for action in actions { dispatch(action) }
    updatePending()
    markPending()
  }

  private func takeBack(
    _ mode: SaleMode, meter: String, amount: Money?, bill: Int64?, approval: SaleApproval?
  ) {
    let actions = sales.takeBack(
      mode, meter: meter, amount: amount, bill: bill, approval: approval, at: Date())
    for action in actions { dispatch(action) }
    updatePending()
    markPending()
  }

  /// Shows what the sales desk reported and refreshes the rows of meters whose sales settled.
  private func apply(_ outcome: (actions: [AppAction], meters: Set<String>)) {
    for action in outcome.actions { dispatch(action) }
    if state.pendingWork != pendingReads + sales.inFlight { updatePending() }
    guard !outcome.meters.isEmpty else { return }
    env.sink?.flush()
    updatePending()
    let rows = live.all.filter { outcome.meters.contains($0.meter) }.map(gridRow)
    if !rows.isEmpty { dispatch(.metersUpdated(rows)) }
  }

  private func markPending() {
    let pending = sales.pendingMeters
    let rows = live.all.filter { pending.contains($0.meter) }.map(gridRow)
    if !rows.isEmpty { dispatch(.metersUpdated(rows)) }
  }

  private func updatePending() {
    dispatch(.pendingWorkChanged(pendingReads + sales.inFlight))
  }

  /// A grid row, marked 待充 while this console still delivers a sale to the meter.
  private func gridRow(_ summary: MeterSummary) -> GridMeter {
    var row = ScreenModels.grid(summary, buildingNames: buildingNames)
    if sales.pendingMeters.contains(summary.meter) { row.flags.insert(.pendingRecharge) }
    return row
  }

  private func logIn(name: String, password: String) {
    do {
      let session = try OperatorService(database: env.database)
        .logIn(name: name, password: password, at: Date())
      env.logger.info("operator \(name) logged in as \(session.role.rawValue)")
      sales.session = session
      dispatch(.loggedIn(OperatorSession(name: session.name, role: session.role)))
      if let cap = try env.database.siteSettings()?.hoardingCapFen {
        dispatch(.hoardingCapLoaded(Money(fen: cap)))
      }
    } catch let error as OperatorError {
      env.logger.notice("log-in refused for \(name): \(error)")
      switch error {
      case .lockedOut(let until): dispatch(.loginRefused(.lockedUntil(until)))
      case .disabled: dispatch(.loginRefused(.disabled))
      default: dispatch(.loginRefused(.wrongPassword(attemptsLeft: nil)))
      }
    } catch {
      dispatch(.loginRefused(.other("\(error)")))
    }
  }

  private func loadMeters() {
    do {
      let meters = try MeterQueryService(database: env.database).meters()
      live = LiveMeterTable(meters)
      dispatch(.metersLoaded(meters.map(gridRow)))
    } catch {
      report("loading meters failed: \(error)")
    }
  }

  private func reloadFromStore() {
    do {
      live.reload(try MeterQueryService(database: env.database).meters())
    } catch {
      env.logger.error("viewer reload failed: \(error)")
    }
  }

  private func loadDetail(_ meter: String) {
    do {
      guard let data = try MeterDetailService(database: env.database).detail(meter: meter) else {
        return report("no meter \(meter)")
      }
      dispatch(.detailLoaded(ScreenModels.detail(data, buildingNames: buildingNames)))
    } catch {
      report("loading meter \(meter) failed: \(error)")
    }
  }

  private func readNow(_ meter: String) {
    pendingReads += 1
    dispatch(.pendingWorkChanged(pendingReads + sales.inFlight))
    let inbox = self.inbox
    let waker = terminal.waker
    let finish: @Sendable (String?) -> Void = { text in
      inbox.withLockedValue { $0.append(.readFinished(meter: meter, error: text)) }
      waker.wake()
    }
    guard let engine = env.engine else {
      // A viewer asks the lease holder through the database and its doorbell.
      let requests = env.requests
      let name = sales.session?.name ?? "console"
      DispatchQueue.global().async {
        do {
          finish(try requests.read(meter: meter, by: name, timeout: 15).errorText)
        } catch {
          finish("\(error)")
        }
      }
      return
    }
    engine.readNow(meter: meter).whenComplete { result in
      var text: String?
      if case .failure(let error) = result { text = "\(error)" }
      finish(text)
    }
  }

  private func loadBuses() {
    guard let engine = env.engine else {
      let rows = busFraming.keys.sorted().map { name -> BusRow in
        let meters = live.all.filter { $0.bus == name }
        let online = meters.filter(\.online).count
        return BusRow(
          name: name, framing: busFraming[name] ?? "", endpoint: "", meters: meters.count,
          online: online, offline: meters.count - online,
          lastError: "viewer: acquisition runs in \(env.leaseHolder ?? "another process")")
      }
      dispatch(.busesLoaded(rows))
      return
    }
    guard let stats = try? engine.statistics().wait() else { return }
    dispatch(
      .busesLoaded(stats.map { ScreenModels.bus($0, framing: busFraming[$0.bus] ?? "") }))
  }

  private func loadOutbox() {
    do {
      let desk = OutboxDeskService(database: env.database)
      dispatch(.outboxLoaded(try desk.entries().map(ScreenModels.outbox)))
      let flags = try desk.restoreFlags().map { flag in
        RestoreFlagRow(meter: flag.meter, expectedCount: flag.expectedCount, meterCount: flag.meterCount)
      }
      dispatch(.restoreFlagsLoaded(flags))
    } catch {
      report("loading the undelivered entries failed: \(error)")
    }
  }

  /// A fresh read of a conflicting entry's meter (here or through the lease holder), then its values.
  private func readForOutbox(bill: Int64, meter: String) {
    let database = env.database
    let requests = env.requests
    let engine = env.engine
    let sink = env.sink
    let name = sales.session?.name ?? "console"
    let inbox = self.inbox
    let waker = terminal.waker
    DispatchQueue.global().async {
      var problem: String?
      do {
        if let engine {
          _ = try engine.readNow(meter: meter).wait()
          sink?.flush()
        } else {
          problem = try requests.read(meter: meter, by: name, timeout: 15).errorText
        }
      } catch {
        problem = "\(error)"
      }
      var read: OutboxFreshRead?
      if problem == nil, let state = try? database.meterStates()[meter], let count = state.purchaseCount,
        let remaining = state.remainingFen, let at = state.readAt
      {
        read = OutboxFreshRead(purchaseCount: count, remaining: Money(fen: remaining), at: at)
      }
      let action = AppAction.outboxMeterRead(
        bill: bill, read: read, error: read == nil ? (problem ?? "no reading stored") : nil)
      inbox.withLockedValue { $0.append(.action(action)) }
      waker.wake()
    }
  }

  private func resolveOutbox(bill: Int64, _ resolution: OutboxResolution, approval: SaleApproval?) {
    guard let session = sales.session else { return }
    var approver: Session?
    if let approval {
      do {
        approver = try OperatorService(database: env.database)
          .logIn(name: approval.name, password: approval.password, at: Date())
      } catch {
        env.logger.notice("approval by \(approval.name) refused: \(error)")
        return dispatch(.outboxResolved(bill: bill, error: Strings(env.language)[SaleText.supervisorRefused]))
      }
    }
    guard let how = OutboxDeskResolution(rawValue: resolution.rawValue) else { return }
    do {
      let record = try OutboxDeskService(database: env.database)
        .resolve(bill: bill, how, session: session, approvedBy: approver, at: Date())
      env.logger.info(
        "bill \(bill) resolved \(how.rawValue) by \(session.name): now \(record.status.rawValue)")
      if how == .retry { env.wakeDelivery() }
      dispatch(.outboxResolved(bill: bill, error: nil))
      apply(sales.refresh())
    } catch {
      env.logger.notice("resolving bill \(bill) as \(how.rawValue) refused: \(error)")
      dispatch(.outboxResolved(bill: bill, error: ConsoleText.describe(error, env.language)))
    }
  }

  private func report(_ message: String) {
    env.logger.error("\(message)")
    dispatch(.errorReported(message))
  }
}

/// Work finished on another thread, handed to the console loop.
enum BackgroundResult: Sendable {
  /// A read-now finished, with the error text when it failed.
  case readFinished(meter: String, error: String?)
  /// An action to dispatch as it is (sale progress, printing outcomes).
  case action(AppAction)
  /// A sale waited for a read of its meter; sell once more (no further retry).
  case retrySale(meter: String, amount: Money, pay: PayMethod)
  /// The site's delivery coordinator (in this process) reported progress.
  case delivery(DeliveryEvent)
  /// A live-watch read of a meter ended; its stored state is current.
  case watchRead(meter: String)
}

import Domain
import Foundation
import TerminalUI

/// The root reducer: routes actions to the screens, handles global keys, overlays and navigation.
public enum AppReducer {
  /// Applies `action` to `state` and returns the effects for the runtime to perform.
  public static func update(_ state: inout AppState, _ action: AppAction) -> [Effect] {
    switch action {
    case .input(.key(let key)):
      return keyPressed(key, &state)
    case .input(.mouse(let x, let y, let button)):
      return mouse(x: x, y: y, button: button, &state)
    case .input(.resize(let size)):
      resize(to: size, &state)
      return []
    case .clockTicked(let now):
      state.now = now
      _ = GridScreen.update(&state.grid, .clockTicked(now))
      _ = BusesScreen.update(&state.buses, .clockTicked(now))
      updateDetail(&state, .clockTicked(now))
      return updateSale(&state, .clockTicked(now))
    case .loggedIn(let session):
      state.session = session
      state.login = LoginState(demoMode: state.demoMode, clock: state.clock)
      state.screen = .grid
      return [.loadMeters]
    case .loginRefused(let refusal):
      return LoginScreen.update(&state.login, .loginRefused(refusal))
    case .metersLoaded(let meters):
      state.lastRefresh = state.now
      return GridScreen.update(&state.grid, .metersLoaded(meters))
    case .metersUpdated(let meters):
      state.lastRefresh = state.now
      updateDetail(&state, .metersUpdated(meters))
      return updateSale(&state, .metersUpdated(meters))
        + GridScreen.update(&state.grid, .metersUpdated(meters))
    case .detailLoaded(let detail):
      updateDetail(&state, .detailLoaded(detail))
      return []
    case .readNowFinished(let meter, let result):
      updateDetail(&state, .readNowFinished(meter: meter, result: result))
      return GridScreen.update(&state.grid, .readNowFinished(meter: meter, result: result))
    case .busesLoaded(let buses):
      return BusesScreen.update(&state.buses, .busesLoaded(buses))
    case .traceReceived(let bus, let lines):
      return BusesScreen.update(&state.buses, .traceReceived(bus: bus, lines))
    case .pendingWorkChanged(let count):
      state.pendingWork = max(0, count)
      return []
    case .hoardingCapLoaded(let cap):
      state.hoardingCap = cap
      return []
    case .saleRecorded(let receipt):
      return updateSale(&state, .saleRecorded(receipt))
    case .recentSalesLoaded(let meter, let sales):
      return updateSale(&state, .recentSalesLoaded(meter: meter, sales))
    case .saleRefused(let reason):
      return updateSale(&state, .saleRefused(reason))
    case .saleProgress(let bill, let progress):
      return updateSale(&state, .saleProgress(bill: bill, progress))
    case .receiptPrinted(let bill, let outcome):
      return updateSale(&state, .receiptPrinted(bill: bill, outcome))
    case .accountsLoaded(let rows):
      return updateAccounts(&state, .accountsLoaded(rows))
    case .accountOpened(let account, let bill):
      return updateAccounts(&state, .accountOpened(account: account, firstSale: bill))
    case .accountClosed(let account, let settlements):
      return updateAccounts(&state, .accountClosed(account: account, settlements: settlements))
    case .accountRefused(let reason):
      return updateAccounts(&state, .accountRefused(reason))
    case .outboxLoaded(let rows):
      return updateOutbox(&state, .outboxLoaded(rows))
    case .outboxMeterRead(let bill, let read, let error):
      return updateOutbox(&state, .meterRead(bill: bill, read: read, error: error))
    case .outboxResolved(let bill, let error):
      return updateOutbox(&state, .resolved(bill: bill, error: error))
    case .batchPreviewed(let preview):
      return updateBatch(&state, .previewed(preview))
    case .batchRefused(let reason):
      return updateBatch(&state, .refused(reason))
    case .batchStarted(let job):
      return updateBatch(&state, .started(job))
    case .batchProgress(let progress):
      return batchProgressed(progress, &state)
    case .batchResults(let job, let rows):
      return updateBatch(&state, .results(job: job, rows))
    case .batchJobsLoaded(let rows):
      return updateBatch(&state, .jobsLoaded(rows))
    case .batchExported(let path, let error):
      return updateBatch(&state, .exported(path: path, error: error))
    case .scanProgress(let bus, let address):
      return BusesScreen.update(&state.buses, .scanProgress(bus: bus, address: address))
    case .scanFinished(let bus, let rows, let error):
      return BusesScreen.update(&state.buses, .scanFinished(bus: bus, rows, error: error))
    case .meterWatched(let detail):
      return BusesScreen.update(&state.buses, .meterWatched(detail))
    case .relayTestStep(let meter, let step, let ok):
      return BusesScreen.update(&state.buses, .relayTestStep(meter: meter, step: step, ok: ok))
    case .relayTestFinished(let meter, let ok, let detail):
      return BusesScreen.update(&state.buses, .relayTestFinished(meter: meter, ok: ok, detail: detail))
    case .registersRead(let meter, let rows, let error):
      return BusesScreen.update(&state.buses, .registersRead(meter: meter, rows, error: error))
    case .reports(let action):
      return updateReports(&state, action)
    case .system(let action):
      return updateSystem(&state, action)
    case .alarms(let action):
      return updateAlarms(&state, action)
    case .alarmStatusChanged(let status):
      state.alarmStatus = status
      return []
    case .loggedOut:
      return logOut(&state)
    case .accountQueryPasswordSet(let account, let error):
      return updateAccounts(&state, .queryPasswordSet(account: account, error: error))
    case .restoreFlagsLoaded(let flags):
      return updateOutbox(&state, .restoreFlagsLoaded(flags))
    case .errorReported(let text):
      state.overlay = .message(text)
      return []
    }
  }

  private static func updateDetail(_ state: inout AppState, _ action: DetailAction) {
    guard var detail = state.detail else { return }
    _ = DetailScreen.update(&detail, action)
    state.detail = detail
  }

  private static func resize(to size: Size, _ state: inout AppState) {
    state.size = size
    let content = AppLayout.contentSize(size)
    _ = GridScreen.update(&state.grid, .resized(content))
    updateDetail(&state, .resized(content))
    _ = BusesScreen.update(&state.buses, .resized(content))
    _ = updateOutbox(&state, .resized(content))
    _ = updateBatch(&state, .resized(content))
    _ = updateReports(&state, .resized(content))
    _ = updateSystem(&state, .resized(content))
    _ = updateAlarms(&state, .resized(content))
  }

  /// Routes a key: overlay first, then global keys, then the current screen.
  static func keyPressed(_ key: Key, _ state: inout AppState) -> [Effect] {
    if state.overlay != nil { return overlayKey(key, &state) }
    switch key {
    case .function(10), .control("c"):
      return requestQuit(&state)
    case .function(1):
      state.overlay = .help
      return []
    case .character("?") where !acceptsText(state):
      state.overlay = .help
      return []
    default:
      break
    }
    guard state.session != nil else {
      return LoginScreen.update(&state.login, .keyPressed(key))
    }
    switch key {
    case .function(2):
      return openSale(&state)
    case .function(8):
      guard canOpenBuses(state), state.screen != .buses else { return [] }
      let effects = leaveScreen(&state)
      state.screen = .buses
      _ = BusesScreen.update(&state.buses, .opened(role: state.session?.role, meters: state.grid.meters))
      _ = BusesScreen.update(&state.buses, .clockTicked(state.now))
      return effects + [.loadBuses]
    case .function(3) where state.screen == .accounts:
      return updateAccounts(&state, .keyPressed(key))
    case .function(3), .function(4):
      var effects: [Effect] = []
      if state.screen != .grid { effects = leaveScreen(&state) }
      state.screen = .grid
      return effects + routeGrid(.keyPressed(key), &state)
    case .escape where !capturesEscape(state):
      return leaveScreen(&state)
    case .character("a") where state.screen == .grid && !state.grid.acceptsText && !state.grid.capturesEscape:
      return openAccounts(&state)
    case .function(9) where state.screen == .grid:
      return openOutbox(&state)
    case .function(6) where state.screen == .grid:
      return openBatch(&state)
    case .function(7) where state.screen != .reports && canOpenReports(state):
      return leaveScreen(&state) + openReports(&state)
    case .function(11) where state.screen != .system:
      return leaveScreen(&state) + openSystem(&state)
    case .function(12) where state.screen != .alarms:
      return leaveScreen(&state) + openAlarms(&state)
    default:
      return routeToScreen(key, &state)
    }
  }

  private static func routeToScreen(_ key: Key, _ state: inout AppState) -> [Effect] {
    switch state.screen {
    case .login:
      return LoginScreen.update(&state.login, .keyPressed(key))
    case .grid:
      return routeGrid(.keyPressed(key), &state)
    case .detail:
      guard var detail = state.detail else { return [] }
      let effects = DetailScreen.update(&detail, .keyPressed(key))
      state.detail = detail
      return effects
    case .buses:
      return BusesScreen.update(&state.buses, .keyPressed(key))
    case .sale:
      return updateSale(&state, .keyPressed(key))
    case .accounts:
      return updateAccounts(&state, .keyPressed(key))
    case .outbox:
      return updateOutbox(&state, .keyPressed(key))
    case .batch:
      return updateBatch(&state, .keyPressed(key))
    case .reports:
      return updateReports(&state, .keyPressed(key))
    case .system:
      return updateSystem(&state, .keyPressed(key))
    case .alarms:
      return updateAlarms(&state, .keyPressed(key))
    }
  }

  /// Sends an action to the grid; a `.loadDetail` it returns opens the detail screen.
  static func routeGrid(_ action: GridAction, _ state: inout AppState) -> [Effect] {
    let effects = GridScreen.update(&state.grid, action)
    for case .loadDetail(let meter) in effects {
      state.detail = DetailState(
        meter: meter, size: AppLayout.contentSize(state.size), now: state.now, clock: state.clock)
      state.screen = .detail
    }
    return effects
  }

  /// Goes back from the current screen to the grid, stopping a trace if one runs.
  static func leaveScreen(_ state: inout AppState) -> [Effect] {
    switch state.screen {
    case .login, .grid:
      return []
    case .detail:
      state.screen = .grid
      state.detail = nil
      return []
    case .sale:
      state.screen = state.saleReturn == .detail && state.detail != nil ? .detail : .grid
      state.sale = nil
      return []
    case .accounts:
      state.screen = .grid
      state.accounts = nil
      return []
    case .outbox:
      state.screen = .grid
      state.outbox = nil
      return []
    case .batch:
      state.screen = .grid
      state.batch = nil
      return []
    case .reports:
      state.screen = .grid
      state.reports = nil
      return []
    case .system:
      state.screen = .grid
      state.system = nil
      return []
    case .alarms:
      state.screen = .grid
      state.alarms = nil
      return []
    case .buses:
      state.screen = .grid
      return BusesScreen.leave(&state.buses)
    }
  }

  /// F10: quit at once when nothing is pending, else ask.
  static func requestQuit(_ state: inout AppState) -> [Effect] {
    if state.pendingWork > 0 {
      state.overlay = .quitConfirmation(selected: 1)
      return []
    }
    return [.quit]
  }

  /// True when the current screen takes typed characters (so `?` is text).
  static func acceptsText(_ state: AppState) -> Bool {
    switch state.screen {
    case .login: true
    case .grid: state.grid.acceptsText || state.session == nil
    case .sale: state.sale?.acceptsText ?? false
    case .accounts: state.accounts?.acceptsText ?? false
    case .outbox: state.outbox?.acceptsText ?? false
    case .batch: state.batch?.acceptsText ?? false
    case .reports: state.reports?.acceptsText ?? false
    case .system: state.system?.acceptsText ?? false
    case .alarms: false
    case .buses: state.buses.acceptsText || state.session == nil
    case .detail: state.session == nil
    }
  }

  /// True when the current screen uses Esc itself (closing search, menu or trace).
  static func capturesEscape(_ state: AppState) -> Bool {
    switch state.screen {
    case .login, .detail: false
    case .grid: state.grid.capturesEscape
    case .buses: state.buses.capturesEscape
    case .sale: state.sale?.capturesEscape ?? false
    case .accounts: state.accounts?.capturesEscape ?? false
    case .outbox: state.outbox?.capturesEscape ?? false
    case .batch: state.batch?.capturesEscape ?? false
    case .reports: state.reports?.capturesEscape ?? false
    case .system: state.system?.capturesEscape ?? false
    case .alarms: false
    }
  }

  /// Whether the operator may open the bus view (electricians and admins).
  static func canOpenBuses(_ state: AppState) -> Bool {
    state.session?.role.allows(.commissionBuses) ?? false
  }
}

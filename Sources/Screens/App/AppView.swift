import Domain
import TerminalUI

/// Renders the whole console: title row, the current screen, status line, F-key bar and overlays.
public enum AppView {
  /// The frame for `state` at `state.size`.
  public static func render(_ state: AppState) -> Buffer {
    let size = state.size
    var buffer = Buffer(size: size)
    guard size.width > 0, size.height > 0 else { return buffer }
    let strings = Strings(state.language)
    drawTitle(state, into: &buffer, strings: strings)
    let content = AppLayout.contentSize(size)
    if content.height > 0 {
      buffer.blit(screen(state, size: content), x: 0, y: AppLayout.contentTop)
    }
    if size.height >= 2 {
      statusLine(state, strings: strings).render(
        into: &buffer, rect: Rect(x: 0, y: size.height - 2, width: size.width, height: 1))
    }
    fKeyBar(state).render(into: &buffer, rect: Rect(x: 0, y: size.height - 1, width: size.width, height: 1))
    switch state.overlay {
    case .help?:
      HelpScreen.render(
        HelpScreen.entries(for: state.screen, role: state.session?.role), into: &buffer,
        area: screenRect(size), language: state.language
      )
    case .quitConfirmation?:
      quitDialog(state).render(into: &buffer, in: screenRect(size))
    case .message(let text)?:
      Dialog(
        title: strings[CommonText.errorTitle], lines: [text], buttons: [strings[CommonText.ok]], role: .dialog
      )
      .render(into: &buffer, in: screenRect(size))
    case nil:
      break
    }
    return buffer
  }

  private static func screen(_ state: AppState, size: Size) -> Buffer {
    switch state.screen {
    case .login: LoginScreen.view(state.login, size: size, language: state.language)
    case .grid: GridScreen.view(state.grid, size: size, language: state.language)
    case .detail:
      state.detail.map { DetailScreen.view($0, size: size, language: state.language) } ?? Buffer(size: size)
    case .buses: BusesScreen.view(state.buses, size: size, language: state.language)
    case .sale:
      state.sale.map { SaleScreen.view($0, size: size, language: state.language) } ?? Buffer(size: size)
    case .accounts:
      state.accounts.map {
        AccountsScreen.view(
          $0, meters: state.grid.meters, now: state.now, size: size, language: state.language)
      } ?? Buffer(size: size)
    case .outbox:
      state.outbox.map { OutboxScreen.view($0, now: state.now, size: size, language: state.language) }
        ?? Buffer(size: size)
    case .reports:
      state.reports.map { ReportsScreen.view($0, size: size, language: state.language) } ?? Buffer(size: size)
    case .system:
      state.system.map { SystemScreen.view($0, size: size, language: state.language) } ?? Buffer(size: size)
    case .alarms:
      state.alarms.map { AlarmsScreen.view($0, clock: state.clock, size: size, language: state.language) }
        ?? Buffer(size: size)
    case .batch:
      state.batch.map {
        BatchScreen.view(
          $0, running: AppReducer.newestRunningBatch(state), clock: state.clock, size: size,
          language: state.language)
      } ?? Buffer(size: size)
    }
  }

  /// The area overlays centre in: everything above the status line.
  static func screenRect(_ size: Size) -> Rect {
    Rect(x: 0, y: 0, width: size.width, height: max(0, size.height - 2))
  }

  private static func drawTitle(_ state: AppState, into buffer: inout Buffer, strings: Strings) {
    let names: [ScreenID: CommonText] = [
      .login: .screenLogin, .grid: .screenGrid, .detail: .screenDetail, .buses: .screenBuses,
      .sale: .screenSale, .accounts: .screenAccounts, .outbox: .screenOutbox,
    ]
    let screenName =
      switch state.screen {
      case .batch: strings[BatchText.screenTitle]
      case .reports: strings[ReportText.screenTitle]
      case .system: strings[SystemText.screenTitle]
      case .alarms: strings[AlarmText.screenTitle]
      default: strings[names[state.screen] ?? .screenGrid]
      }
    let title = strings[CommonText.appTitle] + " · " + screenName
    StatusLine(left: " " + title, right: state.clock.dateTime(state.now) + " ", role: .title)
      .render(into: &buffer, rect: Rect(x: 0, y: 0, width: buffer.size.width, height: 1))
  }

  /// The status line: operator and role, meter and offline counts, tags; pending work, last refresh.
  static func statusLine(_ state: AppState, strings: Strings) -> StatusLine {
    guard let session = state.session else {
      return StatusLine(left: " " + strings[CommonText.notLoggedIn], right: "")
    }
    var left = [strings.format(CommonText.operatorLabel, session.name, strings.role(session.role))]
    if state.grid.loaded {
      left.append(strings.format(CommonText.meterCount, Format.grouped(state.grid.meters.count)))
      let offline = state.grid.counts[.offline] ?? 0
      if offline > 0 { left.append(strings.status(.offline) + " \(offline)") }
      if !state.grid.tagged.isEmpty {
        left.append(strings.format(GridText.tagged, "\(state.grid.tagged.count)"))
      }
    }
    var right: [String] = []
    if state.alarmStatus.active > 0 {
      var text = strings.format(AlarmText.statusCount, "\(state.alarmStatus.active)")
      if let newest = state.alarmStatus.newest, state.alarmStatus.unacknowledged > 0 {
        text =
          strings.format(AlarmText.statusNew, AlarmsScreen.kindName(newest.kind, strings), newest.place)
          + " · " + text
      }
      right.append(text)
    }
    if let batch = batchStatus(state, strings: strings) { right.append(batch) }
    if state.pendingWork > 0 { right.append(strings.format(CommonText.pendingWork, "\(state.pendingWork)")) }
    right.append(
      strings.format(
        CommonText.lastRefresh, state.lastRefresh.map { state.clock.hms($0) } ?? strings[CommonText.never]))
    return StatusLine(left: " " + left.joined(separator: " · "), right: right.joined(separator: " · ") + " ")
  }

  /// The running batch job on the status line: "批量 电价下发 120/324", its failures, other jobs running.
  static func batchStatus(_ state: AppState, strings: Strings) -> String? {
    guard let job = AppReducer.newestRunningBatch(state) else { return nil }
    var text = strings.format(
      BatchText.statusLine, BatchScreen.operationName(job.operation, strings), "\(job.processed)",
      "\(job.total)")
    if job.failed > 0, state.size.width >= 100 {
      text += " " + strings.format(BatchText.statusFailed, "\(job.failed)")
    }
    if state.runningBatches.count > 1 {
      text += " " + strings.format(BatchText.statusMore, "\(state.runningBatches.count - 1)")
    }
    return text
  }

  /// The F-key bar for the current state: only the keys that do something on the current screen for the
  /// logged-in operator (F2 stays, greyed, where it explains why no sale can start).
  public static func fKeyBar(_ state: AppState) -> FKeyBar {
    let strings = Strings(state.language)
    var items = [FKeyItem(key: 1, label: strings[CommonText.fHelp])]
    if state.session != nil, state.screen != .login {
      let screen = state.screen
      if screen == .grid || screen == .detail {
        items.append(
          FKeyItem(key: 2, label: strings[CommonText.fSale], enabled: AppReducer.canOpenSale(state)))
      }
      items.append(FKeyItem(key: 3, label: strings[CommonText.fSearch]))
      items.append(FKeyItem(key: 4, label: strings[CommonText.fFilter]))
      switch screen {
      case .grid, .detail: items.append(FKeyItem(key: 5, label: strings[CommonText.fRead]))
      case .buses, .outbox, .reports, .alarms:
        items.append(FKeyItem(key: 5, label: strings[CommonText.fRefresh]))
      case .system:
        switch state.system?.tab {
        case .operators?, .audit?, .settings?:
          items.append(FKeyItem(key: 5, label: strings[CommonText.fRefresh]))
        default: break
        }
      case .batch:
        switch state.batch?.phase {
        case .job?, .jobs?: items.append(FKeyItem(key: 5, label: strings[CommonText.fRefresh]))
        default: break
        }
      case .login, .sale, .accounts: break
      }
      if screen == .grid, AppReducer.canOpenBatch(state) {
        items.append(FKeyItem(key: 6, label: strings[BatchText.fBatch]))
      }
      if AppReducer.canOpenReports(state), screen != .reports {
        items.append(FKeyItem(key: 7, label: strings[ReportText.fReports]))
      }
      if AppReducer.canOpenBuses(state), screen != .buses {
        items.append(FKeyItem(key: 8, label: strings[CommonText.fBuses]))
      }
      if screen == .grid, AppReducer.canOpenOutbox(state) {
        items.append(FKeyItem(key: 9, label: strings[CommonText.fOutbox]))
      }
      if screen != .system { items.append(FKeyItem(key: 11, label: strings[SystemText.fSystem])) }
      if screen != .alarms { items.append(FKeyItem(key: 12, label: strings[AlarmText.fAlarms])) }
    }
    items.append(FKeyItem(key: 10, label: strings[CommonText.fQuit]))
    return FKeyBar(items: items)
  }

  /// The quit confirmation dialog.
  static func quitDialog(_ state: AppState) -> Dialog {
    let strings = Strings(state.language)
    let selected: Int
    if case .quitConfirmation(let index)? = state.overlay { selected = index } else { selected = 1 }
    return Dialog(
      title: strings[CommonText.quitTitle],
      lines: [strings.format(CommonText.quitPending, "\(state.pendingWork)"), strings[CommonText.quitAsk]],
      buttons: [strings[CommonText.quitYes], strings[CommonText.quitNo]], selected: selected, role: .dialog)
  }
}

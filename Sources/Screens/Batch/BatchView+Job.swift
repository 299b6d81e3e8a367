import Domain
import TerminalUI

extension BatchScreen {
  /// A job: title and state, progress bar with counts, the meter being worked on and time left, the counts
  /// per bus and the per-meter results.
  static func drawJob(_ state: BatchState, into buffer: inout Buffer, strings: Strings) {
    let size = buffer.size
    let job = state.shownJob ?? 0
    let progress = state.progress
    let name = progress.map { operationName($0.operation, strings) } ?? ""
    let finished = progress?.finished ?? false
    StatusLine(
      left: " " + strings.format(BatchText.jobTitle, "\(job)", name),
      right: (progress == nil ? "" : strings[finished ? BatchText.finished : BatchText.running]) + " ",
      role: .header
    ).render(into: &buffer, rect: Rect(x: 0, y: 0, width: size.width, height: 1))
    let width = max(0, size.width - 2)
    if let progress {
      let left = max(0, progress.total - progress.processed)
      let counts = strings.format(
        BatchText.counts, Format.grouped(progress.done), Format.grouped(progress.failed),
        Format.grouped(progress.skipped), Format.grouped(left), Format.grouped(progress.total))
      let fraction =
        progress.total > 0 ? Double(progress.processed) / Double(progress.total) : (finished ? 1 : 0)
      ProgressBar(fraction: fraction, label: counts).render(
        into: &buffer, rect: Rect(x: 1, y: 1, width: width, height: 1))
      buffer.write(
        currentLine(progress, strings), x: 1, y: 2, role: finished ? .success : .info, maxWidth: width)
    } else {
      buffer.write(strings[BatchText.waitingProgress], x: 1, y: 1, role: .dim, maxWidth: width)
    }
    drawPerBus(state, into: &buffer, strings: strings)
    drawResults(state, into: &buffer, strings: strings)
    footer(state, hint: strings[BatchText.jobHint], into: &buffer, strings: strings)
  }

  private static func currentLine(_ progress: BatchProgressModel, _ strings: Strings) -> String {
    guard !progress.finished else { return strings[BatchText.allTried] }
    var parts: [String] = []
    if let current = progress.current { parts.append(strings.format(BatchText.current, current)) }
    if let seconds = progress.secondsLeft {
      parts.append(strings.format(BatchText.timeLeft, duration(seconds, strings)))
    }
    return parts.joined(separator: " · ")
  }

  private static func drawPerBus(_ state: BatchState, into buffer: inout Buffer, strings: Strings) {
    let buses = state.progress?.perBus ?? []
    let columns = [
      TableColumn(title: strings[BatchText.colBus], width: 0),
      TableColumn(title: strings[BatchText.colDone], width: 6, alignment: .right),
      TableColumn(title: strings[BatchText.colFailed], width: 6, alignment: .right),
      TableColumn(title: strings[BatchText.colLeft], width: 6, alignment: .right),
    ]
    let table = Table(columns: columns, rowCount: buses.count, showsMarkers: false) { index in
      let bus = buses[index]
      let role: StyleRole = bus.left == 0 ? (bus.failed > 0 ? .warning : .success) : .normal
      return TableRow(
        cells: [bus.bus, Format.grouped(bus.done), Format.grouped(bus.failed), Format.grouped(bus.left)],
        role: role, cellRoles: bus.failed > 0 ? [2: .error] : [:])
    }
    var tableState = TableState()
    tableState.selected = -1
    table.render(into: &buffer, rect: state.perBusRect, state: tableState, focused: false)
  }

  private static func drawResults(_ state: BatchState, into buffer: inout Buffer, strings: Strings) {
    let rect = state.resultsRect
    guard rect.height > 0 else { return }
    let rows = state.results
    let columns = [
      TableColumn(title: strings[BatchText.colMeter], width: 12),
      TableColumn(title: strings[BatchText.colBus], width: 6),
      TableColumn(title: strings[BatchText.colStatus], width: 7),
      TableColumn(title: strings[BatchText.colReason], width: 0),
    ]
    let table = Table(columns: columns, rowCount: rows.count, showsMarkers: false) { index in
      let row = rows[index]
      let statusName = statusName(row.status, strings)
      return TableRow(
        cells: [row.meter, row.bus, statusName, row.reason ?? ""], cellRoles: [2: statusRole(row.status)])
    }
    table.render(into: &buffer, rect: rect, state: state.resultsTable)
    if rows.isEmpty, rect.height > 1 {
      buffer.write(
        strings[BatchText.loadingResults], x: rect.x + 1, y: rect.y + 1, role: .dim, maxWidth: rect.width - 2)
    }
  }

  static func statusRole(_ status: BatchItemStatus) -> StyleRole {
    switch status {
    case .queued: .dim
    case .done: .success
    case .failed: .error
    case .skipped: .warning
    }
  }

  /// The jobs list: number, operation, who ran it and who approved, when, counts and state.
  static func drawJobs(_ state: BatchState, clock: SiteClock, into buffer: inout Buffer, strings: Strings) {
    let size = buffer.size
    StatusLine(
      left: " " + strings.format(BatchText.jobsTitle, "\(state.jobs.count)"), right: "", role: .header
    ).render(into: &buffer, rect: Rect(x: 0, y: 0, width: size.width, height: 1))
    if state.jobs.isEmpty {
      buffer.write(
        strings[state.jobsLoaded ? BatchText.jobsEmpty : BatchText.jobsLoading],
        in: Rect(x: 0, y: min(size.height - 1, 3), width: size.width, height: 1), role: .dim,
        alignment: .center)
    } else {
      let fitted = jobColumns(width: size.width, strings: strings)
      let ids = fitted.map(\.id)
      let jobs = state.jobs
      let table = Table(columns: fitted.map(\.column), rowCount: jobs.count, showsMarkers: false) { index in
        let job = jobs[index]
        var roles: [Int: StyleRole] = [:]
        if let column = ids.firstIndex(of: .failed), job.failed > 0 { roles[column] = .error }
        if let column = ids.firstIndex(of: .state) { roles[column] = job.finished ? .success : .info }
        return TableRow(cells: ids.map { jobCell($0, job, clock: clock, strings: strings) }, cellRoles: roles)
      }
      table.render(into: &buffer, rect: state.jobsRect, state: state.jobsTable)
    }
    footer(state, hint: strings[BatchText.jobsHint], into: &buffer, strings: strings)
  }
}

/// The columns of the jobs table.
enum BatchJobColumnID: Hashable {
  case job, operation, by, approvedBy, at, total, done, failed, state
}

extension BatchScreen {
  static func jobColumns(width: Int, strings: Strings) -> [FittedColumn<BatchJobColumnID>] {
    func column(
      _ id: BatchJobColumnID, _ title: BatchText, _ width: Int, _ priority: Int, right: Bool = false
    )
      -> FittedColumn<BatchJobColumnID>
    {
      FittedColumn(
        id: id, column: TableColumn(title: strings[title], width: width, alignment: right ? .right : .left),
        priority: priority)
    }
    return FittedColumn.fit(
      [
        column(.job, .colJob, 6, 0, right: true), column(.operation, .colOperation, 14, 0),
        column(.by, .colBy, 10, 2), column(.approvedBy, .colApprovedBy, 10, 5),
        column(.at, .colAt, 11, 1), column(.total, .colTotal, 6, 3, right: true),
        column(.done, .colDone, 6, 3, right: true), column(.failed, .colFailed, 6, 2, right: true),
        column(.state, .colState, 8, 1),
      ], width: width + 1)
  }

  static func jobCell(_ id: BatchJobColumnID, _ job: BatchJobRow, clock: SiteClock, strings: Strings)
    -> String
  {
    switch id {
    case .job: "#\(job.job)"
    case .operation: operationName(job.operation, strings)
    case .by: job.createdBy
    case .approvedBy: job.approvedBy ?? strings[CommonText.never]
    case .at: clock.shortDateTime(job.createdAt)
    case .total: Format.grouped(job.total)
    case .done: Format.grouped(job.done)
    case .failed: Format.grouped(job.failed)
    case .state: strings[job.finished ? BatchText.finished : BatchText.running]
    }
  }
}

import Domain
import TerminalUI

extension CommissioningScreen {
  /// Draws `panel` boxed in `rect` under the bus table.
  static func draw(
    _ panel: CommissioningPanel, state: BusesState, in rect: Rect, into buffer: inout Buffer, strings: Strings
  ) {
    guard rect.height >= 3, rect.width >= 10 else { return }
    let inner = rect.inset(by: 1).splitHorizontally(left: 1).1
    switch panel {
    case .scanRange(let form):
      box(strings.format(CommissioningText.scanTitle, form.bus), hint: "", rect, into: &buffer)
      drawScanRange(form, in: inner, into: &buffer, strings: strings)
    case .scan(let scan):
      let title = strings.format(
        CommissioningText.scanRunningTitle, scan.bus, "\(scan.range.lowerBound)", "\(scan.range.upperBound)")
      let hint = strings[scan.finished ? CommissioningText.scanHint : CommissioningText.scanRunningHint]
      box(title, hint: hint, rect, into: &buffer)
      drawScan(scan, in: inner, into: &buffer, strings: strings)
    case .meters(let pick):
      box(
        strings.format(CommissioningText.metersTitle, pick.bus, "\(pick.meters.count)"),
        hint: strings[CommissioningText.metersHint], rect, into: &buffer)
      drawMeters(pick, in: inner, into: &buffer, strings: strings)
    case .watch(let watch):
      box(
        strings.format(CommissioningText.watchTitle, watch.meter, "\(watch.reads)"),
        hint: strings[CommissioningText.watchHint], rect, into: &buffer)
      drawWatch(watch, state: state, in: inner, into: &buffer, strings: strings)
    case .relay(let test):
      let done: Bool
      if case .finished = test.phase { done = true } else { done = false }
      box(
        strings.format(CommissioningText.relayTitle, test.meter),
        hint: test.phase == .running
          ? strings[CommissioningText.relayHintRunning]
          : done ? strings[CommissioningText.relayHintDone] : "",
        rect, into: &buffer)
      drawRelay(test, in: inner, into: &buffer, strings: strings)
    case .registers(let view):
      box(
        strings.format(CommissioningText.registersTitle, view.meter),
        hint: strings[CommissioningText.registersHint], rect, into: &buffer)
      drawRegisters(view, in: inner, into: &buffer, strings: strings)
    }
  }

  /// The panel's box with `title` on the top border and `hint` at its right.
  private static func box(_ title: String, hint: String, _ rect: Rect, into buffer: inout Buffer) {
    buffer.fill(rect, role: .normal)
    buffer.drawBox(rect, role: .border, title: title)
    guard !hint.isEmpty else { return }
    let text = " " + hint + " "
    let width = Format.cells(text)
    if rect.width > width + Format.cells(title) + 8 {
      buffer.write(text, x: rect.maxX - 2 - width, y: rect.y, role: .dim)
    }
  }

  private static func drawScanRange(
    _ form: ScanRangeForm, in inner: Rect, into buffer: inout Buffer, strings: Strings
  ) {
    guard inner.height > 0 else { return }
    var from = form.from
    from.label = strings[CommissioningText.scanFrom]
    var to = form.to
    to.label = strings[CommissioningText.scanTo]
    let labelWidth = max(Format.cells(from.label), Format.cells(to.label)) + 2
    let fieldWidth = min(inner.width, labelWidth + 8)
    from.render(
      into: &buffer, rect: Rect(x: inner.x, y: inner.y, width: fieldWidth, height: 1), focused: !form.onTo,
      labelWidth: labelWidth)
    if inner.height > 1 {
      to.render(
        into: &buffer, rect: Rect(x: inner.x, y: inner.y + 1, width: fieldWidth, height: 1),
        focused: form.onTo,
        labelWidth: labelWidth)
    }
    if form.invalid, inner.height > 2 {
      buffer.write(
        strings[CommissioningText.scanRangeInvalid], x: inner.x, y: inner.y + 2, role: .error,
        maxWidth: inner.width)
    }
    if inner.height > 3 {
      buffer.write(
        strings[CommissioningText.scanRangeHint], x: inner.x, y: inner.maxY - 1, role: .dim,
        maxWidth: inner.width)
    }
  }

  private static func drawScan(_ scan: BusScan, in inner: Rect, into buffer: inout Buffer, strings: Strings) {
    guard inner.height > 0 else { return }
    guard scan.finished else {
      let span = scan.range.count
      let done = scan.current.map { $0 - scan.range.lowerBound + 1 } ?? 0
      let label = scan.current.map { strings.format(CommissioningText.scanTrying, "\($0)") }
      ProgressBar(
        fraction: Double(done) / Double(max(1, span)), label: label ?? strings[CommissioningText.scanWaiting]
      )
      .render(into: &buffer, rect: inner.row(0))
      return
    }
    if let error = scan.error {
      buffer.write(
        strings.format(CommissioningText.scanFailed, error), x: inner.x, y: inner.y, role: .error,
        maxWidth: inner.width)
    } else {
      let count = { (state: ScanState) in "\(scan.rows.filter { $0.state == state }.count)" }
      let summary =
        scan.rows.isEmpty
        ? strings[CommissioningText.scanNone]
        : strings.format(
          CommissioningText.scanSummary, count(.configuredAnswering), count(.configuredSilent),
          count(.answeringNotConfigured), count(.wrongMeter))
      buffer.write(summary, x: inner.x, y: inner.y, role: .info, maxWidth: inner.width)
    }
    guard inner.height > 2, !scan.rows.isEmpty else { return }
    let rows = scan.rows
    let never = strings[CommonText.never]
    let columns = [
      TableColumn(title: strings[CommissioningText.colAddress], width: 4, alignment: .right),
      TableColumn(title: strings[CommissioningText.colState], width: 26),
      TableColumn(title: strings[CommissioningText.colMeterRead], width: 12),
      TableColumn(title: strings[CommissioningText.colMeterConfigured], width: 12),
    ]
    let table = Table(columns: columns, rowCount: rows.count, showsMarkers: false) { index in
      let row = rows[index]
      return TableRow(
        cells: [
          "\(row.address)", scanStateName(row.state, strings), row.meter ?? never,
          row.configuredMeter ?? never,
        ],
        cellRoles: [1: scanStateRole(row.state)])
    }
    let rect = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
    table.render(into: &buffer, rect: rect, state: scan.table)
  }

  static func scanStateName(_ state: ScanState, _ strings: Strings) -> String {
    switch state {
    case .configuredAnswering: strings[CommissioningText.configuredAnswering]
    case .configuredSilent: strings[CommissioningText.configuredSilent]
    case .answeringNotConfigured: strings[CommissioningText.answeringNotConfigured]
    case .wrongMeter: strings[CommissioningText.wrongMeter]
    }
  }

  private static func scanStateRole(_ state: ScanState) -> StyleRole {
    switch state {
    case .configuredAnswering: .success
    case .configuredSilent: .offline
    case .answeringNotConfigured: .warning
    case .wrongMeter: .error
    }
  }

  private static func drawMeters(
    _ pick: BusMeterPick, in inner: Rect, into buffer: inout Buffer, strings: Strings
  ) {
    guard !pick.meters.isEmpty else {
      buffer.write(
        strings[CommissioningText.metersEmpty], x: inner.x, y: inner.y, role: .dim, maxWidth: inner.width)
      return
    }
    let meters = pick.meters
    let never = strings[CommonText.never]
    let columns = [
      TableColumn(title: strings[CommissioningText.colAddress], width: 4, alignment: .right),
      TableColumn(title: strings[DetailText.meter], width: 12),
      TableColumn(title: strings[CommissioningText.colShop], width: 8),
      TableColumn(title: strings[CommissioningText.colStatus], width: 8),
      TableColumn(title: strings[CommissioningText.colTenant], width: 0),
    ]
    let table = Table(columns: columns, rowCount: meters.count, showsMarkers: false) { index in
      let meter = meters[index]
      return TableRow(
        cells: [
          "\(meter.address)", meter.meter, meter.shop, strings.status(meter.status), meter.tenant ?? never,
        ],
        cellRoles: [3: meter.status.styleRole])
    }
    table.render(into: &buffer, rect: inner, state: pick.table)
  }
}

import TerminalUI

/// The columns of the bus table.
enum BusColumnID: Hashable {
  case name, framing, endpoint, meters, online, offline, requests, timeouts, crc, exceptions
  case p50, p90, p99, state, lastError
}

extension BusesScreen {
  /// Renders the summary line, the bus table and, when open, the live trace below it.
  public static func view(_ state: BusesState, size: Size, language: Language) -> Buffer {
    let strings = Strings(language)
    var buffer = Buffer(size: size)
    guard size.width > 0, size.height > 0 else { return buffer }
    let online = state.buses.reduce(0) { $0 + $1.online }
    let offline = state.buses.reduce(0) { $0 + $1.offline }
    let meters = state.buses.reduce(0) { $0 + $1.meters }
    StatusLine(
      left: strings.format(
        BusText.summary, "\(state.buses.count)", Format.grouped(meters), Format.grouped(online),
        Format.grouped(offline)),
      right: strings[BusText.openHint], role: .header
    ).render(into: &buffer, rect: Rect(x: 0, y: 0, width: size.width, height: 1))
    guard state.loaded, !state.buses.isEmpty else {
      buffer.write(
        strings[state.loaded ? BusText.empty : BusText.loading],
        in: Rect(x: 0, y: min(size.height - 1, 3), width: size.width, height: 1),
        role: .dim, alignment: .center)
      return buffer
    }
    let fitted = columns(width: size.width, strings: strings)
    let ids = fitted.map(\.id)
    let buses = state.buses
    let table = Table(columns: fitted.map(\.column), rowCount: buses.count, showsMarkers: false) { index in
      let bus = buses[index]
      let role: StyleRole = !bus.up ? .offline : bus.offline > 0 ? .warning : .normal
      var cellRoles: [Int: StyleRole] = [:]
      if let column = ids.firstIndex(of: .lastError), bus.lastError != nil { cellRoles[column] = .error }
      return TableRow(cells: ids.map { cell($0, bus, strings) }, role: role, cellRoles: cellRoles)
    }
    table.render(
      into: &buffer, rect: state.tableRect, state: state.table,
      focused: state.trace == nil && state.panel == nil)
    if let panel = state.panel {
      CommissioningScreen.draw(panel, state: state, in: state.panelRect, into: &buffer, strings: strings)
    }
    if let trace = state.trace {
      let top = state.tableRect.maxY
      drawTrace(
        trace, in: Rect(x: 0, y: top, width: size.width, height: size.height - top), state: state,
        into: &buffer, strings: strings)
    }
    return buffer
  }

  static func columns(width: Int, strings: Strings) -> [FittedColumn<BusColumnID>] {
    func column(_ id: BusColumnID, _ title: BusText, _ width: Int, _ priority: Int, right: Bool = false)
      -> FittedColumn<BusColumnID>
    {
      FittedColumn(
        id: id, column: TableColumn(title: strings[title], width: width, alignment: right ? .right : .left),
        priority: priority, minimumWidth: width == 0 ? 10 : 0)
    }
    return FittedColumn.fit(
      [
        column(.name, .colBus, 8, 0), column(.framing, .colFraming, 12, 12),
        column(.endpoint, .colEndpoint, 21, 13),
        column(.meters, .colMeters, 4, 8, right: true), column(.online, .colOnline, 4, 2, right: true),
        column(.offline, .colOffline, 4, 3, right: true), column(.requests, .colRequests, 8, 9, right: true),
        column(.timeouts, .colTimeouts, 6, 4, right: true), column(.crc, .colCRC, 5, 5, right: true),
        column(.exceptions, .colExceptions, 5, 14, right: true), column(.p50, .colP50, 6, 10, right: true),
        column(.p90, .colP90, 6, 6, right: true), column(.p99, .colP99, 6, 11, right: true),
        column(.state, .colState, 4, 1), column(.lastError, .colLastError, 0, 7),
      ], width: width)
  }

  static func cell(_ id: BusColumnID, _ bus: BusRow, _ strings: Strings) -> String {
    switch id {
    case .name: bus.name
    case .framing: framingName(bus.framing, strings)
    case .endpoint: bus.endpoint
    case .meters: "\(bus.meters)"
    case .online: "\(bus.online)"
    case .offline: "\(bus.offline)"
    case .requests: Format.grouped(bus.requests)
    case .timeouts: Format.grouped(bus.timeouts)
    case .crc: Format.grouped(bus.crcErrors)
    case .exceptions: Format.grouped(bus.exceptions)
    case .p50: Format.millis(bus.p50, strings: strings)
    case .p90: Format.millis(bus.p90, strings: strings)
    case .p99: Format.millis(bus.p99, strings: strings)
    case .state: strings[bus.up ? BusText.up : BusText.down]
    case .lastError: bus.lastError ?? ""
    }
  }

  static func framingName(_ framing: String, _ strings: Strings) -> String {
    switch framing.lowercased() {
    case "tcp", "modbus-tcp", "mbap": strings[BusText.framingTCP]
    case "rtu-over-tcp", "rtuovertcp", "rtu_over_tcp": strings[BusText.framingRTUOverTCP]
    case "rtu", "serial", "serial-rtu": strings[BusText.framingRTU]
    default: framing
    }
  }

  private static func drawTrace(
    _ trace: BusTrace, in rect: Rect, state: BusesState, into buffer: inout Buffer, strings: Strings
  ) {
    guard rect.height >= 3 else { return }
    buffer.drawBox(rect, role: .border, title: strings.format(BusText.traceTitle, trace.bus))
    let hint = " " + strings[BusText.traceHint] + " "
    let hintWidth = Format.cells(hint)
    if rect.width > hintWidth + 20 {
      buffer.write(hint, x: rect.maxX - 2 - hintWidth, y: rect.y, role: .dim)
    }
    let inner = rect.inset(by: 1).splitHorizontally(left: 1).1
    guard !trace.lines.isEmpty else {
      buffer.write(strings[BusText.traceWaiting], in: inner.row(0), role: .dim)
      return
    }
    for (row, line) in trace.lines.suffix(inner.height).enumerated() {
      let y = inner.y + row
      var x = inner.x
      let stamp = state.clock.hmsMilli(line.at) + " "
      x += buffer.write(stamp, x: x, y: y, role: .dim, maxWidth: max(0, inner.maxX - x))
      let role: StyleRole = line.direction == "✕" ? .error : line.direction == "←" ? .success : .info
      x += buffer.write(line.direction + " ", x: x, y: y, role: role, maxWidth: max(0, inner.maxX - x))
      x += buffer.write(line.hex, x: x, y: y, role: .normal, maxWidth: max(0, inner.maxX - x))
      if !line.note.isEmpty {
        buffer.write(
          (line.hex.isEmpty ? "" : "  ") + line.note, x: x, y: y, role: line.direction == "✕" ? .error : .dim,
          maxWidth: max(0, inner.maxX - x))
      }
    }
  }
}

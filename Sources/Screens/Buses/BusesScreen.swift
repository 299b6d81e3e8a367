import TerminalUI

/// The electrician's bus view: statistics per bus and a live frame trace of one bus.
public enum BusesScreen {
  /// Applies `action` to `state`; Enter returns `.watchTrace`, Esc in a trace `.stopTrace`, F5 `.loadBuses`;
  /// `s` scans the selected bus (`.scanBus`), `m` lists its meters for a watch (`.watchMeter`), a relay test
  /// (`.relayTest`) or raw registers (`.readRegisters`).
  public static func update(_ state: inout BusesState, _ action: BusesAction) -> [Effect] {
    switch action {
    case .busesLoaded(let buses):
      let selected = state.selectedBus?.name
      state.buses = buses
      state.loaded = true
      let row = selected.flatMap { name in buses.firstIndex { $0.name == name } } ?? state.table.selected
      state.table.select(row, rowCount: buses.count, visible: state.visibleRows)
    case .traceReceived(let bus, let lines):
      guard var trace = state.trace, trace.bus == bus else { return [] }
      trace.lines.append(contentsOf: lines)
      if trace.lines.count > BusTrace.limit { trace.lines.removeFirst(trace.lines.count - BusTrace.limit) }
      state.trace = trace
    case .resized(let size):
      state.size = size
      state.table.select(state.table.selected, rowCount: state.buses.count, visible: state.visibleRows)
    case .mouse(_, let y, let button):
      guard button == .left else { return [] }
      let table = Table(columns: [], rowCount: state.buses.count) { _ in TableRow(cells: []) }
      if let row = table.rowIndex(atY: y, rect: state.tableRect, state: state.table) {
        state.table.select(row, rowCount: state.buses.count, visible: state.visibleRows)
      }
    case .keyPressed(let key):
      if let panel = state.panel { return CommissioningScreen.key(key, panel, &state) }
      return handle(key, &state)
    case .opened(let role, let meters):
      state.role = role
      state.meters = meters
    case .clockTicked(let now):
      state.now = now
    case .scanProgress(let bus, let address):
      CommissioningScreen.scanProgress(bus: bus, address: address, &state)
    case .scanFinished(let bus, let rows, let error):
      CommissioningScreen.scanFinished(bus: bus, rows, error: error, &state)
    case .meterWatched(let detail):
      CommissioningScreen.watched(detail, &state)
    case .relayTestStep(let meter, let step, let ok):
      CommissioningScreen.relayStep(meter: meter, step: step, ok: ok, &state)
    case .relayTestFinished(let meter, let ok, let detail):
      CommissioningScreen.relayFinished(meter: meter, ok: ok, detail: detail, &state)
    case .registersRead(let meter, let rows, let error):
      CommissioningScreen.registersRead(meter: meter, rows, error: error, &state)
    }
    return []
  }

  /// Leaving the view: closes the trace and any panel, stopping what they watch.
  public static func leave(_ state: inout BusesState) -> [Effect] {
    var effects: [Effect] = []
    if state.trace != nil { effects.append(.stopTrace) }
    if case .watch? = state.panel { effects.append(.stopWatch) }
    state.trace = nil
    state.panel = nil
    return effects
  }

  /// Opens a commissioning panel on the selected bus, closing the trace first.
  private static func openPanel(
    _ open: (String, inout BusesState) -> Void, _ state: inout BusesState
  ) -> [Effect] {
    guard let bus = state.selectedBus else { return [] }
    let effects: [Effect] = state.trace == nil ? [] : [.stopTrace]
    state.trace = nil
    open(bus.name, &state)
    state.table.select(state.table.selected, rowCount: state.buses.count, visible: state.visibleRows)
    return effects
  }

  private static func handle(_ key: Key, _ state: inout BusesState) -> [Effect] {
    let count = state.buses.count
    switch key {
    case .up: state.table.move(by: -1, rowCount: count, visible: state.visibleRows)
    case .down: state.table.move(by: 1, rowCount: count, visible: state.visibleRows)
    case .pageUp: state.table.move(by: -state.visibleRows, rowCount: count, visible: state.visibleRows)
    case .pageDown: state.table.move(by: state.visibleRows, rowCount: count, visible: state.visibleRows)
    case .home: state.table.select(0, rowCount: count, visible: state.visibleRows)
    case .end: state.table.select(count - 1, rowCount: count, visible: state.visibleRows)
    case .enter:
      guard let bus = state.selectedBus else { return [] }
      let wasOpen = state.trace != nil
      state.trace = BusTrace(bus: bus.name)
      state.table.select(state.table.selected, rowCount: count, visible: state.visibleRows)
      return (wasOpen ? [.stopTrace] : []) + [.watchTrace(bus: bus.name)]
    case .escape:
      guard state.trace != nil else { return [] }
      state.trace = nil
      return [.stopTrace]
    case .function(5), .character("r"):
      return [.loadBuses]
    case .character("s"):
      return openPanel(CommissioningScreen.openScan, &state)
    case .character("m"):
      return openPanel(CommissioningScreen.openMeters, &state)
    default:
      break
    }
    return []
  }

  /// Keys this screen understands, for the help overlay.
  public static let help: [HelpEntry] = [
    HelpEntry(keys: "↑ ↓ PgUp PgDn", text: .move),
    HelpEntry(keys: "Enter", text: .busTrace),
    HelpEntry(keys: "F5 / r", text: .busRefresh),
    HelpEntry(keys: "s", text: .busScan),
    HelpEntry(keys: "m", text: .busMeters),
    HelpEntry(keys: "w / Enter", text: .meterWatch),
    HelpEntry(keys: "t", text: .relayTest),
    HelpEntry(keys: "x", text: .registers),
    HelpEntry(keys: "Esc", text: .back),
    HelpEntry(keys: "F1 / ?", text: .showHelp),
    HelpEntry(keys: "F10", text: .quit),
  ]
}

import Domain
import TerminalUI

/// Commissioning on the bus view (调试): scan a bus's addresses, pick one of its meters, watch its live
/// values, test its relay, read its raw registers.
enum CommissioningScreen {
  /// `s` on a bus: the scan range form (1–247).
  static func openScan(_ bus: String, _ state: inout BusesState) {
    state.panel = .scanRange(ScanRangeForm(bus: bus))
  }

  /// `m` on a bus: its meters by address.
  static func openMeters(_ bus: String, _ state: inout BusesState) {
    state.panel = .meters(pickList(bus, state))
  }

  /// The meters on `bus`, by address.
  static func pickList(_ bus: String, _ state: BusesState) -> BusMeterPick {
    BusMeterPick(bus: bus, meters: state.meters.filter { $0.bus == bus }.sorted { $0.address < $1.address })
  }

  /// Keys while a panel is open.
  static func key(_ key: Key, _ panel: CommissioningPanel, _ state: inout BusesState) -> [Effect] {
    switch panel {
    case .scanRange(var form):
      return scanRangeKey(key, &form, &state)
    case .scan(var scan):
      return scanKey(key, &scan, &state)
    case .meters(var pick):
      return metersKey(key, &pick, &state)
    case .watch(let watch):
      guard key == .escape else { return [] }
      state.panel = .meters(watch.pick)
      return [.stopWatch]
    case .relay(var test):
      return relayKey(key, &test, &state)
    case .registers(var view):
      return registersKey(key, &view, &state)
    }
  }

  private static func scanRangeKey(_ key: Key, _ form: inout ScanRangeForm, _ state: inout BusesState)
    -> [Effect]
  {
    form.invalid = false
    switch key {
    case .escape:
      state.panel = nil
      return []
    case .tab, .backTab, .up, .down:
      form.onTo.toggle()
    case .enter:
      guard let range = form.range else {
        form.invalid = true
        break
      }
      state.panel = .scan(BusScan(bus: form.bus, range: range))
      return [.scanBus(bus: form.bus, from: range.lowerBound, to: range.upperBound)]
    case .character(let character) where !character.isNumber:
      break
    default:
      if form.onTo { _ = form.to.handle(key) } else { _ = form.from.handle(key) }
    }
    state.panel = .scanRange(form)
    return []
  }

  private static func scanKey(_ key: Key, _ scan: inout BusScan, _ state: inout BusesState) -> [Effect] {
    let visible = max(1, state.panelRect.height - 4)
    switch key {
    case .escape:
      state.panel = nil
      return []
    case .up: scan.table.move(by: -1, rowCount: scan.rows.count, visible: visible)
    case .down: scan.table.move(by: 1, rowCount: scan.rows.count, visible: visible)
    case .pageUp: scan.table.move(by: -visible, rowCount: scan.rows.count, visible: visible)
    case .pageDown: scan.table.move(by: visible, rowCount: scan.rows.count, visible: visible)
    case .character("s"), .character("S"):
      guard scan.finished else { break }
      var form = ScanRangeForm(bus: scan.bus)
      form.from.value = "\(scan.range.lowerBound)"
      form.from.cursor = form.from.value.count
      form.to.value = "\(scan.range.upperBound)"
      form.to.cursor = form.to.value.count
      state.panel = .scanRange(form)
      return []
    default: break
    }
    state.panel = .scan(scan)
    return []
  }

  private static func metersKey(_ key: Key, _ pick: inout BusMeterPick, _ state: inout BusesState) -> [Effect]
  {
    let visible = max(1, state.panelRect.height - 3)
    let count = pick.meters.count
    switch key {
    case .escape:
      state.panel = nil
      return []
    case .up: pick.table.move(by: -1, rowCount: count, visible: visible)
    case .down: pick.table.move(by: 1, rowCount: count, visible: visible)
    case .pageUp: pick.table.move(by: -visible, rowCount: count, visible: visible)
    case .pageDown: pick.table.move(by: visible, rowCount: count, visible: visible)
    case .enter, .character("w"), .character("W"):
      guard let meter = pick.selectedMeter else { break }
      state.panel = .watch(MeterWatch(meter: meter.meter, pick: pick))
      return [.watchMeter(meter.meter)]
    case .character("t"), .character("T"):
      guard let meter = pick.selectedMeter else { break }
      state.panel = .relay(RelayTest(meter: meter.meter, pick: pick))
      return []
    case .character("x"), .character("X"):
      guard let meter = pick.selectedMeter else { break }
      state.panel = .registers(RegisterView(meter: meter.meter, pick: pick))
      return []
    default: break
    }
    state.panel = .meters(pick)
    return []
  }

  private static func registersKey(_ key: Key, _ view: inout RegisterView, _ state: inout BusesState)
    -> [Effect]
  {
    let visible = max(1, state.panelRect.height - 5)
    view.invalid = false
    switch key {
    case .escape:
      state.panel = .meters(view.pick)
      return []
    case .tab: view.focus = (view.focus + 1) % 3
    case .backTab: view.focus = (view.focus + 2) % 3
    case .up: view.table.move(by: -1, rowCount: view.rows.count, visible: visible)
    case .down: view.table.move(by: 1, rowCount: view.rows.count, visible: visible)
    case .pageUp: view.table.move(by: -visible, rowCount: view.rows.count, visible: visible)
    case .pageDown: view.table.move(by: visible, rowCount: view.rows.count, visible: visible)
    case .left where view.focus == 0, .right where view.focus == 0, .character(" ") where view.focus == 0:
      view.function = view.function == 3 ? 4 : 3
    case .character("3") where view.focus == 0:
      view.function = 3
    case .character("4") where view.focus == 0:
      view.function = 4
    case .enter:
      guard let start = view.startAddress, let count = view.registerCount, start + count <= 0x10000 else {
        view.invalid = true
        break
      }
      view.reading = true
      view.error = nil
      state.panel = .registers(view)
      return [.readRegisters(meter: view.meter, function: view.function, start: start, count: count)]
    default:
      if view.focus == 1 { _ = view.start.handle(key) }
      if view.focus == 2 { _ = view.count.handle(key) }
    }
    state.panel = .registers(view)
    return []
  }
}

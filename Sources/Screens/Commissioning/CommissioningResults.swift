import Domain
import Foundation
import TerminalUI

extension CommissioningScreen {
  /// A scan of `bus` is trying `address`.
  static func scanProgress(bus: String, address: Int, _ state: inout BusesState) {
    guard case .scan(var scan)? = state.panel, scan.bus == bus, !scan.finished else { return }
    scan.current = address
    state.panel = .scan(scan)
  }

  /// A scan of `bus` finished: its rows by address, or the error.
  static func scanFinished(bus: String, _ rows: [ScanRow], error: String?, _ state: inout BusesState) {
    guard case .scan(var scan)? = state.panel, scan.bus == bus else { return }
    scan.rows = rows.sorted { $0.address < $1.address }
    scan.finished = true
    scan.error = error
    scan.table = TableState()
    state.panel = .scan(scan)
  }

  /// A watched meter was read: each value it carries replaces the last, with the read's time.
  static func watched(_ detail: MeterDetail, _ state: inout BusesState) {
    guard case .watch(var watch)? = state.panel, watch.meter == detail.grid.meter else { return }
    let at = detail.grid.readAt ?? state.now
    let values: [WatchField: Int64?] = [
      .voltage: detail.voltageDeciV, .current: detail.currentCentiA,
      .power: detail.powerW ?? detail.grid.powerW,
      .powerFactor: detail.powerFactorMilli, .energy: (detail.energyTotal ?? detail.grid.energy)?.centiKWh,
      .remaining: detail.grid.remaining?.fen, .purchaseCount: detail.purchaseCount,
      .relay: detail.relayClosed.map { $0 ? 1 : 0 },
    ]
    for (field, value) in values {
      guard let value else { continue }
      if let old = watch.samples[field], old.at > at { continue }
      watch.samples[field] = WatchSample(value: value, at: at)
    }
    watch.reads += 1
    watch.lastError = detail.lastError
    state.panel = .watch(watch)
  }

  /// A relay test step was done.
  static func relayStep(meter: String, step: String, ok: Bool, _ state: inout BusesState) {
    guard case .relay(var test)? = state.panel, test.meter == meter, test.phase == .running else { return }
    test.steps.append(RelayStep(step: step, ok: ok))
    state.panel = .relay(test)
  }

  /// A relay test finished.
  static func relayFinished(meter: String, ok: Bool, detail: String, _ state: inout BusesState) {
    guard case .relay(var test)? = state.panel, test.meter == meter, test.phase == .running else { return }
    test.phase = .finished(ok: ok, detail: detail)
    state.panel = .relay(test)
  }

  /// Raw registers arrived, or the error.
  static func registersRead(meter: String, _ rows: [RegisterRow], error: String?, _ state: inout BusesState) {
    guard case .registers(var view)? = state.panel, view.meter == meter else { return }
    view.reading = false
    view.error = error
    view.rows = error == nil ? rows : []
    view.table = TableState()
    state.panel = .registers(view)
  }
}

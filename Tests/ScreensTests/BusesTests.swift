import Domain
import Foundation
import Screens
import TerminalUI
import Testing

@Suite struct BusesTests {
  func open(role: Role = .electrician) -> AppState {
    var state = SampleSite.app(language: .en, size: SampleSite.small, role: role)
    state.press(.function(8))
    state.send(.busesLoaded(SampleSite.buses))
    return state
  }

  @Test func f8OpensBusesForElectriciansOnly() {
    var state = SampleSite.app(language: .en, size: SampleSite.small, role: .electrician)
    #expect(state.press(.function(8)) == [.loadBuses])
    #expect(state.screen == .buses)
    var cashier = SampleSite.app(language: .en, size: SampleSite.small, role: .cashier)
    #expect(cashier.press(.function(8)).isEmpty)
    #expect(cashier.screen == .grid)
    let bar = AppView.fKeyBar(cashier)
    // A cashier never opens the buses, so F8 is not on the bar; nothing shown is dead.
    #expect(!bar.items.contains { $0.key == 8 })
    #expect(bar.items.filter { !$0.enabled }.isEmpty)
    #expect(
      AppView.fKeyBar(state).items.map(\.key) == [1, 3, 4, 5, 11, 12, 10], "on the bus view: no F2, F8")
  }

  @Test func enterWatchesTraceAndEscStopsIt() {
    var state = open()
    state.press(.down)
    #expect(state.press(.enter) == [.watchTrace(bus: "B02")])
    state.send(.traceReceived(bus: "B01", SampleSite.trace))
    #expect(state.buses.trace?.lines.isEmpty == true, "frames of other buses are ignored")
    state.send(.traceReceived(bus: "B02", SampleSite.trace))
    let buffer = state.rendered
    #expect(buffer.find("Bus B02 live frames") != nil)
    let timeout = buffer.find("timeout after 1000 ms")
    #expect(timeout != nil)
    #expect(buffer[timeout?.x ?? 0, timeout?.y ?? 0].role == .error)
    state.press(.up)
    #expect(state.press(.enter) == [.stopTrace, .watchTrace(bus: "B01")])
    #expect(state.press(.escape) == [.stopTrace])
    #expect(state.screen == .buses)
    #expect(state.press(.escape).isEmpty)
    #expect(state.screen == .grid)
  }

  @Test func leavingWithATraceStopsIt() {
    var state = open()
    state.press(.enter)
    #expect(state.press(.function(3)) == [.stopTrace])
    #expect(state.screen == .grid)
    #expect(state.grid.search != nil)
  }

  @Test func traceKeepsTheLastFiveHundredFrames() {
    var state = open()
    state.press(.enter)
    let line = SampleSite.trace[0]
    for _ in 0..<6 { state.send(.traceReceived(bus: "B01", Array(repeating: line, count: 100))) }
    #expect(state.buses.trace?.lines.count == BusTrace.limit)
  }

  @Test func reloadKeepsTheSelectedBus() {
    var state = open()
    state.press(.end)
    #expect(state.buses.selectedBus?.name == "B03")
    #expect(state.press(.function(5)) == [.loadBuses])
    state.send(.busesLoaded(Array(SampleSite.buses.reversed())))
    #expect(state.buses.selectedBus?.name == "B03")
    #expect(state.buses.table.selected == 0)
  }

  @Test func downBusIsShownOffline() {
    let buffer = open().rendered
    let y = buffer.row(containing: "B03") ?? -1
    #expect(buffer[0, y].role == .offline)
    #expect(buffer.find("down") != nil)
  }
}

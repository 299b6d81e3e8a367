import Domain
import Foundation
import Screens
import TerminalUI
import Testing

/// Commissioning on the bus view (F8 调试): scan, meter pick, live watch, relay test, raw registers.
@Suite struct CommissioningTests {
  static let scanRows: [ScanRow] = [
    ScanRow(address: 1, state: .configuredAnswering, meter: "202401000001", configuredMeter: "202401000001"),
    ScanRow(address: 2, state: .configuredSilent, meter: nil, configuredMeter: "202401000002"),
    ScanRow(address: 3, state: .wrongMeter, meter: "202401000099", configuredMeter: "202401000003"),
    ScanRow(address: 4, state: .configuredAnswering, meter: "202401000004", configuredMeter: "202401000004"),
    ScanRow(address: 17, state: .answeringNotConfigured, meter: "202401000017", configuredMeter: nil),
  ]

  /// The bus view of `role`, buses loaded, on bus B01.
  static func open(_ language: Language = .en, role: Role = .electrician, size: Size = SampleSite.large)
    -> AppState
  {
    var state = SampleSite.app(language: language, size: size, role: role)
    state.press(.function(8))
    state.send(.busesLoaded(SampleSite.buses))
    return state
  }

  /// A finished scan of B01 with the sample rows.
  static func scanned(_ language: Language = .en, size: Size = SampleSite.large) -> AppState {
    var state = open(language, size: size)
    state.press(.character("s"), .enter)
    state.send(.scanProgress(bus: "B01", address: 247), .scanFinished(bus: "B01", scanRows, error: nil))
    return state
  }

  @Test("s scans the selected bus over 1–247 or the range typed, with the address being tried")
  func scanSendsTheRange() {
    var state = Self.open()
    #expect(state.press(.character("s")).isEmpty)
    #expect(state.rendered.find("Scan bus B01") != nil)
    #expect(state.press(.enter) == [.scanBus(bus: "B01", from: 1, to: 247)])
    state.send(.scanProgress(bus: "B01", address: 17))
    #expect(state.rendered.find("Trying address 17") != nil)
    state.send(.scanProgress(bus: "B02", address: 99))
    #expect(state.rendered.find("Trying address 17") != nil, "other buses are ignored")
    state.press(.escape)
    #expect(state.buses.panel == nil)
    #expect(state.screen == .buses)

    state.press(.down, .character("s"), .control("u"))
    state.type("10")
    state.press(.tab, .control("u"))
    state.type("2")
    #expect(state.press(.enter).isEmpty, "from above to is refused")
    #expect(state.rendered.find("Addresses are 1–247, from no higher than to") != nil)
    state.press(.backspace)
    state.type("20")
    #expect(state.press(.enter) == [.scanBus(bus: "B02", from: 10, to: 20)])
  }

  @Test("the scan results: a state per address with the meter read and the one configured")
  func scanResults() {
    let state = Self.scanned()
    let buffer = state.rendered
    #expect(buffer.find("2 answering · 1 silent · 1 not configured · 1 wrong meter") != nil)
    let wrong = buffer.row(containing: "202401000099") ?? -1
    #expect(wrong >= 0)
    #expect(buffer.lines()[wrong].contains("Wrong meter") && buffer.lines()[wrong].contains("202401000003"))
    if let cell = buffer.find("Wrong meter") { #expect(buffer[cell.x, cell.y].role == .error) }
    #expect(buffer.find("Configured, silent") != nil)
    #expect(buffer.find("Answering, not configured") != nil)
  }

  @Test("m lists the bus's meters; w watches one with ages, Esc stops the watch")
  func watch() {
    var state = Self.open()
    #expect(state.press(.character("m")).isEmpty)
    #expect(state.rendered.find("Meters on bus B01 · 4") != nil)
    state.press(.down, .down)
    #expect(state.press(.character("w")) == [.watchMeter("202401000003")])
    var detail = SampleSite.detail
    detail.grid.readAt = SampleSite.now.addingTimeInterval(-1)
    state.send(.meterWatched(detail))
    var buffer = state.rendered
    #expect(buffer.find("220.3 V") != nil)
    #expect(buffer.find("1s ago") != nil)
    #expect(buffer.find("Live values 202401000003 · 1 reads") != nil)
    state.send(.clockTicked(SampleSite.now.addingTimeInterval(4)))
    buffer = state.rendered
    #expect(buffer.find("5s ago") != nil)
    #expect(state.press(.escape) == [.stopWatch])
    #expect(state.rendered.find("Meters on bus B01") != nil)
    state.press(.character("w"))
    #expect(state.press(.function(3)) == [.stopWatch], "leaving the view stops the watch")
  }

  @Test("t tests the relay after confirmation; steps show as they happen; no leaving while it runs")
  func relayTest() {
    var state = Self.open()
    state.press(.character("m"))
    #expect(state.press(.character("t")).isEmpty)
    #expect(state.rendered.find("The tenant loses power for a moment") != nil)
    #expect(state.press(.character("y")) == [.relayTest(meter: "202401000001", approval: nil)])
    state.send(.relayTestStep(meter: "202401000001", step: "拉闸", ok: true))
    state.send(.relayTestStep(meter: "202401000001", step: "核对分闸", ok: true))
    var buffer = state.rendered
    #expect(buffer.find("✓ 拉闸") != nil)
    #expect(buffer.find("Testing…") != nil)
    #expect(state.press(.escape).isEmpty)
    #expect(state.buses.panel != nil, "Esc waits for the relay to be closed again")
    state.send(.relayTestStep(meter: "202401000001", step: "合闸", ok: true))
    state.send(.relayTestStep(meter: "202401000001", step: "核对合闸", ok: false))
    state.send(.relayTestFinished(meter: "202401000001", ok: false, detail: "继电器未合上"))
    buffer = state.rendered
    #expect(buffer.find("✕ 核对合闸") != nil)
    #expect(buffer.find("Failed: 继电器未合上") != nil)
    state.press(.escape)
    #expect(state.rendered.find("Meters on bus B01") != nil)
  }

  @Test("x reads raw registers: function 3/4, start (hex allowed), count; a table of address, hex, decimal")
  func registers() {
    var state = Self.open()
    state.press(.character("m"), .character("x"), .control("u"))
    state.type("0x200")
    state.press(.backTab, .right)
    #expect(
      state.press(.enter) == [.readRegisters(meter: "202401000001", function: 4, start: 0x200, count: 10)])
    state.send(
      .registersRead(
        meter: "202401000001",
        [RegisterRow(address: 0x200, value: 0x089B), RegisterRow(address: 0x201, value: 0)],
        error: nil))
    let buffer = state.rendered
    #expect(buffer.find("0x0200 512") != nil)
    #expect(buffer.find("0x089B") != nil)
    #expect(buffer.find("2203") != nil)
    state.send(.registersRead(meter: "202401000001", [], error: "exception 2 (illegal address)"))
    #expect(state.rendered.find("Read failed: exception 2 (illegal address)") != nil)
  }
}

/// The scan results against goldens.
@Suite struct CommissioningGoldenTests {
  @Test(arguments: GoldenScreenTests.cases)
  func scan(language: Language, size: Size) throws {
    let state = CommissioningTests.scanned(language, size: size)
    try Golden.check(state.rendered, GoldenScreenTests.name("buses-scan", language, size))
  }
}

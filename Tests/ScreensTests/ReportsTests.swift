import Domain
import Foundation
import Screens
import TerminalUI
import Testing

/// The report centre (F7): keys to pick report, range, grouping and filter; the table, totals and chart;
/// export, print and the shift hand-over; and who may do what.
@Suite struct ReportsTests {
  /// The sample site's console with the report centre open for `role` (today is 2025-05-01 on its clock).
  static func open(role: Role = .supervisor, size: Size = SampleSite.large) -> (AppState, [Effect]) {
    var state = SampleSite.app(language: .en, size: size, role: role)
    let effects = state.press(.function(7))
    return (state, effects)
  }

  static let table = ReportTableModel(
    title: "星河 售电报表", headers: ["售电员", "日期", "售电金额", "笔数"], numeric: [false, false, true, true],
    widths: [8, 10, 8, 4],
    rows: [["li", "2025-04-30", "1,200.00", "3"], ["wang", "2025-04-30", "50.50", "1"]],
    totals: ["合计", "", "1,250.50", "4"], chartTitle: "售电金额",
    bars: [ReportBar(label: "2025-04-30", hundredths: 125_050, text: "1,250.50")])

  @Test("F7 opens today's sales per cashier by day; y then asks for yesterday: two keys from the grid")
  func yesterdayInTwoKeys() throws {
    var (state, effects) = Self.open()
    #expect(state.screen == .reports)
    #expect(effects == [.runReport(ReportQueryModel(kind: .sales, from: "2025-05-01", to: "2025-05-01"))])
    let yesterday = ReportQueryModel(kind: .sales, from: "2025-04-30", to: "2025-04-30")
    #expect(state.type("y") == [.runReport(yesterday)])
    #expect(state.rendered.find("Running the report") != nil)
    state.send(.reports(.loaded(yesterday, Self.table)))
    let screen = state.rendered
    let li = try #require(screen.row(containing: "1,200.00"))
    #expect(screen.lines()[li].hasPrefix("li"))
    #expect(screen.find("Yesterday · 2025-04-30 to 2025-04-30") != nil)
    let totals = screen.lines().first { $0.hasPrefix("合计") }
    #expect(totals?.contains("1,250.50") == true && totals?.contains(" 4") == true)
    #expect(screen.find("售电金额 (bar chart)") != nil && screen.find("█") != nil)
  }

  @Test("a report for an older query is dropped: only the last asked is shown")
  func staleAnswersDropped() {
    var (state, _) = Self.open()
    state.type("y")
    state.send(
      .reports(.loaded(ReportQueryModel(kind: .sales, from: "2025-05-01", to: "2025-05-01"), Self.table)))
    #expect(state.reports?.table == nil && state.reports?.loading == true)
  }

  @Test("range keys: this week from Monday, this month, last month, custom with a checked date")
  func ranges() {
    var (state, _) = Self.open()
    #expect(
      state.type("w") == [.runReport(ReportQueryModel(kind: .sales, from: "2025-04-28", to: "2025-05-01"))])
    #expect(
      state.type("m") == [.runReport(ReportQueryModel(kind: .sales, from: "2025-05-01", to: "2025-05-01"))])
    #expect(
      state.type("l") == [.runReport(ReportQueryModel(kind: .sales, from: "2025-04-01", to: "2025-04-30"))])
    #expect(state.type("c").isEmpty)
    for _ in 0..<10 { state.press(.backspace) }
    state.type("2025-02-30")
    #expect(state.press(.enter).isEmpty)
    #expect(state.rendered.find("Expected a date YYYY-MM-DD: 2025-02-30") != nil)
    for _ in 0..<10 { state.press(.backspace) }
    state.type("2024-12-01")
    state.press(.tab)
    for _ in 0..<10 { state.press(.backspace) }
    state.type("2025-01-31")
    #expect(
      state.press(.enter) == [
        .runReport(ReportQueryModel(kind: .sales, from: "2024-12-01", to: "2025-01-31"))
      ])
  }

  @Test("g cycles day, month, year and o per cashier on sales; a toggles now/history on alarms only")
  func groupingAndModes() {
    var (state, _) = Self.open()
    let today = ReportQueryModel(kind: .sales, from: "2025-05-01", to: "2025-05-01")
    var month = today
    month.by = .month
    #expect(state.type("g") == [.runReport(month)])
    var all = month
    all.perCashier = false
    #expect(state.type("o") == [.runReport(all)])
    #expect(state.type("a").isEmpty)
    #expect(state.rendered.find("The real-time view is for alarms and offline") != nil)
    var alarms = all
    alarms.kind = .alarms
    #expect(state.type("5") == [.runReport(alarms)])
    alarms.active = true
    #expect(state.type("a") == [.runReport(alarms)])
    var energy = alarms
    energy.kind = .energy
    energy.active = false
    #expect(
      state.press(.left, .left) == [
        .runReport(
          ReportQueryModel(kind: .daily, from: "2025-05-01", to: "2025-05-01", by: .month, perCashier: false)),
        .runReport(energy),
      ])
  }

  @Test("g on energy sums per circuit, shop, building, bus and back to meters")
  func energyGroups() {
    var (state, _) = Self.open()
    state.type("3")
    var query = ReportQueryModel(kind: .energy, from: "2025-05-01", to: "2025-05-01")
    for group in [EnergyGroupChoice.circuit, .shop, .building, .bus, .meter] {
      query.energyGroup = group
      #expect(state.type("g") == [.runReport(query)])
    }
    state.type("g")
    #expect(state.rendered.find("Per circuit") != nil)
  }

  @Test("f filters by building, bus, meter, account and cashier; an unknown key is refused by name")
  func filter() {
    var (state, _) = Self.open()
    state.type("f")
    state.type("楼:A bus:S-1 nope:1")
    #expect(state.press(.enter).isEmpty)
    #expect(state.rendered.find("Unknown filter: nope:1") != nil)
    for _ in 0..<7 { state.press(.backspace) }
    let expected = ReportQueryModel(
      kind: .sales, from: "2025-05-01", to: "2025-05-01", filter: ["building": "A", "bus": "S-1"])
    #expect(state.press(.enter) == [.runReport(expected)])
    #expect(state.rendered.find("Filter: building:A bus:S-1") != nil)
  }

  @Test("x, v and p export and print for a supervisor, with progress; a cashier is told why not")
  func exportAndPrint() {
    var (state, _) = Self.open()
    let query = ReportQueryModel(kind: .sales, from: "2025-05-01", to: "2025-05-01")
    state.send(.reports(.loaded(query, Self.table)))
    #expect(state.type("x") == [.exportReport(query, .xlsx)])
    state.send(.reports(.exportProgress(done: 1000, total: 30000)))
    #expect(state.rendered.find("Exporting xlsx 1000/30000") != nil)
    #expect(state.rendered.find("3%") != nil, "a progress bar with its percentage")
    state.send(.reports(.exported(path: "/data/exports/sales.xlsx", error: nil)))
    #expect(state.rendered.find("Exported to /data/exports/sales.xlsx") != nil)
    #expect(state.type("v") == [.exportReport(query, .csv)])
    #expect(state.type("p") == [.printReport(query)])
    state.send(.reports(.printed(queue: "desk", error: nil)))
    #expect(state.rendered.find("Sent to printer desk") != nil)

    var (cashier, _) = Self.open(role: .cashier)
    #expect(cashier.type("x").isEmpty)
    #expect(cashier.rendered.find("Exporting needs the export permission") != nil)
    #expect(cashier.rendered.find("x Excel") == nil, "no dead keys in the hint")
    #expect(!ReportsScreen.help(for: .cashier).contains { $0.keys == "x" })
    #expect(ReportsScreen.help(for: .supervisor).contains { $0.keys == "x" })
  }

  @Test("h hands over: the open shift, a bad count refused, the count recorded and the outcome shown")
  func handOver() {
    var (state, _) = Self.open(role: .cashier)
    #expect(state.type("h") == [.loadShift])
    state.send(
      .reports(
        .shiftLoaded(
          ShiftPreviewModel(
            startedAt: SampleSite.now, bills: 3, sales: .yuan(300), reversals: .zero, refunds: .yuan(20),
            byPay: [.cash: .yuan(200), .wechat: .yuan(100)], cashExpected: .yuan(180)))))
    #expect(state.rendered.find("Cash expected 180.00") != nil)
    state.type("12.345")
    #expect(state.press(.enter).isEmpty)
    #expect(state.rendered.find("Cash counted must be an amount like 1234.50: 12.345") != nil)
    for _ in 0..<6 { state.press(.backspace) }
    state.type("170")
    #expect(state.press(.enter) == [.closeShift(counted: .yuan(170), remark: "")])
    state.send(.reports(.shiftClosed(expected: .yuan(180), counted: .yuan(170), error: nil)))
    #expect(state.rendered.find("Handed over: expected 180.00, counted 170.00, short 10.00") != nil)
  }

  @Test("F7 is on the bar for roles that view reports only; an electrician has no F7")
  func whoSeesF7() {
    let (supervisor, _) = Self.open()
    #expect(!AppView.fKeyBar(supervisor).items.contains { $0.key == 7 }, "not on its own screen")
    let grid = SampleSite.app(language: .en, size: SampleSite.large, role: .cashier)
    #expect(AppView.fKeyBar(grid).items.contains { $0.key == 7 })
    var electrician = SampleSite.app(language: .en, size: SampleSite.large, role: .electrician)
    #expect(!AppView.fKeyBar(electrician).items.contains { $0.key == 7 })
    #expect(electrician.press(.function(7)).isEmpty && electrician.screen == .grid)
  }

  @Test("the chart draws with # and | when the terminal asks for ASCII")
  func asciiChart() {
    var state = SampleSite.app(language: .en, size: SampleSite.large, role: .supervisor)
    state.asciiCharts = true
    state.press(.function(7))
    let query = ReportQueryModel(kind: .sales, from: "2025-05-01", to: "2025-05-01")
    state.send(.reports(.loaded(query, Self.table)))
    let screen = state.rendered
    #expect(screen.find("█") == nil && screen.find("2025-04-30 |###") != nil)
  }
}

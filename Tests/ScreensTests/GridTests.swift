import Domain
import Foundation
import Screens
import TerminalUI
import Testing

@Suite struct GridTests {
  @Test func searchJumpsThenOpens() {
    var state = SampleSite.app(language: .zh, size: SampleSite.small)
    #expect(state.selectedMeter == "202401000001")
    state.press(.character("/"))
    #expect(state.grid.search != nil)
    state.type("欧阳")
    #expect(state.grid.search?.matchCount == 3)
    #expect(state.rendered.find("3 项匹配") != nil)
    #expect(state.press(.enter).isEmpty)
    #expect(state.selectedMeter == "202401000003")
    #expect(state.press(.down).isEmpty)
    #expect(state.selectedMeter == "202401000006")
    state.press(.down)
    #expect(state.selectedMeter == "202401000010")
    state.press(.down)
    #expect(state.selectedMeter == "202401000003", "wraps around")
    #expect(state.press(.enter) == [.loadDetail(meter: "202401000003")])
    #expect(state.screen == .detail)
    #expect(state.grid.search == nil)
  }

  @Test func searchMatchesShopPhoneAndMeterNumberCaseInsensitively() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    state.press(.function(3))
    state.type("acme")
    state.press(.enter)
    #expect(state.selectedMeter == "202401000007")
    state.press(.control("u"))
    state.type("13912345678")
    state.press(.enter)
    #expect(state.selectedMeter == "202401000002")
    state.press(.control("u"))
    state.type("b202")
    state.press(.enter)
    #expect(state.selectedMeter == "202401000010")
    state.press(.control("u"))
    state.type("nobody")
    state.press(.enter)
    #expect(state.selectedMeter == "202401000010")
    #expect(state.rendered.find("No match") != nil)
    state.press(.escape)
    #expect(state.grid.search == nil)
    #expect(state.screen == .grid, "Esc closes the search, not the screen")
  }

  @Test func questionMarkIsTextWhileSearching() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    state.press(.character("/"), .character("?"))
    #expect(state.overlay == nil)
    #expect(state.grid.search?.field.value == "?")
    state.press(.escape, .character("?"))
    #expect(state.overlay == .help)
  }

  @Test func filterToSettingsDriftOnly() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    var drifting = SampleSite.meters[2]
    drifting.flags.insert(.settingsDrift)
    _ = state.send(.metersUpdated([drifting]))
    state.press(.function(4))
    #expect(state.rendered.find("[ ] settings drift 1") != nil)
    state.press(.down, .down, .down, .down, .down, .down, .enter)
    #expect(state.grid.driftOnly)
    let meters = state.grid.rows.compactMap(\.meterIndex).map { state.grid.meters[$0].meter }
    #expect(meters == [drifting.meter])
    #expect(state.rendered.find("+settings drift") != nil)
    state.press(.function(4), .character("a"))
    #expect(!state.grid.driftOnly)
    #expect(state.grid.rows.compactMap(\.meterIndex).count == SampleSite.meters.count)
  }

  @Test func filterToArrearsOnly() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    state.press(.function(4))
    #expect(state.rendered.find("Filter by status") != nil)
    #expect(state.rendered.find("[x] Arrears 2") != nil)
    state.press(.down, .down, .down, .enter)
    #expect(state.grid.filterMenu == nil)
    #expect(state.grid.shown == [.arrears])
    let meters = state.grid.rows.compactMap(\.meterIndex).map { state.grid.meters[$0].meter }
    #expect(meters == ["202401000004", "202401000010"])
    #expect(state.grid.counts[.normal] == 4, "the legend still counts the whole site")
    let buffer = state.rendered
    #expect(buffer.find("Filter: Arrears") != nil)
    #expect(buffer.find("202401000001") == nil)
    // Space toggles statuses back in; "a" shows all.
    state.press(.function(4), .character(" "))
    #expect(state.grid.shown == [.arrears, .normal])
    state.press(.character("a"), .escape)
    #expect(state.grid.shown.count == 6)
  }

  @Test func tagThreeMeters() {
    var state = SampleSite.app(language: .zh, size: SampleSite.small)
    state.press(.character(" "), .character(" "), .character(" "))
    #expect(state.grid.tagged == ["202401000001", "202401000002", "202401000003"])
    #expect(state.selectedMeter == "202401000004")
    let buffer = state.rendered
    for meter in state.grid.tagged {
      let y = buffer.row(containing: meter) ?? -1
      #expect(buffer[0, y].character == "*")
      #expect(buffer[0, y].role == .tagged)
    }
    #expect(buffer.find("已选 3") != nil)
    state.press(.up, .character(" "))
    #expect(state.grid.tagged.count == 2)
    state.press(.character("u"))
    #expect(state.grid.tagged.isEmpty)
  }

  @Test func navigationSkipsHeaders() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    state.press(.end)
    #expect(state.selectedMeter == "202401000012")
    state.press(.home)
    #expect(state.selectedMeter == "202401000001")
    #expect(state.grid.table.offset == 0, "the first group header stays visible")
    state.press(.down, .down, .down, .down, .down, .down)
    #expect(state.selectedMeter == "202401000007", "steps over the 云端大厦 header")
    state.press(.up)
    #expect(state.selectedMeter == "202401000006")
    state.press(.pageDown)
    #expect(state.selectedMeter == "202401000012")
    state.press(.pageUp)
    #expect(state.selectedMeter == "202401000001")
  }

  @Test func sortAndGroupingCycle() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    state.press(.character("s"))
    #expect(state.grid.sort == .remaining)
    let first = state.grid.rows.first { $0.meterIndex != nil }?.meterIndex.map { state.grid.meters[$0].meter }
    #expect(first == "202401000004", "lowest remaining first within 星河广场")
    state.press(.character("s"))
    #expect(state.grid.sort == .severity)
    state.press(.character("s"))
    #expect(state.grid.sort == .age)
    state.press(.character("g"))
    #expect(state.grid.grouping == .floor)
    #expect(state.rendered.find("▾ 星河广场 1F (3)") != nil)
    state.press(.character("g"))
    #expect(state.grid.grouping == .bus)
    #expect(state.rendered.find("▾ Bus B03 (6)") != nil)
    state.press(.character("g"))
    #expect(state.grid.rows.count == 12, "no headers")
    state.press(.character("s"), .character("g"))
    #expect(state.grid.sort == .meter && state.grid.grouping == .building)
  }

  @Test func liveUpdateKeepsSelectionAndScrollPosition() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    let site = SampleSite.generated(500)
    state.send(.metersLoaded(site))
    for _ in 0..<3 { state.press(.pageDown) }
    state.press(.up, .up)
    let selected = state.selectedMeter
    let table = state.grid.table
    let screenRow = state.rendered.row(containing: selected ?? "")
    var changed = Array(site[0..<120])
    for index in changed.indices {
      changed[index].status = .alarm1
      changed[index].remaining = Money(fen: 5_000)
      changed[index].readAt = SampleSite.now
    }
    var newcomer = site[0]
    newcomer.meter = "999999999999"
    state.send(.metersUpdated(changed + [newcomer]))
    #expect(state.selectedMeter == selected)
    // The newcomer sorts into an earlier group: rows shift by one, the screen does not.
    #expect(state.grid.table.selected == table.selected + 1)
    #expect(state.grid.table.selected - state.grid.table.offset == table.selected - table.offset)
    #expect(state.rendered.row(containing: selected ?? "") == screenRow)
    #expect(state.grid.meters.count == 501)
    #expect(state.grid.counts[.alarm1] ?? 0 >= 120)
  }

  @Test func liveUpdateFollowsAMeterThatMovesInTheSort() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    state.press(.character("s"))  // by remaining: order changes when amounts change
    state.press(.down, .down)
    let selected = state.selectedMeter
    var changed = state.grid.meters.filter { $0.meter == selected }
    changed[0].remaining = Money.yuan(99_999)
    state.send(.metersUpdated(changed))
    #expect(state.selectedMeter == selected)
    let buffer = state.rendered
    #expect(buffer.find("99,999.00") != nil)
    #expect(buffer[2, buffer.row(containing: selected ?? "") ?? 0].role == .selected)
  }

  @Test func readNowFromTheGrid() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    #expect(state.press(.function(5)) == [.readNow(meter: "202401000001")])
    #expect(state.rendered.find("Reading 202401000001…") != nil)
    state.send(.readNowFinished(meter: "202401000001", result: "timeout"))
    #expect(state.rendered.find("202401000001 read failed: timeout") != nil)
  }

  @Test func legendAtLargeSizeShowsSixDistinctRolesWithCounts() {
    let state = SampleSite.app(language: .zh, size: SampleSite.large)
    let buffer = state.rendered
    let expected: [(String, StyleRole)] = [
      ("正常 4", .normalStatus), ("报警1 2", .alarm1), ("报警2 1", .alarm2), ("欠费 2", .arrears),
      ("未开户 1", .unopened), ("失联 2", .offline),
    ]
    var roles = Set<StyleRole>()
    for (text, role) in expected {
      let position = buffer.find(text)
      #expect(position?.y == 1, "\(text) in the legend")
      if let position {
        #expect(buffer[position.x, position.y].role == role)
        roles.insert(buffer[position.x, position.y].role)
      }
    }
    #expect(roles.count == 6)
    // Rows are coloured by status too.
    for meter in SampleSite.meters where meter.meter != state.selectedMeter {
      let y = buffer.row(containing: meter.meter) ?? -1
      #expect(buffer[1, y].role == meter.status.styleRole)
    }
  }

  @Test func cjkTenantNamesAreClippedNeverSplit() {
    let buffer = SampleSite.app(language: .zh, size: SampleSite.small).rendered
    let y = buffer.row(containing: "202401000001") ?? -1
    let line = buffer.lines()[y]
    #expect(line.contains("上海星河物业 "))
    #expect(!line.contains("上海星河物业管理有限公司"))
    // Every wide character's right half is a continuation cell.
    #expect((0..<buffer.size.width).contains { buffer[$0, y].character == "业" })
    for x in 0..<buffer.size.width - 1 where buffer[x, y].character == "业" {
      #expect(buffer[x + 1, y].isContinuation)
    }
  }

  @Test func mouseSelectsRowsAndFKeyBarTriggersKeys() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    let y = state.rendered.row(containing: "202401000009") ?? -1
    #expect(state.send(.input(.mouse(x: 20, y: y, button: .left))).isEmpty)
    #expect(state.selectedMeter == "202401000009")
    #expect(state.send(.input(.mouse(x: 20, y: y, button: .left))) == [.loadDetail(meter: "202401000009")])
    #expect(state.screen == .detail)
    state.press(.escape)
    #expect(state.screen == .grid)
    #expect(state.selectedMeter == "202401000009")
    state.send(.input(.mouse(x: 1, y: 23, button: .left)))
    #expect(state.overlay == .help)
    state.press(.escape)
    let bar = AppView.fKeyBar(state)
    let saleX = bar.layout(width: 80)[1].x
    #expect(state.send(.input(.mouse(x: saleX, y: 23, button: .left))).isEmpty, "F2 is disabled")
  }

  @Test func resizeKeepsTheSelectedMeterVisible() {
    var state = SampleSite.app(language: .en, size: SampleSite.large)
    state.send(.metersLoaded(SampleSite.generated(500)))
    for _ in 0..<40 { state.press(.down) }
    state.press(.pageDown)
    let selected = state.selectedMeter ?? ""
    #expect(state.rendered.find(selected) != nil)
    state.send(.input(.resize(SampleSite.small)))
    #expect(state.selectedMeter == selected)
    let buffer = state.rendered
    #expect(buffer.size == SampleSite.small)
    let y = buffer.row(containing: selected)
    #expect(y != nil)
    #expect(buffer[5, y ?? 0].role == .selected)
    state.send(.input(.resize(SampleSite.large)))
    #expect(state.rendered.find(selected) != nil)
  }

  @Test func tenThousandMetersScrollAndRender() {
    var state = SampleSite.app(language: .zh, size: SampleSite.small)
    let meters = SampleSite.generated(10_000)
    state.send(.metersLoaded(meters))
    #expect(state.grid.meters.count == 10_000)
    #expect(state.grid.rows.count == 10_020, "20 building headers")
    let visible = state.grid.visibleRows
    for _ in 0..<100 { state.press(.pageDown) }
    #expect(state.grid.table.selected >= 100 * visible - 20)
    let selected = state.selectedMeter ?? ""
    #expect(!selected.isEmpty)
    let buffer = state.rendered
    let y = buffer.row(containing: selected) ?? -1
    #expect(y >= 4 && y < 22)
    #expect(buffer[3, y].role == .selected)
    #expect(buffer.find("电表 10,000") != nil)
    state.press(.end)
    #expect(state.grid.table.selected == state.grid.rows.count - 1)
    state.press(.home)
    #expect(state.grid.table.selected == 1)
    // A live update of a few meters in a 10,000-meter grid keeps the selection.
    state.press(.pageDown)
    let kept = state.selectedMeter
    var update = Array(meters[0..<50])
    for index in update.indices { update[index].status = .offline }
    state.send(.metersUpdated(update))
    #expect(state.selectedMeter == kept)
  }
}

import Domain
import Foundation
import Screens
import TerminalUI
import Testing

@Suite struct DetailTests {
  func opened(_ language: Language = .en, size: Size = SampleSite.small) -> AppState {
    var state = SampleSite.app(language: language, size: size)
    state.press(.character("/"))
    state.type("A103")
    state.press(.enter, .enter)
    state.send(.detailLoaded(SampleSite.detail))
    return state
  }

  @Test func f5ReadsNowAndShowsTheOutcome() {
    var state = opened()
    #expect(state.rendered.find("F5 read now") != nil)
    #expect(state.press(.function(5)) == [.readNow(meter: "202401000003")])
    #expect(state.detail?.reading == true)
    #expect(state.press(.function(5)).isEmpty, "one read at a time")
    let reading = state.rendered
    let position = reading.find("Reading…")
    #expect(position != nil)
    #expect(reading[position?.x ?? 0, position?.y ?? 0].role == .info)
    var fresh = SampleSite.detail
    fresh.voltageDeciV = 2_311
    fresh.grid.readAt = SampleSite.now
    state.send(.detailLoaded(fresh), .readNowFinished(meter: "202401000003", result: nil))
    let buffer = state.rendered
    #expect(buffer.find("Read at 12:00:00") != nil)
    #expect(buffer.find("231.1 V") != nil)
    state.press(.character("r"))
    state.send(.readNowFinished(meter: "202401000003", result: "no answer"))
    #expect(state.rendered.find("Read failed: no answer") != nil)
  }

  @Test func showsTheDetailInBothLayouts() {
    for size in [SampleSite.small, SampleSite.large] {
      let buffer = opened(.zh, size: size).rendered
      for text in ["欧阳娜娜", "剩余金额", "25.00 元", "220.3 V", "尖 1.3500", "报警2 待充"] {
        #expect(buffer.find(text) != nil, "\(text) at \(size)")
      }
    }
    let large = opened(.zh, size: SampleSite.large).rendered
    #expect(large.find("最近报警") != nil)
    #expect(large.find("近 30 天") != nil)
    let account = large.find("账户")
    let live = large.find("实时数据")
    #expect(account?.y == live?.y, "two columns side by side")
  }

  @Test func narrowLayoutScrolls() {
    var state = opened(.en)
    #expect(state.rendered.find("Recent alarms") == nil)
    state.press(.end)
    let buffer = state.rendered
    #expect(buffer.find("Recent alarms") != nil)
    #expect(buffer.find("05-01 11:55  Alarm 2  raised  25.00") != nil)
    state.press(.home)
    #expect(state.rendered.find("Account") != nil)
    for _ in 0..<100 { state.press(.down) }
    let bottom = state.detail?.scroll ?? 0
    #expect(bottom > 0 && bottom < 40, "scrolling stops at the last line")
    state.press(.home, .end)
    #expect(state.detail?.scroll == bottom)
  }

  @Test func liveUpdatesRefreshTheShownMeter() {
    var state = opened()
    var meter = SampleSite.meters[2]
    meter.remaining = Money(fen: 1_000)
    meter.status = .alarm2
    state.send(.metersUpdated([meter]))
    #expect(state.rendered.find("¥10.00") != nil)
  }

  @Test func escapeGoesBackToTheGridOnTheSameMeter() {
    var state = opened()
    #expect(state.press(.escape).isEmpty)
    #expect(state.screen == .grid)
    #expect(state.detail == nil)
    #expect(state.selectedMeter == "202401000003")
  }

  @Test func detailForAnotherMeterIsIgnored() {
    var state = opened()
    var other = SampleSite.detail
    other.grid = SampleSite.meters[0]
    state.send(.detailLoaded(other))
    #expect(state.detail?.detail?.grid.meter == "202401000003")
  }
}

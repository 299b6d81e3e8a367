import Domain
import Foundation
import Screens
import TerminalUI
import Testing

@Suite struct AppTests {
  @Test func f10QuitsAtOnceWithoutPendingWork() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    #expect(state.press(.function(10)) == [.quit])
  }

  @Test func f10AsksWhenWorkIsPending() {
    var state = SampleSite.app(language: .zh, size: SampleSite.small)
    state.send(.pendingWorkChanged(3))
    #expect(state.press(.function(10)).isEmpty)
    #expect(state.overlay == .quitConfirmation(selected: 1))
    #expect(state.rendered.find("还有 3 项售电或命令正在进行。") != nil)
    #expect(state.press(.enter).isEmpty, "Cancel is the default")
    #expect(state.overlay == nil)
    state.press(.function(10))
    #expect(state.press(.character("n")).isEmpty)
    #expect(state.overlay == nil)
    state.press(.function(10), .left)
    #expect(state.overlay == .quitConfirmation(selected: 0))
    #expect(state.press(.enter) == [.quit])
    state.press(.escape)
    state.press(.function(10))
    #expect(state.press(.character("y")) == [.quit])
  }

  @Test func helpOverlayListsTheScreensKeys() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    state.press(.character("?"))
    #expect(state.overlay == .help)
    let buffer = state.rendered
    #expect(buffer.find("Help · keys") != nil)
    let space = buffer.find("Space")
    #expect(space.map { buffer[$0.x, $0.y].role } == .helpKey)
    #expect(state.press(.down).isEmpty)
    #expect(state.selectedMeter == "202401000001", "keys go to the overlay")
    state.press(.function(1))
    #expect(state.overlay == nil)
    state.press(.character("/"), .character("A"), .enter, .enter)
    state.press(.function(1))
    #expect(state.rendered.find("Read now (interactive priority)") != nil)
  }

  @Test func errorMessageOverlay() {
    var state = SampleSite.app(language: .en, size: SampleSite.small)
    state.send(.errorReported("database is locked"))
    let buffer = state.rendered
    #expect(buffer.find("database is locked") != nil)
    #expect(buffer.find("Error") != nil)
    state.press(.enter)
    #expect(state.overlay == nil)
  }

  @Test func statusLineShowsOperatorCountsAndRefresh() {
    var state = SampleSite.app(language: .zh, size: SampleSite.large)
    state.send(.clockTicked(SampleSite.now.addingTimeInterval(65)))
    let lines = state.rendered.lines()
    #expect(lines[46].contains("操作员 张三（管理员）"))
    #expect(lines[46].contains("电表 12"))
    #expect(lines[46].contains("刷新 12:00:00"))
    #expect(lines[0].contains("2025-05-01 12:01:05"))
    #expect(state.rendered.find("1分") != nil, "ages follow the clock")
  }

  @Test func languageResolution() {
    #expect(Language.resolve(flag: "zh", localeIdentifier: "en_US.UTF-8") == .zh)
    #expect(Language.resolve(flag: "EN", localeIdentifier: "zh_CN.UTF-8") == .en)
    #expect(Language.resolve(flag: nil, localeIdentifier: "zh_CN.UTF-8") == .zh)
    #expect(Language.resolve(flag: "fr", localeIdentifier: "C") == .en)
    #expect(Language.resolve(flag: nil, localeIdentifier: nil) == .en)
  }

  @Test func siteClockFormatsLocalTime() {
    let clock = SampleSite.clock
    #expect(clock.dateTime(SampleSite.now) == "2025-05-01 12:00:00")
    #expect(clock.hmsMilli(SampleSite.now.addingTimeInterval(-0.25)) == "11:59:59.750")
    #expect(
      SiteClock(utcOffsetSeconds: 0).dateTime(Date(timeIntervalSince1970: 951_782_400))
        == "2000-02-29 00:00:00")
    #expect(clock.shortDateTime(Date(timeIntervalSince1970: -1)) == "01-01 07:59")
  }
}

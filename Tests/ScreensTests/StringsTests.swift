import Domain
import Screens
import Testing

@Suite struct StringsTests {
  func all() -> [(zh: String, en: String)] {
    CommonText.allCases.map(\.pair) + LoginText.allCases.map(\.pair) + GridText.allCases.map(\.pair)
      + DetailText.allCases.map(\.pair) + BusText.allCases.map(\.pair) + HelpText.allCases.map(\.pair)
      + OutboxText.allCases.map(\.pair)
  }

  @Test func everyStringExistsInBothLanguages() {
    for pair in all() {
      #expect(!pair.zh.isEmpty && !pair.en.isEmpty)
      // The same placeholders in both languages.
      for index in 0..<3 {
        #expect(pair.zh.contains("{\(index)}") == pair.en.contains("{\(index)}"), "\(pair)")
      }
    }
  }

  @Test func statusAndFlagWords() {
    let zh = Strings(.zh)
    #expect(MeterStatus.allCases.map { zh.status($0) } == ["正常", "报警1", "报警2", "欠费", "未开户", "失联"])
    #expect(zh.flags([.keepPower, .tripped, .pendingRecharge]) == ["保电", "拉闸", "待充"])
    let fKeys: [CommonText] = [
      .fHelp, .fSale, .fSearch, .fFilter, .fRead, .fRefresh, .fBuses, .fOutbox, .fQuit,
    ]
    #expect(fKeys.map { zh[$0] } == ["帮助", "售电", "查找", "筛选", "抄读", "刷新", "总线", "待下发", "退出"])
    let en = Strings(.en)
    #expect(
      fKeys.map { en[$0] } == [
        "Help", "Sale", "Search", "Filter", "Read", "Refresh", "Buses", "Outbox", "Quit",
      ])
    #expect(en.format(GridText.readFailed, "1", "timeout") == "1 read failed: timeout")
  }
}

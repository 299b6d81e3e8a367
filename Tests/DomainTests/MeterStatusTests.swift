import Domain
import Testing

@Suite struct MeterStatusTests {
  @Test(arguments: [
    (MeterStatus.normal, "normal", "正常", "Normal"),
    (.alarm1, "alarm1", "报警1", "Alarm 1"),
    (.alarm2, "alarm2", "报警2", "Alarm 2"),
    (.arrears, "arrears", "欠费", "Arrears"),
    (.unopened, "unopened", "未开户", "Not opened"),
    (.offline, "offline", "失联", "Offline"),
  ])
  func names(status: MeterStatus, raw: String, chinese: String, english: String) {
    #expect(status.rawValue == raw)
    #expect(status.chineseName == chinese)
    #expect(status.englishName == english)
    #expect(MeterStatus(rawValue: raw) == status)
  }

  @Test func sixStates() {
    #expect(MeterStatus.allCases.count == 6)
  }
}

import Domain
import Testing

@Suite struct TariffPeriodTests {
  @Test(arguments: [
    (TariffPeriod.sharp, "sharp", "尖", "Sharp"),
    (.peak, "peak", "峰", "Peak"),
    (.flat, "flat", "平", "Flat"),
    (.valley, "valley", "谷", "Valley"),
  ])
  func names(period: TariffPeriod, raw: String, chinese: String, english: String) {
    #expect(period.rawValue == raw)
    #expect(period.chineseName == chinese)
    #expect(period.englishName == english)
  }

  @Test func allCasesInPriceOrder() {
    #expect(TariffPeriod.allCases == [.sharp, .peak, .flat, .valley])
  }
}

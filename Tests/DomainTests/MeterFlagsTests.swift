import Domain
import Foundation
import Testing

@Suite struct MeterFlagsTests {
  @Test(arguments: [
    (MeterFlags.keepPower, UInt8(1), "保电", "Keep power"),
    (.tripped, 2, "拉闸", "Tripped"),
    (.pendingRecharge, 4, "待充值", "Pending recharge"),
    (.overload, 8, "过载", "Overload"),
    (.settingsDrift, 16, "设置偏差", "Settings drift"),
  ])
  func singleFlags(flag: MeterFlags, raw: UInt8, chinese: String, english: String) {
    #expect(flag.rawValue == raw)
    #expect(flag.chineseNames == [chinese])
    #expect(flag.englishNames == [english])
  }

  @Test func combinationsListInDisplayOrder() {
    let flags: MeterFlags = [.overload, .keepPower]
    #expect(flags.contains(.keepPower))
    #expect(!flags.contains(.tripped))
    #expect(flags.chineseNames == ["保电", "过载"])
    #expect(MeterFlags().chineseNames.isEmpty)
    #expect(MeterFlags(rawValue: 0xE0).chineseNames.isEmpty, "bits no flag uses")
    #expect(MeterFlags(rawValue: 0x1F).chineseNames == ["保电", "拉闸", "待充值", "过载", "设置偏差"])
    #expect(MeterFlags(rawValue: 0x1F).englishNames.last == "Settings drift")
  }

  @Test func codableAsBitMask() throws {
    let flags: MeterFlags = [.tripped, .pendingRecharge]
    let json = try JSONEncoder().encode(flags)
    #expect(String(decoding: json, as: UTF8.self) == "6")
    #expect(try JSONDecoder().decode(MeterFlags.self, from: json) == flags)
  }
}

import Testing

@testable import MeterProfiles

/// `[tou]` tables appended to the base profile (lines 37 on) and the error each must give.
@Suite struct BadTimeOfUseTests {
  static let cases: [BadProfileCase] = [
    BadProfileCase(
      label: "slots missing", replace: 0, with: "[tou]\nregister = 0x2006", key: "tou.slots", line: 37,
      message: "missing"),
    BadProfileCase(
      label: "too many slots", replace: 0, with: "[tou]\nregister = 0x2006\nslots = 300", key: "tou.slots",
      line: 39, message: "300 is outside 1...255"),
    BadProfileCase(
      label: "table past 0xFFFF", replace: 0, with: "[tou]\nregister = 0xFFF0\nslots = 14", key: "tou.slots",
      line: 39, message: "run past 0xFFFF"),
    BadProfileCase(
      label: "slot order repeats an item", replace: 0,
      with: "[tou]\nregister = 0x2006\nslots = 14\nslot_order = [\"tariff\", \"hour\", \"hour\"]",
      key: "tou.slot_order", line: 40, message: "must name each of tariff, minute, hour once"),
    BadProfileCase(
      label: "tariff number used twice", replace: 0,
      with: "[tou]\nregister = 0x2006\nslots = 14\ntariffs = { sharp = 1, peak = 1, flat = 3, valley = 4 }",
      key: "tou.tariffs.peak", line: 40, message: "1 is already tou.tariffs.sharp"),
    BadProfileCase(
      label: "tariff missing", replace: 0,
      with: "[tou]\nregister = 0x2006\nslots = 14\ntariffs = { sharp = 1, peak = 2, flat = 3 }",
      key: "tou.tariffs.valley", line: 40, message: "missing"),
    BadProfileCase(
      label: "tariff 0 with zero fill", replace: 0,
      with:
        "[tou]\nregister = 0x2006\nslots = 14\nunused = \"zero\"\ntariffs = { sharp = 0, peak = 2, flat = 3, valley = 4 }",
      key: "tou.tariffs.sharp", line: 41, message: "0 marks an unused slot"),
    BadProfileCase(
      label: "unknown fill", replace: 0, with: "[tou]\nregister = 0x2006\nslots = 14\nunused = \"blank\"",
      key: "tou.unused", line: 40, message: "\"blank\" is not one of repeat-last, zero"),
    BadProfileCase(
      label: "unknown time format", replace: 0,
      with: "[tou]\nregister = 0x2006\nslots = 14\ntime_format = \"hex\"",
      key: "tou.time_format", line: 40, message: "\"hex\" is not one of binary, bcd"),
    BadProfileCase(
      label: "unknown key", replace: 0, with: "[tou]\nregister = 0x2006\nslot = 14", key: "tou.slot",
      line: 39,
      message: "unknown key \"slot\""),
    BadProfileCase(
      label: "table over a setting", replace: 0, with: "[tou]\nregister = 0x0050\nslots = 4",
      key: "tou.register",
      line: 38, message: "0x0050–0x005B overlaps settings.price_flat.register"),
  ]

  @Test(arguments: cases)
  func badTableNamesFileKeyAndLine(_ bad: BadProfileCase) {
    let text = Fixtures.baseText + bad.with + "\n"
    #expect {
      _ = try ProfileCatalog.parse(text, file: "acme.toml")
    } throws: { error in
      guard let error = error as? ProfileError else { return false }
      #expect(error.key == bad.key)
      #expect(error.line == bad.line)
      #expect(error.message.contains(bad.message), "\(error.message)")
      #expect(error.description.hasPrefix("acme.toml:\(bad.line ?? 0): \(bad.key): "), "\(error.description)")
      return true
    }
  }

  @Test func aGoodTableParses() throws {
    let text =
      Fixtures.baseText
      + "[tou]\nregister = \"0x3000\"\nslots = 8\nslot_order = [\"hour\", \"minute\", \"tariff\"]\n"
      + "tariffs = { sharp = 11, peak = 12, flat = 13, valley = 14 }\nunused = \"zero\"\ntime_format = \"bcd\"\n"
    let table = try #require(try ProfileCatalog.parse(text, file: "acme.toml").timeOfUse)
    #expect(
      table
        == TimeOfUseTable(
          register: 0x3000, slotCount: 8, slotOrder: [.hour, .minute, .tariff],
          tariffNumbers: [.sharp: 11, .peak: 12, .flat: 13, .valley: 14], unused: .zero, timeFormat: .bcd))
    let defaults = try ProfileCatalog.parse(
      Fixtures.baseText + "[tou]\nregister = 0x3000\nslots = 2\n", file: "a")
    #expect(defaults.timeOfUse == TimeOfUseTable(register: 0x3000, slotCount: 2))
  }
}

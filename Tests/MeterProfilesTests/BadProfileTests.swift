import Testing

@testable import MeterProfiles

/// One way to break the base profile and the error it must give.
struct BadProfileCase: CustomTestStringConvertible, Sendable {
  var label: String
  var replace: Int
  var with: String
  var key: String
  var line: Int?
  var message: String

  var testDescription: String { label }
}

@Suite struct BadProfileTests {
  @Test func baseProfileIsValid() throws {
    let profile = try ProfileCatalog.parse(Fixtures.baseText, file: "acme.toml")
    #expect(profile.name == "acme")
    #expect(profile.fields.map(\.name) == [.voltage, .energyTotal, .remaining, .purchaseCount, .status])
    #expect(profile.serial == SerialDefaults())
    #expect(profile.recharge.count == 12)
    #expect(profile.settings[.priceFlat]?.scale == Scale(numerator: 100))
    #expect(profile.commands.count == 1)
  }

  static let cases: [BadProfileCase] = [
    BadProfileCase(
      label: "bad register type", replace: 15, with: "voltage = { register = 0x0100, type = \"u17\" }",
      key: "fields.voltage.type", line: 15,
      message: "\"u17\" is not one of u16, i16, u32, i32, f32, bcd16, bcd32"),
    BadProfileCase(
      label: "poll count over 125", replace: 12, with: "count = 126", key: "poll[0].count", line: 12,
      message: "126 is outside 1...125"),
    BadProfileCase(
      label: "register not hex", replace: 11, with: "start = \"0x1G00\"", key: "poll[0].start", line: 11,
      message: "\"0x1G00\" is not a register number 0...65535"),
    BadProfileCase(
      label: "register beyond 65535", replace: 7, with: "meter_number = 70000", key: "identity.meter_number",
      line: 7, message: "70000 is not a register number"),
    BadProfileCase(
      label: "field outside every poll block", replace: 15,
      with: "voltage = { register = 0x0200, type = \"u16\" }", key: "fields.voltage.register", line: 15,
      message: "0x0200 lies outside every [[poll]] block"),
    BadProfileCase(
      label: "u32 field running off the block end", replace: 19,
      with:
        "status = { register = 0x0109, type = \"u16\" }\nct_ratio = { register = 0x0109, type = \"u32\" }",
      key: "fields.ct_ratio.register", line: 20, message: "0x0109–0x010A lies outside every [[poll]] block"),
    BadProfileCase(
      label: "required field missing", replace: 19, with: "", key: "fields.status", line: 14,
      message: "required field missing"),
    BadProfileCase(
      label: "unknown key (typo)", replace: 3, with: "vendr = \"Acme\"", key: "profile.vendr", line: 3,
      message: "unknown key \"vendr\""),
    BadProfileCase(
      label: "unknown field", replace: 16,
      with: "energy_total = { register = 0x0102, type = \"u32\" }\nvolts = 3", key: "fields.volts", line: 17,
      message: "unknown key \"volts\""),
    BadProfileCase(
      label: "unknown table", replace: 5, with: "[profil]", key: "profil", line: 5,
      message: "unknown key \"profil\""),
    BadProfileCase(
      label: "command function", replace: 26, with: "function = 5", key: "commands.trip.function", line: 26,
      message: "5 is not 6 (one register) or 16 (several registers)"),
    BadProfileCase(
      label: "FC06 with two values", replace: 26, with: "function = 6", key: "commands.trip.values",
      line: 28, message: "function 6 writes exactly one value, not 2"),
    BadProfileCase(
      label: "recharge count", replace: 36, with: "count = 10", key: "recharge.count", line: 36,
      message: "takes 12 registers, not 10"),
    BadProfileCase(
      label: "recharge scheme", replace: 34, with: "scheme = \"acrel-tea\"", key: "recharge.scheme", line: 34,
      message: "\"acrel-tea\" is not a known token scheme"),
    BadProfileCase(
      label: "recharge over a field", replace: 35, with: "register = 0x0100", key: "recharge.register",
      line: 35, message: "0x0100–0x010B overlaps fields.voltage.register"),
    BadProfileCase(
      label: "status bit out of range", replace: 22, with: "fault = 16", key: "status.fault", line: 22,
      message: "16 is outside 0...15"),
    BadProfileCase(
      label: "status bit used twice", replace: 23, with: "relay_closed = [13, 8]", key: "status.relay_closed",
      line: 23, message: "bit 8 is already status.fault"),
    BadProfileCase(
      label: "bad scale", replace: 31,
      with: "price_flat = { register = 0x0059, type = \"u32\", scale = \"1/0\" }",
      key: "settings.price_flat.scale", line: 31, message: "\"1/0\" is not a scale"),
    BadProfileCase(
      label: "signed_when_overdrawn on i32", replace: 17,
      with: "remaining = { register = 0x0104, type = \"i32\", signed_when_overdrawn = true }",
      key: "fields.remaining.signed_when_overdrawn", line: 17, message: "applies only to type u32, not i32"),
    BadProfileCase(
      label: "overlapping fields", replace: 18,
      with: "purchase_count = { register = 0x0105, type = \"u16\" }",
      key: "fields.purchase_count.register", line: 18, message: "0x0105 overlaps fields.remaining"),
    BadProfileCase(
      label: "setting over a command", replace: 31,
      with: "price_flat = { register = 0x0056, type = \"u32\" }",
      key: "commands.trip.register", line: 27, message: "0x0057–0x0058 overlaps settings.price_flat.register"),
    BadProfileCase(
      label: "TOML syntax error", replace: 22, with: "fault = ", key: "status.fault", line: 22,
      message: "TOML syntax"),
    BadProfileCase(
      label: "wrong value kind", replace: 4, with: "model = 3", key: "profile.model", line: 4,
      message: "must be a string, not integer"),
    BadProfileCase(
      label: "missing table", replace: 33, with: "[recharges]", key: "recharges", line: 33,
      message: "unknown key \"recharges\""),
  ]

  @Test(arguments: cases)
  func badProfileNamesFileKeyAndLine(_ bad: BadProfileCase) {
    let text = Fixtures.text(replacing: bad.replace, with: bad.with)
    #expect {
      _ = try ProfileCatalog.parse(text, file: "acme.toml")
    } throws: { error in
      guard let error = error as? ProfileError else { return false }
      #expect(error.file == "acme.toml")
      #expect(error.key == bad.key)
      #expect(error.line == bad.line)
      #expect(error.message.contains(bad.message), "\(error.message)")
      let location = bad.line.map { "acme.toml:\($0): " } ?? "acme.toml: "
      #expect(error.description.hasPrefix(location + bad.key + ": "), "\(error.description)")
      return true
    }
  }

  @Test func descriptionFormat() {
    let error = ProfileError(file: "acme.toml", key: "fields.voltage.type", message: "bad", line: 12)
    #expect(error.description == "acme.toml:12: fields.voltage.type: bad")
    #expect(ProfileError(file: "a.toml", key: "x", message: "m").description == "a.toml: x: m")
    #expect(ProfileError(file: "dir", key: "", message: "m").description == "dir: m")
  }

  @Test func missingRechargeTableHasNoLine() throws {
    let lines = Fixtures.baseLines.prefix(32)
    let text = lines.joined(separator: "\n")
    let error = #expect(throws: ProfileError.self) { try ProfileCatalog.parse(text, file: "acme.toml") }
    #expect(error?.key == "recharge")
    #expect(error?.line == nil)
    #expect(error?.message == "missing table")
  }
}

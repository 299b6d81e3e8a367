import MeterProfiles
import Testing

/// Shared fixtures: the shipped profiles and a small valid profile text to break in tests.
enum Fixtures {
  static func shipped() throws -> [String: MeterProfile] { try ProfileCatalog.shipped() }

  static func ddsy() throws -> MeterProfile {
    try #require(try shipped()["acrel-ddsy1352"])
  }

  static func adf() throws -> MeterProfile {
    try #require(try shipped()["acrel-adf400l-1p"])
  }

  /// A minimal valid profile; tests replace numbered lines (1-based) to break it.
  static let baseLines: [String] = [
    "[profile]",  // 1
    "name = \"acme\"",  // 2
    "vendor = \"Acme\"",  // 3
    "model = \"X1\"",  // 4
    "",  // 5
    "[identity]",  // 6
    "meter_number = 0x0010",  // 7
    "",  // 8
    "[[poll]]",  // 9
    "name = \"main\"",  // 10
    "start = 0x0100",  // 11
    "count = 10",  // 12
    "",  // 13
    "[fields]",  // 14
    "voltage = { register = \"0x0100\", type = \"u16\" }",  // 15
    "energy_total = { register = 0x0102, type = \"u32\" }",  // 16
    "remaining = { register = 0x0104, type = \"u32\", signed_when_overdrawn = true }",  // 17
    "purchase_count = { register = 0x0106, type = \"u16\" }",  // 18
    "status = { register = 0x0107, type = \"u16\" }",  // 19
    "",  // 20
    "[status]",  // 21
    "fault = 8",  // 22
    "relay_closed = [13]",  // 23
    "",  // 24
    "[commands.trip]",  // 25
    "function = 16",  // 26
    "register = 0x0057",  // 27
    "values = [1, 1]",  // 28
    "",  // 29
    "[settings]",  // 30
    "price_flat = { register = 0x0059, type = \"u32\", scale = \"100\" }",  // 31
    "",  // 32
    "[recharge]",  // 33
    "scheme = \"meterdesk-3des-v1\"",  // 34
    "register = 0x0400",  // 35
    "result_register = 0x040C",  // 36
  ]

  static var baseText: String { baseLines.joined(separator: "\n") + "\n" }

  /// The base text with line `number` (1-based) replaced.
  static func text(replacing number: Int, with line: String) -> String {
    var lines = baseLines
    lines[number - 1] = line
    return lines.joined(separator: "\n") + "\n"
  }
}

/// Hexadecimal formatting for messages, without Foundation.
enum Hex {
  /// Formats a byte as "0x0A".
  static func byte(_ value: UInt8) -> String {
    "0x" + digits(UInt64(value), width: 2)
  }

  /// Formats a 16-bit word as "0x00FF".
  static func word(_ value: UInt16) -> String {
    "0x" + digits(UInt64(value), width: 4)
  }

  /// Formats bytes as "01 03 00 6B" for traces.
  static func dump<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    bytes.map { digits(UInt64($0), width: 2) }.joined(separator: " ")
  }

  /// Upper-case hex digits of `value`, zero-padded to `width`.
  static func digits(_ value: UInt64, width: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}

/// Internal helpers for hex text and for handing byte arrays to C.
enum Hex {
  /// Lower-case hex of `bytes`, two digits per byte.
  static func encode(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Bytes of an even-length hex string (either case); nil for anything else.
  static func decode(_ text: some StringProtocol) -> [UInt8]? {
    let chars = Array(text.utf8)
    guard chars.count % 2 == 0 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(chars.count / 2)
    var index = 0
    while index < chars.count {
      guard let high = nibble(chars[index]), let low = nibble(chars[index + 1]) else { return nil }
      out.append(high << 4 | low)
      index += 2
    }
    return out
  }

  private static func nibble(_ char: UInt8) -> UInt8? {
    switch char {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return char - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return char - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return char - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}

/// Calls `body` with a pointer to `bytes` that is never nil, even when `bytes` is empty.
func withNonNilPointer<R>(_ bytes: [UInt8], _ body: (UnsafePointer<UInt8>) -> R) -> R {
  bytes.withUnsafeBufferPointer { buffer in
    if let base = buffer.baseAddress { return body(base) }
    let zero: UInt8 = 0
    return withUnsafePointer(to: zero) { body($0) }
  }
}

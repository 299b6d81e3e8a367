/// Bytes of a hex string; traps on malformed input (tests only).
func bytes(hex: String) -> [UInt8] {
  let chars = Array(hex.utf8)
  precondition(chars.count % 2 == 0, "odd hex length")
  return stride(from: 0, to: chars.count, by: 2).map { index in
    UInt8(String(decoding: chars[index...index + 1], as: UTF8.self), radix: 16)!
  }
}

/// Lower-case hex of `data`.
func hex(_ data: [UInt8]) -> String {
  data.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

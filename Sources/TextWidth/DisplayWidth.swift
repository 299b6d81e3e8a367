/// Terminal display width of text: CJK and other wide characters take two cells,
/// combining marks and zero-width characters none.
public enum DisplayWidth {
  /// Cells a scalar occupies on a terminal (0, 1 or 2).
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v == 0 { return 0 }
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if isZeroWidth(v) { return 0 }
    return isWide(v) ? 2 : 1
  }

  /// Cells a character (grapheme cluster) occupies: the width of its first non-zero scalar.
  public static func of(_ character: Character) -> Int {
    if let ascii = character.asciiValue {  // fast path: most console text is ASCII
      return ascii >= 0x20 && ascii != 0x7F ? 1 : 0
    }
    for scalar in character.unicodeScalars {
      let width = of(scalar)
      if width > 0 { return width }
    }
    return 0
  }

  /// Cells a string occupies.
  public static func of(_ text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  /// The longest prefix that fits in `cells`, never splitting a wide character.
  public static func prefix(_ text: some StringProtocol, fitting cells: Int) -> String {
    var used = 0
    var result = ""
    for character in text {
      let width = of(character)
      if used + width > cells { break }
      used += width
      result.append(character)
    }
    return result
  }

  /// Text clipped to `cells` and padded with spaces to exactly `cells`, left or right aligned.
  public static func pad(_ text: some StringProtocol, to cells: Int, alignRight: Bool = false) -> String {
    let clipped = prefix(text, fitting: cells)
    let fill = String(repeating: " ", count: max(0, cells - of(clipped)))
    return alignRight ? fill + clipped : clipped + fill
  }

  private static func isZeroWidth(_ v: UInt32) -> Bool {
    (0x0300...0x036F).contains(v) || (0x1AB0...0x1AFF).contains(v)
      || (0x1DC0...0x1DFF).contains(v) || (0x20D0...0x20FF).contains(v)
      || (0xFE20...0xFE2F).contains(v) || v == 0x200B || v == 0x200C || v == 0x200D
      || v == 0x2060 || (0xFE00...0xFE0F).contains(v) || v == 0xFEFF
  }

  private static func isWide(_ v: UInt32) -> Bool {
    (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v)
      || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
      || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
      || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x2FFFD).contains(v)
      || (0x30000...0x3FFFD).contains(v)
  }
}

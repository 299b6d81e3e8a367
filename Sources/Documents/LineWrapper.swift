import TextWidth

/// Breaks lines wider than the paper, by display cells, never inside a CJK character.
enum LineWrapper {
  /// Characters a line should not start with (Chinese and ASCII closing punctuation).
  private static let closing: Set<Character> = [
    "，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", ",", ".", ";", ":", "!", "?", ")",
  ]

  /// `text` in lines of at most `width` cells. Continuation lines are indented by `hangingIndent` when it
  /// is at most half the width; an ASCII word (a number, an amount) is moved whole to the next line when
  /// possible, and a line does not start with closing punctuation.
  static func wrap(_ text: String, width: Int, hangingIndent: Int) -> [String] {
    let indent = hangingIndent <= width / 2 ? hangingIndent : 0
    var rest = Array(text)
    var lines: [String] = []
    var available = width
    var prefix = ""
    while DisplayWidth.of(String(rest)) > available {
      let cut = breakIndex(rest, available: available)
      lines.append(prefix + String(rest[..<cut]).trimmingTrailingSpaces())
      rest = Array(rest[cut...].drop { $0 == " " })
      prefix = String(repeating: " ", count: indent)
      available = width - indent
    }
    if !rest.isEmpty || lines.isEmpty { lines.append(prefix + String(rest)) }
    return lines
  }

  /// Where to break `characters` so the head fits `available` cells (at least one character).
  private static func breakIndex(_ characters: [Character], available: Int) -> Int {
    var cells = 0
    var cut = 0
    while cut < characters.count {
      let next = cells + DisplayWidth.of(characters[cut])
      if next > available { break }
      cells = next
      cut += 1
    }
    guard cut > 0 else { return 1 }
    guard cut < characters.count else { return cut }
    let before = characters[cut - 1]
    let after = characters[cut]
    if isWordCharacter(before) && isWordCharacter(after),
      let space = characters[..<cut].lastIndex(of: " "), space > cut / 2
    {
      return space
    }
    if closing.contains(after) && cut > 1 { return cut - 1 }
    return cut
  }

  /// ASCII other than space: part of a number, an amount or an English word.
  private static func isWordCharacter(_ character: Character) -> Bool {
    character.isASCII && character != " "
  }
}

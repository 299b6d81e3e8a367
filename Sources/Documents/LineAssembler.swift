import TextWidth

/// A template line filled in with a receipt's values, before wrapping.
struct AssembledLine: Sendable, Hashable {
  /// The text, aligned on the paper, without trailing spaces.
  var text: String
  /// The cell where the line's first placeholder starts: continuation lines of a wrapped line start there.
  var hangingIndent: Int
}

/// Fills template lines with values: widths and alignment in display cells (CJK = 2), rules, tabs.
struct LineAssembler {
  /// The receipt's values.
  let data: ReceiptData
  /// The current copy's 联 label, or empty.
  let copyLabel: String
  /// The paper width in cells.
  let width: Int

  /// The filled-in line, or nil when it is left out: it has placeholders, all of them are empty, and it
  /// has no other text (so `{reprint:^}` disappears on an original and `{payee}` alone on a line too).
  func assemble(_ line: TemplateLine) -> AssembledLine? {
    let fields = line.fields
    if !fields.isEmpty && !line.hasFixedContent
      && fields.allSatisfy({ value(of: $0).trimmingSpaces().isEmpty })
    {
      return nil
    }
    var pieces: [String] = []
    var ruleSlots: [(index: Int, fill: Character)] = []
    var column = 0
    var firstField: Int?
    for segment in line.segments {
      let piece: String
      switch segment {
      case .text(let text):
        piece = expandingTabs(text, from: column)
      case .field(let field, let alignment, let fieldWidth):
        if firstField == nil { firstField = column }
        piece = Self.formatted(value(of: field), clips: field.clipsToWidth, alignment, fieldWidth)
      case .rule(let fill):
        ruleSlots.append((pieces.count, fill))
        piece = ""
      }
      pieces.append(piece)
      column += DisplayWidth.of(piece)
    }
    if !ruleSlots.isEmpty {
      let share = max(0, width - column) / ruleSlots.count
      for slot in ruleSlots {
        let cells = max(1, DisplayWidth.of(slot.fill))
        pieces[slot.index] = String(repeating: slot.fill, count: share / cells)
      }
    }
    let text = pieces.joined().trimmingTrailingSpaces()
    let used = DisplayWidth.of(text)
    let shift: Int
    switch line.alignment {
    case .left: shift = 0
    case .center: shift = max(0, (width - used) / 2)
    case .right: shift = max(0, width - used)
    }
    return AssembledLine(
      text: String(repeating: " ", count: shift) + text, hangingIndent: shift + (firstField ?? 0))
  }

  /// A field's text with control characters (which could drive the printer) turned into spaces.
  private func value(of field: ReceiptField) -> String {
    let raw = field.value(for: data, copyLabel: copyLabel)
    return String(
      raw.map { character -> Character in
        character.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
          ? " " : character
      })
  }

  /// `value` placed in `width` cells: padded, and clipped when `clips` (never splitting a CJK character).
  static func formatted(_ value: String, clips: Bool, _ alignment: FieldAlignment, _ width: Int?) -> String {
    guard let width else { return value }
    let text = clips ? DisplayWidth.prefix(value, fitting: width) : value
    let fill = max(0, width - DisplayWidth.of(text))
    switch alignment {
    case .left: return text + String(repeating: " ", count: fill)
    case .right: return String(repeating: " ", count: fill) + text
    case .center:
      return String(repeating: " ", count: fill / 2) + text + String(repeating: " ", count: fill - fill / 2)
    }
  }

  /// Literal text with tabs expanded to the next multiple of eight cells.
  private func expandingTabs(_ text: String, from start: Int) -> String {
    guard text.contains("\t") else { return text }
    var result = ""
    var column = start
    for character in text {
      if character == "\t" {
        let spaces = 8 - column % 8
        result += String(repeating: " ", count: spaces)
        column += spaces
      } else {
        result.append(character)
        column += DisplayWidth.of(character)
      }
    }
    return result
  }
}

extension String {
  /// The text without trailing spaces.
  func trimmingTrailingSpaces() -> String {
    guard let last = lastIndex(where: { $0 != " " }) else { return "" }
    return String(self[...last])
  }
}

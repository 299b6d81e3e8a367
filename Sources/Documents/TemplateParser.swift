/// Splits template text into layouts: comments (`# …`), `@layout N` sections and placeholder lines.
struct TemplateParser {
  /// The file name used in errors.
  let file: String

  /// The layouts of `text`: one without a width when there is no `@layout` line.
  func parse(_ text: String) throws(TemplateError) -> [TemplateLayout] {
    var body = Substring(text)
    if body.first == "\u{FEFF}" { body = body.dropFirst() }
    // "\r\n" is one Character in Swift: split on it as well as on "\n".
    let rawLines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    var layouts: [TemplateLayout] = []
    var current: TemplateLayout?
    var firstLooseLine = 0
    for (offset, rawLine) in rawLines.enumerated() {
      let number = offset + 1
      let line = String(rawLine)
      if isComment(line) { continue }
      if line.hasPrefix("@layout") {
        if let finished = current {
          guard finished.width != nil else {
            throw TemplateError(
              file: file, line: firstLooseLine, message: "text before the first @layout line")
          }
          layouts.append(finished)
        }
        let width = try layoutWidth(line, number: number)
        if layouts.contains(where: { $0.width == width }) {
          throw TemplateError(file: file, line: number, message: "a second @layout \(width)")
        }
        current = TemplateLayout(width: width, lines: [])
        continue
      }
      let parsed = try LineParser(file: file, lineNumber: number).parse(line)
      if current == nil {
        if line.trimmingSpaces().isEmpty { continue }
        current = TemplateLayout(width: nil, lines: [])
        firstLooseLine = number
      }
      current?.lines.append(parsed)
    }
    if let finished = current { layouts.append(finished) }
    layouts = layouts.map(trimmingBlankLines)
    guard layouts.contains(where: { !$0.lines.isEmpty }) else {
      throw TemplateError(file: file, line: 0, message: "the template has no lines to print")
    }
    return layouts
  }

  /// `#` alone or followed by a space starts a comment line (`#MUserID` is a placeholder, not a comment).
  private func isComment(_ line: String) -> Bool {
    line == "#" || line.hasPrefix("# ") || line.hasPrefix("#\t")
  }

  /// The width of an `@layout 80` line.
  private func layoutWidth(_ line: String, number: Int) throws(TemplateError) -> Int {
    let argument = line.dropFirst("@layout".count).trimmingSpaces()
    guard let width = Int(argument), (20...400).contains(width) else {
      throw TemplateError(
        file: file, line: number,
        message: "bad directive \"\(line)\": write @layout 40 or @layout 80 (a width in columns)")
    }
    return width
  }

  /// The layout without blank lines at its start and end.
  private func trimmingBlankLines(_ layout: TemplateLayout) -> TemplateLayout {
    var lines = layout.lines[...]
    while let first = lines.first, first.segments.allSatisfy(isBlank) { lines = lines.dropFirst() }
    while let last = lines.last, last.segments.allSatisfy(isBlank) { lines = lines.dropLast() }
    return TemplateLayout(width: layout.width, lines: Array(lines))
  }

  /// Whether a segment prints nothing but spaces.
  private func isBlank(_ segment: TemplateSegment) -> Bool {
    if case .text(let text) = segment { return text.trimmingSpaces().isEmpty }
    return false
  }
}

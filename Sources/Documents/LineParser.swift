/// Parses one template line into segments: `{name}`, `{name:>12}`, `{^}`, `{rule}`, `#MUserID`, `{{`, `}}`.
struct LineParser {
  /// The error to throw, with its file and line filled in.
  let file: String
  /// The 1-based line number.
  let lineNumber: Int

  /// The parsed line.
  func parse(_ text: String) throws(TemplateError) -> TemplateLine {
    var segments: [TemplateSegment] = []
    var alignment = LineAlignment.left
    var literal = ""
    var index = text.startIndex
    func flush() {
      if !literal.isEmpty { segments.append(.text(literal)) }
      literal = ""
    }
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if character == "{", next < text.endIndex, text[next] == "{" {
        literal.append("{")
        index = text.index(after: next)
      } else if character == "}", next < text.endIndex, text[next] == "}" {
        literal.append("}")
        index = text.index(after: next)
      } else if character == "{" {
        guard let close = text[next...].firstIndex(of: "}") else {
          throw error("unclosed placeholder \"\(text[index...])\" (write {{ for a literal {)")
        }
        flush()
        let placeholder = try parsePlaceholder(String(text[next..<close]))
        if let lineAlignment = placeholder.lineAlignment { alignment = lineAlignment }
        if let segment = placeholder.segment { segments.append(segment) }
        index = text.index(after: close)
      } else if character == "#", let (field, end) = try referenceAlias(in: text, at: index) {
        flush()
        segments.append(.field(field, .left, width: nil))
        index = end
      } else {
        literal.append(character)
        index = next
      }
    }
    flush()
    return TemplateLine(segments: segments, alignment: alignment)
  }

  /// A `#M…` name of the reference system at `start`, or nil when the text there is not one.
  private func referenceAlias(in text: String, at start: String.Index) throws(TemplateError) -> (
    ReceiptField, String.Index
  )? {
    let nameStart = text.index(after: start)
    guard nameStart < text.endIndex, text[nameStart] == "M" || text[nameStart] == "m" else { return nil }
    var end = nameStart
    while end < text.endIndex, text[end].isASCII,
      text[end].isLetter || text[end].isNumber || text[end] == "_"
    {
      end = text.index(after: end)
    }
    let name = String(text[nameStart..<end])
    guard name.count > 1 else { return nil }
    guard let field = ReceiptField.referenceAliases[name.lowercased()] else {
      throw error("unknown placeholder #\(name) (known reference names: \(ReceiptField.referenceAliasNames))")
    }
    return (field, end)
  }

  /// What `{content}` means: a segment, a line alignment, or both.
  private func parsePlaceholder(_ content: String) throws(TemplateError) -> (
    segment: TemplateSegment?, lineAlignment: LineAlignment?
  ) {
    let trimmed = content.trimmingSpaces()
    switch trimmed {
    case "": throw error("empty placeholder {} (write {{}} for literal braces)")
    case "^": return (nil, .center)
    case ">": return (nil, .right)
    case "<": return (nil, .left)
    default: break
    }
    let parts = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let name = parts[0].trimmingSpaces().lowercased()
    let spec = parts.count > 1 ? parts[1].trimmingSpaces() : ""
    if name == "rule" {
      guard spec.count <= 1 else { throw error("bad rule {\(content)}: write {rule} or {rule:=}") }
      return (.rule(spec.first ?? "-"), nil)
    }
    guard let field = ReceiptField(rawValue: name) else {
      throw error("unknown placeholder {\(content)}")
    }
    return try format(field, spec: spec, content: content)
  }

  /// Applies a `[<|>|^][width]` spec to `field`.
  private func format(_ field: ReceiptField, spec: String, content: String) throws(TemplateError) -> (
    segment: TemplateSegment?, lineAlignment: LineAlignment?
  ) {
    var rest = Substring(spec)
    var alignment = FieldAlignment.left
    switch rest.first {
    case "<": rest = rest.dropFirst()
    case ">": alignment = .right; rest = rest.dropFirst()
    case "^": alignment = .center; rest = rest.dropFirst()
    default: break
    }
    if rest.isEmpty {
      let line: LineAlignment? =
        switch alignment {
        case .center: .center
        case .right: .right
        case .left: nil
        }
      return (.field(field, .left, width: nil), line)
    }
    guard rest.allSatisfy({ $0.isASCII && $0.isNumber }), let width = Int(rest), (1...400).contains(width)
    else {
      throw error("bad format in {\(content)}: expected [<|>|^][width], e.g. {\(field.rawValue):>12}")
    }
    return (.field(field, alignment, width: width), nil)
  }

  /// A `TemplateError` at this line.
  private func error(_ message: String) -> TemplateError {
    TemplateError(file: file, line: lineNumber, message: message)
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
    else {
      return ""
    }
    return String(self[first...last])
  }
}

/// A dotted key path into a TOML document, e.g. `poll[1].count` or `fields.voltage.type`.
struct TOMLKeyPath: CustomStringConvertible {
  /// One step: a key, with the element index when the key is an array of tables.
  struct Step {
    var name: String
    var index: Int?
  }

  var steps: [Step] = []

  /// The path one key deeper.
  func appending(_ name: String, index: Int? = nil) -> TOMLKeyPath {
    TOMLKeyPath(steps: steps + [Step(name: name, index: index)])
  }

  var description: String {
    steps.map { step in step.index.map { "\(step.name)[\($0)]" } ?? step.name }
      .joined(separator: ".")
  }
}

/// Finds the lines of table headers and `key =` lines in TOML text, so errors can say `file:line`.
///
/// TOMLKit reports positions only for syntax errors; scanning the raw text is exact for
/// the hand-written profile files sites keep (one key per line, `[a.b]` or `[[a]]` headers).
struct KeyLocator {
  private let lines: [Substring]

  init(text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The line of the deepest part of `path` that appears in the text; nil when none does.
  func line(of path: TOMLKeyPath) -> Int? {
    let steps = path.steps
    for depth in stride(from: steps.count, through: 1, by: -1) {
      let name = steps[..<depth].map(\.name).joined(separator: ".")
      let header: Int?
      if let index = steps[depth - 1].index {
        header = arrayHeaderLine(name, index: index)
      } else {
        header = headerLine(name)
      }
      guard let header else { continue }
      if depth == steps.count { return header }
      return keyLine(steps[depth].name, afterLine: header) ?? header
    }
    guard let first = steps.first else { return nil }
    return keyLine(first.name, afterLine: 0)
  }

  /// The dotted path of what stands on `line`: the enclosing header plus the line's key, if any.
  func path(atLine line: Int) -> String {
    guard line >= 1, line <= lines.count else { return "" }
    if let header = headerName(lines[line - 1]) { return header }
    var table = ""
    for index in stride(from: line - 2, through: 0, by: -1) {
      if let header = headerName(lines[index]) {
        table = header
        break
      }
    }
    guard let key = keyName(lines[line - 1]) else { return table }
    return table.isEmpty ? key : table + "." + key
  }

  private func headerLine(_ name: String) -> Int? {
    lines.indices.first { isHeader(lines[$0], name, array: false) }.map { $0 + 1 }
  }

  private func arrayHeaderLine(_ name: String, index: Int) -> Int? {
    let matches = lines.indices.filter { isHeader(lines[$0], name, array: true) }
    return index < matches.count ? matches[index] + 1 : nil
  }

  /// The line of `key = …` in the table starting after one-based `afterLine` (0: before any header).
  private func keyLine(_ key: String, afterLine: Int) -> Int? {
    var index = afterLine
    while index < lines.count {
      if headerName(lines[index]) != nil { return nil }
      if keyName(lines[index]) == key { return index + 1 }
      index += 1
    }
    return nil
  }

  private func isHeader(_ line: Substring, _ name: String, array: Bool) -> Bool {
    let trimmed = line.filter { $0 != " " && $0 != "\t" && $0 != "\"" }
    let open = array ? "[[" : "["
    let close = array ? "]]" : "]"
    guard trimmed.hasPrefix(open + name + close) else { return false }
    let rest = trimmed.dropFirst(open.count + name.count + close.count)
    return rest.isEmpty || rest.hasPrefix("#")
  }

  /// "a.b" for a `[a.b]` or `[[a.b]]` line.
  private func headerName(_ line: Substring) -> String? {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    guard trimmed.first == "[", let end = trimmed.firstIndex(of: "]") else { return nil }
    return String(trimmed[..<end].drop { $0 == "[" }).filter { $0 != " " && $0 != "\"" }
  }

  /// The bare key before `=` on a `key = value` line.
  private func keyName(_ line: Substring) -> String? {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    guard let first = trimmed.first, first != "#", first != "[", let equals = trimmed.firstIndex(of: "=")
    else { return nil }
    let key = trimmed[..<equals].trimmingCharacters(in: " \t\"")
    return key.isEmpty ? nil : key
  }
}

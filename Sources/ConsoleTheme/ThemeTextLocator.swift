/// Finds the lines of table headers and keys in theme TOML, so errors can say `file:line`.
///
/// TOMLKit reports positions only for syntax errors; this scans the raw text for
/// `[a.b]` headers (quotes and spaces ignored) and `key =` lines.
struct ThemeTextLocator {
  private let lines: [Substring]

  init(text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The line of the `[path]` header, e.g. `roles.alarm1`.
  func header(_ path: String) -> Int? {
    for (number, line) in lines.enumerated() where headerName(line) == path {
      return number + 1
    }
    return nil
  }

  /// The line of `key = …` in the table whose header is `path` (else the header line).
  func key(_ key: String, inTable path: String) -> Int? {
    guard let headerLine = header(path) else { return nil }
    var index = headerLine
    while index < lines.count {
      let line = lines[index]
      if headerName(line) != nil { break }
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix(key) || trimmed.hasPrefix("\"\(key)\"") {
        let rest = trimmed.drop { $0 != "=" && $0 != " " && $0 != "\t" }
          .drop { $0 == " " || $0 == "\t" }
        let name = trimmed.prefix { $0 != "=" && $0 != " " && $0 != "\t" }.filter { $0 != "\"" }
        if name == key && rest.first == "=" { return index + 1 }
      }
      index += 1
    }
    return headerLine
  }

  private func headerName(_ line: Substring) -> String? {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    guard trimmed.first == "[", let end = trimmed.firstIndex(of: "]") else { return nil }
    return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
      .filter { $0 != " " && $0 != "\"" && $0 != "\t" }
  }
}

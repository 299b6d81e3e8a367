/// Finds the lines of tables and keys in TOML text, so semantic errors can say `file:line`.
///
/// TOMLKit reports positions only for syntax errors; this scans the raw text for table
/// headers and `key =` lines, which is exact for the hand-written files sites keep.
struct TOMLLocator {
  private let lines: [Substring]

  init(text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The line of the `index`-th `[[name]]` header.
  func arrayTable(_ name: String, index: Int) -> Int? {
    var seen = 0
    for (number, line) in lines.enumerated() where headerName(line) == "[[\(name)]]" {
      if seen == index { return number + 1 }
      seen += 1
    }
    return nil
  }

  /// The line of the `[name]` header (dotted names are matched with or without quotes).
  func table(_ name: String) -> Int? {
    for (number, line) in lines.enumerated() {
      guard let header = headerName(line) else { continue }
      if header == "[\(name)]" || header.replacingQuotes() == "[\(name)]" { return number + 1 }
    }
    return nil
  }

  /// The line of `key = …` inside the table whose header is at `tableLine` (or before any
  /// header when nil), else the table line itself.
  func key(_ key: String, inTableAt tableLine: Int?) -> Int? {
    var index = tableLine ?? 0  // one-based header line == zero-based index of the next line
    while index < lines.count {
      let line = lines[index]
      if headerName(line) != nil { break }
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix(key) {
        let rest = trimmed.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
        if rest.first == "=" { return index + 1 }
      }
      index += 1
    }
    return tableLine
  }

  private func headerName(_ line: Substring) -> String? {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    guard trimmed.first == "[" else { return nil }
    guard let end = trimmed.lastIndex(of: "]") else { return nil }
    return String(trimmed[...end]).filter { $0 != " " }
  }
}

extension String {
  fileprivate func replacingQuotes() -> String { filter { $0 != "\"" } }
}

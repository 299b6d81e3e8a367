/// A CSV file read into rows that remember the line each started on.
struct CSVTable {
  /// One data row: its one-based starting line and its fields by header name.
  struct Row {
    let line: Int
    let fields: [String: String]

    /// The trimmed value of a column, or "" when the column is absent.
    subscript(_ column: String) -> String {
      (fields[column] ?? "").trimmingSpaces()
    }
  }

  let header: [String]
  let rows: [Row]

  /// Parses RFC 4180 CSV (quotes, doubled quotes, CRLF or LF, a UTF-8 BOM) and reports
  /// malformed rows by line instead of stopping at the first.
  static func parse(
    _ text: String, required: [String], issues: inout IssueCollector
  ) -> CSVTable {
    var records = splitRecords(text, issues: &issues)
    guard !records.isEmpty else {
      issues.add("the file is empty; expected a header row", line: 1)
      return CSVTable(header: [], rows: [])
    }
    let headerRecord = records.removeFirst()
    let header = headerRecord.fields.map { $0.trimmingSpaces() }
    let missing = required.filter { !header.contains($0) }
    if !missing.isEmpty {
      issues.add(
        "header lacks column(s) \(missing.joined(separator: ", "))", line: headerRecord.line)
    }
    var rows: [Row] = []
    for record in records {
      if record.fields.count == 1, record.fields[0].trimmingSpaces().isEmpty { continue }
      guard record.fields.count == header.count else {
        issues.add(
          "expected \(header.count) fields, found \(record.fields.count)", line: record.line)
        continue
      }
      rows.append(Row(line: record.line, fields: Dictionary(zip(header, record.fields)) { a, _ in a }))
    }
    return CSVTable(header: header, rows: rows)
  }

  private struct Record {
    var line: Int
    var fields: [String]
  }

  private static func splitRecords(_ text: String, issues: inout IssueCollector) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var fieldWasQuoted = false
    var line = 1
    var recordLine = 1
    var chars = Array(text.unicodeScalars)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var index = 0
    func endRecord() {
      fields.append(field)
      records.append(Record(line: recordLine, fields: fields))
      fields = []
      field = ""
      fieldWasQuoted = false
    }
    while index < chars.count {
      let c = chars[index]
      if inQuotes {
        if c == "\"" {
          if index + 1 < chars.count, chars[index + 1] == "\"" {
            field.unicodeScalars.append("\"")
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if c == "\n" { line += 1 }
          field.unicodeScalars.append(c)
        }
      } else {
        switch c {
        case "\"":
          if field.trimmingSpaces().isEmpty && !fieldWasQuoted {
            field = ""
            inQuotes = true
            fieldWasQuoted = true
          } else {
            issues.add("a quote inside an unquoted field", line: line)
            field.unicodeScalars.append(c)
          }
        case ",":
          fields.append(field)
          field = ""
          fieldWasQuoted = false
        case "\r":
          break
        case "\n":
          endRecord()
          line += 1
          recordLine = line
        default:
          field.unicodeScalars.append(c)
        }
      }
      index += 1
    }
    if inQuotes {
      issues.add("a quoted field is never closed", line: recordLine)
    }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return records
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
  }
}

import Domain
import TOMLKit

/// Typed reads of one TOML table that record an issue, with its line, for each bad value.
struct TOMLFields {
  let table: TOMLTable
  let tableLine: Int?
  let locator: TOMLLocator
  let context: String

  func line(_ key: String) -> Int? { locator.key(key, inTableAt: tableLine) }

  func string(_ key: String, required: Bool = true, issues: inout IssueCollector) -> String? {
    guard let value = table[key] else {
      if required { issues.add("\(context): missing key \"\(key)\"", line: tableLine) }
      return nil
    }
    guard let text = value.string else {
      issues.add("\(context): \"\(key)\" must be a string", line: line(key))
      return nil
    }
    if required && text.trimmingSpaces().isEmpty {
      issues.add("\(context): \"\(key)\" is empty", line: line(key))
      return nil
    }
    return text
  }

  func int(
    _ key: String, required: Bool = true, range: ClosedRange<Int>, issues: inout IssueCollector
  ) -> Int? {
    guard let value = table[key] else {
      if required { issues.add("\(context): missing key \"\(key)\"", line: tableLine) }
      return nil
    }
    guard let number = value.int else {
      issues.add("\(context): \"\(key)\" must be a whole number", line: line(key))
      return nil
    }
    guard range.contains(number) else {
      issues.add(
        "\(context): \"\(key)\" = \(number) is outside \(range.lowerBound)–\(range.upperBound)",
        line: line(key))
      return nil
    }
    return number
  }

  func bool(_ key: String, issues: inout IssueCollector) -> Bool? {
    guard let value = table[key] else { return nil }
    guard let flag = value.bool else {
      issues.add("\(context): \"\(key)\" must be true or false", line: line(key))
      return nil
    }
    return flag
  }

  func money(_ key: String, issues: inout IssueCollector) -> Money? {
    guard let text = string(key, required: false, issues: &issues) else { return nil }
    switch Money.parse(text, requirePositive: true) {
    case .success(let money): return money
    case .failure(let error):
      issues.add("\(context): \"\(key)\" = \"\(text)\": \(error)", line: line(key))
      return nil
    }
  }

  func strings(_ key: String, issues: inout IssueCollector) -> [String]? {
    guard let value = table[key] else { return nil }
    guard let array = value.array else {
      issues.add("\(context): \"\(key)\" must be an array of strings", line: line(key))
      return nil
    }
    var result: [String] = []
    for element in array {
      guard let text = element.string else {
        issues.add("\(context): \"\(key)\" must hold only strings", line: line(key))
        return nil
      }
      result.append(text)
    }
    return result
  }

  /// Reports keys this table does not know, which are usually typos.
  func rejectUnknownKeys(_ known: Set<String>, issues: inout IssueCollector) {
    for key in table.keys where !known.contains(key) {
      issues.add("\(context): unknown key \"\(key)\"", line: line(key))
    }
  }
}

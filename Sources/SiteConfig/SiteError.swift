/// One problem found in a site file, located as `file:line`.
public struct SiteIssue: Sendable, Hashable, CustomStringConvertible {
  /// The file as the operator named it (or as it was resolved relative to the site file).
  public var file: String
  /// One-based line number, or nil when the problem concerns the whole file.
  public var line: Int?
  /// What is wrong, in plain words.
  public var message: String

  /// Creates an issue for a file, line and message.
  public init(file: String, line: Int?, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: message`, the form editors and terminals understand.
  public var description: String {
    if let line { return "\(file):\(line): \(message)" }
    return "\(file): \(message)"
  }
}

/// Every problem found while reading a site; nothing is imported while any remain.
public struct SiteErrors: Error, Sendable, CustomStringConvertible {
  /// The problems, in the order they were found.
  public var issues: [SiteIssue]

  /// Wraps a list of issues.
  public init(_ issues: [SiteIssue]) { self.issues = issues }

  /// One issue per line.
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// Collects issues for one file while parsing continues past each of them.
struct IssueCollector {
  let file: String
  private(set) var issues: [SiteIssue] = []

  init(file: String) { self.file = file }

  mutating func add(_ message: String, line: Int?) {
    issues.append(SiteIssue(file: file, line: line, message: message))
  }
}

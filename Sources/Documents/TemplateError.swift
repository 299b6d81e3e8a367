/// A receipt template that cannot be used: where (file and line) and why.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The template's file name or path, as given to `parse` or `load`.
  public var file: String
  /// The 1-based line number; 0 when the error is about the whole file.
  public var line: Int
  /// What is wrong, naming the offending placeholder or directive.
  public var message: String

  /// Creates an error at `file:line`.
  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// "file:line: message", or "file: message" for the whole file.
  public var description: String {
    line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
  }
}

/// A table that could not be written: the file it was meant for and why.
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The output path given to the writer.
  public var path: String
  /// What went wrong, with libxlsxwriter's own error text where it failed.
  public var message: String

  /// Creates an error about `path`.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// "cannot write PATH: MESSAGE".
  public var description: String { "cannot write \(path): \(message)" }
}

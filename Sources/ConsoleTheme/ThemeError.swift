/// A problem in a theme file, located as `file:line` with the offending key.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The theme file as named.
  public var file: String
  /// One-based line, when known.
  public var line: Int?
  /// The dotted key at fault (e.g. `roles.alarm1.fg`), when there is one.
  public var key: String?
  /// What is wrong.
  public var message: String

  /// An error at `file:line` about `key`.
  public init(file: String, line: Int?, key: String?, message: String) {
    self.file = file
    self.line = line
    self.key = key
    self.message = message
  }

  /// `file:line: key: message`.
  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    text += ": "
    if let key { text += "\(key): " }
    return text + message
  }
}

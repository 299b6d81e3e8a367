/// A profile file that cannot be used, naming the file, the key and (when known) the line.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file, as it was given to the loader.
  public var file: String
  /// The offending key as a dotted path, e.g. "fields.voltage.type" or "poll[1].count"; empty for the file as a whole.
  public var key: String
  /// What is wrong and, where it helps, what is allowed.
  public var message: String
  /// The one-based line of the key in the file; nil when it cannot be found.
  public var line: Int?

  /// Creates an error.
  public init(file: String, key: String, message: String, line: Int? = nil) {
    self.file = file
    self.key = key
    self.message = message
    self.line = line
  }

  /// "file:line: key: message", leaving out the line when unknown and the key when empty.
  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    text += ": "
    if !key.isEmpty { text += key + ": " }
    return text + message
  }
}

/// One line of help: the keys and what they do.
public struct HelpEntry: Sendable, Hashable {
  /// The key caps, e.g. "F1 / ?" (not translated).
  public var keys: String
  /// What the keys do.
  public var text: HelpText

  /// A help line.
  public init(keys: String, text: HelpText) {
    self.keys = keys
    self.text = text
  }
}

import Foundation

/// One alarm in a meter's recent history: when, which kind, entered or cleared, and a note.
public struct AlarmLine: Sendable, Hashable {
  /// When the alarm was raised or cleared.
  public var at: Date
  /// The kind, e.g. "alarm1", "arrears", "offline", "overload" (shown as given).
  public var kind: String
  /// True when the condition began, false when it cleared.
  public var entered: Bool
  /// Free text, e.g. the remaining amount at the time.
  public var detail: String

  /// Creates an alarm line.
  public init(at: Date, kind: String, entered: Bool, detail: String = "") {
    self.at = at
    self.kind = kind
    self.entered = entered
    self.detail = detail
  }
}

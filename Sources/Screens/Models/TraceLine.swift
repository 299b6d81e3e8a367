import Foundation

/// One frame in a bus's live trace.
public struct TraceLine: Sendable, Hashable {
  /// When the frame was sent or received.
  public var at: Date
  /// "→" sent, "←" received, "✕" dropped or failed.
  public var direction: String
  /// The frame bytes in hex, space separated.
  public var hex: String
  /// A short decoding or error note.
  public var note: String

  /// Creates a trace line.
  public init(at: Date, direction: String, hex: String, note: String = "") {
    self.at = at
    self.direction = direction
    self.hex = hex
    self.note = note
  }
}

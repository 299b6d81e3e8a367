/// Horizontal placement of text within a fixed number of cells.
public enum Alignment: Sendable, Hashable {
  /// Flush left, padded on the right.
  case left
  /// Flush right, padded on the left.
  case right
  /// Centred; an odd leftover cell goes to the right.
  case center
}

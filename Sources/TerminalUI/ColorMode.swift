/// How many colours the terminal can show (or whether colour is off, e.g. `NO_COLOR`).
public enum ColorMode: Sendable, Hashable {
  /// 256 or more colours.
  case colors256
  /// The eight basic colours.
  case colors8
  /// No colour: attributes (bold, underline, reverse, dim) only.
  case monochrome
}

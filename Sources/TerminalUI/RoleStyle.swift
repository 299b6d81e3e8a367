/// Colours and attributes for one role.
public struct RoleStyle: Sendable, Hashable {
  /// Text colour.
  public var foreground: TerminalColor
  /// Background colour.
  public var background: TerminalColor
  /// Bold (bright on some terminals).
  public var bold: Bool
  /// Underlined.
  public var underline: Bool
  /// Foreground and background swapped.
  public var reverse: Bool
  /// Faint.
  public var dim: Bool

  /// A style; everything defaults to the terminal's plain text.
  public init(
    foreground: TerminalColor = .default, background: TerminalColor = .default,
    bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
    self.dim = dim
  }

  /// Plain text in the terminal's colours.
  public static let plain = RoleStyle()

  /// The same attributes with both colours reduced to the eight basic ones.
  public var reducedTo8: RoleStyle {
    var style = self
    style.foreground = foreground.nearest8
    style.background = background.nearest8
    return style
  }

  /// The same attributes with both colours set to the terminal default.
  public var attributesOnly: RoleStyle {
    var style = self
    style.foreground = .default
    style.background = .default
    return style
  }
}

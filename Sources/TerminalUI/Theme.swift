/// A theme maps every role to a style, with 8-colour and monochrome fallbacks.
public struct Theme: Sendable, Hashable {
  /// The theme's name (e.g. "default").
  public var name: String
  /// Styles for 256-colour terminals.
  public var styles: [StyleRole: RoleStyle]
  /// Styles for 8-colour terminals; a missing role uses `styles` reduced to 8 colours.
  public var fallback8: [StyleRole: RoleStyle]
  /// Attribute-only styles for monochrome terminals and `NO_COLOR`; a missing role uses
  /// `Theme.monochromeDefaults`.
  public var monochrome: [StyleRole: RoleStyle]

  /// A theme from its parts.
  public init(
    name: String, styles: [StyleRole: RoleStyle], fallback8: [StyleRole: RoleStyle] = [:],
    monochrome: [StyleRole: RoleStyle] = [:]
  ) {
    self.name = name
    self.styles = styles
    self.fallback8 = fallback8
    self.monochrome = monochrome
  }

  /// The style to paint `role` with on a terminal of `colors`.
  public func style(for role: StyleRole, colors: ColorMode) -> RoleStyle {
    switch colors {
    case .colors256:
      return styles[role] ?? styles[.normal] ?? .plain
    case .colors8:
      if let style = fallback8[role] { return style.reducedTo8 }
      return (styles[role] ?? styles[.normal] ?? .plain).reducedTo8
    case .monochrome:
      return (monochrome[role] ?? Theme.monochromeDefaults[role] ?? .plain).attributesOnly
    }
  }
}

/// A terminal colour: the terminal's default, or an index into the 256-colour palette.
public enum TerminalColor: Sendable, Hashable {
  /// The terminal's own foreground or background.
  case `default`
  /// Palette index 0–255 (0–7 basic, 8–15 bright, 16–231 cube, 232–255 greys).
  case indexed(UInt8)

  /// The nearest of the eight basic colours (0–7), for 8-colour terminals.
  public var nearest8: TerminalColor {
    guard case .indexed(let index) = self else { return .default }
    switch index {
    case 0..<16:
      return .indexed(index % 8)
    case 16..<232:
      let cube = Int(index) - 16
      let r = cube / 36
      let g = (cube / 6) % 6
      let b = cube % 6
      let bits = (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
      // All-dim cube colours that are not black read best as their strongest channel.
      if bits == 0 && max(r, g, b) >= 1 {
        let strongest = r >= g && r >= b ? 1 : (g >= b ? 2 : 4)
        return .indexed(UInt8(strongest))
      }
      return .indexed(UInt8(bits))
    default:
      return .indexed(index < 244 ? 0 : 7)
    }
  }
}

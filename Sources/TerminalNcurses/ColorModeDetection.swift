import TerminalUI

/// Chooses the colour mode from the environment and the terminal's capabilities.
public enum ColorModeDetection {
  /// `NO_COLOR` (set and non-empty) → monochrome; 256+ colours → 256; any colour → 8;
  /// otherwise monochrome.
  public static func detect(noColor: String?, colors: Int, hasColors: Bool) -> ColorMode {
    if let noColor, !noColor.isEmpty { return .monochrome }
    guard hasColors else { return .monochrome }
    if colors >= 256 { return .colors256 }
    return colors >= 8 ? .colors8 : .monochrome
  }
}

import TerminalUI

/// What happened on the bus view.
public enum BusesAction: Sendable, Hashable {
  /// The operator pressed a key.
  case keyPressed(Key)
  /// A mouse event at (`x`, `y`) relative to the screen's area.
  case mouse(x: Int, y: Int, button: MouseButton)
  /// Bus statistics arrived (replace the list; the selected bus stays selected).
  case busesLoaded([BusRow])
  /// Frames passed on `bus`.
  case traceReceived(bus: String, [TraceLine])
  /// The screen's area changed size.
  case resized(Size)
}

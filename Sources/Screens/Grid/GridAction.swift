import Foundation
import TerminalUI

/// What happened on the meter status grid.
public enum GridAction: Sendable, Hashable {
  /// The operator pressed a key.
  case keyPressed(Key)
  /// A mouse event at (`x`, `y`) relative to the grid's area.
  case mouse(x: Int, y: Int, button: MouseButton)
  /// The full list of meters arrived (replaces everything).
  case metersLoaded([GridMeter])
  /// Acquisition read some meters: replace them by number (unknown numbers are added).
  case metersUpdated([GridMeter])
  /// A read-now finished for `meter`; `result` is the error text, nil on success.
  case readNowFinished(meter: String, result: String?)
  /// The clock moved (reading ages).
  case clockTicked(Date)
  /// The grid's area changed size.
  case resized(Size)
}

import Foundation
import TerminalUI

/// What happened on the meter detail screen.
public enum DetailAction: Sendable, Hashable {
  /// The operator pressed a key.
  case keyPressed(Key)
  /// The meter's detail arrived (after opening or after a read).
  case detailLoaded(MeterDetail)
  /// Acquisition read some meters; the shown one refreshes its grid values.
  case metersUpdated([GridMeter])
  /// A read-now finished; `result` is the error text, nil on success.
  case readNowFinished(meter: String, result: String?)
  /// The clock moved.
  case clockTicked(Date)
  /// The screen's area changed size.
  case resized(Size)
}

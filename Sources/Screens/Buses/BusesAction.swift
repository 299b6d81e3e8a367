import Domain
import Foundation
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
  /// The view opened for an operator of `role`; `meters` are the site's meters (for the pick lists).
  case opened(role: Role?, meters: [GridMeter])
  /// The clock moved (ages of watched values).
  case clockTicked(Date)
  /// A scan of `bus` is trying `address`.
  case scanProgress(bus: String, address: Int)
  /// A scan of `bus` finished.
  case scanFinished(bus: String, [ScanRow], error: String?)
  /// A watched meter was read.
  case meterWatched(MeterDetail)
  /// A relay test step was done.
  case relayTestStep(meter: String, step: String, ok: Bool)
  /// A relay test finished.
  case relayTestFinished(meter: String, ok: Bool, detail: String)
  /// Raw registers arrived, or the error.
  case registersRead(meter: String, [RegisterRow], error: String?)
}

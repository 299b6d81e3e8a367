import Acquisition
import ConsoleBridge
import Foundation
import ModbusTransport
import NIOConcurrencyHelpers
import Screens

/// Collects frames of the one bus the electrician is watching, for the bus view's live trace.
final class TraceTap: Sendable {
  private struct State {
    var bus: String?
    var lines: [TraceLine] = []
    var wake: (@Sendable () -> Void)?
  }

  private let state = NIOLockedValueBox(State())

  /// The sink handed to the acquisition engine; cheap when no bus is watched.
  var sink: FrameTraceSink {
    { [state] bus, frame in
      let wake = state.withLockedValue { state -> (@Sendable () -> Void)? in
        guard state.bus == bus else { return nil }
        if state.lines.count >= 500 { state.lines.removeFirst(state.lines.count - 499) }
        state.lines.append(ScreenModels.trace(frame, at: Date()))
        return state.lines.count == 1 ? state.wake : nil
      }
      wake?()
    }
  }

  /// Sets the callback that wakes the console loop.
  func setWake(_ wake: @escaping @Sendable () -> Void) {
    state.withLockedValue { $0.wake = wake }
  }

  /// Starts watching a bus (or stops with nil).
  func watch(_ bus: String?) {
    state.withLockedValue {
      $0.bus = bus
      $0.lines.removeAll()
    }
  }

  /// The watched bus and the frames since the last call.
  func take() -> (bus: String, lines: [TraceLine])? {
    state.withLockedValue { state in
      guard let bus = state.bus, !state.lines.isEmpty else { return nil }
      defer { state.lines.removeAll(keepingCapacity: true) }
      return (bus, state.lines)
    }
  }
}

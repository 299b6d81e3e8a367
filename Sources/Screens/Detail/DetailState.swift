import Foundation
import TerminalUI

/// The outcome of the last read-now.
public enum ReadOutcome: Sendable, Hashable {
  /// The read succeeded at this time.
  case succeeded(Date)
  /// The read failed with this error text.
  case failed(String)
}

/// The meter detail screen: which meter, what was loaded, the read-now progress and the scroll.
public struct DetailState: Sendable, Hashable {
  /// The meter number shown.
  public var meter: String
  /// The detail, nil until `detailLoaded` arrives.
  public internal(set) var detail: MeterDetail?
  /// True between F5 and `readNowFinished`.
  public internal(set) var reading: Bool
  /// The last read-now outcome.
  public internal(set) var outcome: ReadOutcome?
  /// Lines scrolled off the top (narrow layout).
  public internal(set) var scroll: Int
  /// The time ages are measured against.
  public var now: Date
  /// Site time for timestamps.
  public var clock: SiteClock
  /// The screen's area.
  public internal(set) var size: Size

  /// A detail screen for `meter`, waiting for its data.
  public init(meter: String, size: Size, now: Date, clock: SiteClock) {
    self.meter = meter
    detail = nil
    reading = false
    outcome = nil
    scroll = 0
    self.now = now
    self.clock = clock
    self.size = size
  }
}

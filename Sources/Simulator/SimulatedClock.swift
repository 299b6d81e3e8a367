import Foundation
import NIOCore

/// Simulated time: a start instant plus real elapsed time × speed.
struct SimulatedClock: Sendable {
  /// Simulated time at `realStart`, Unix seconds.
  let simulatedStart: Double
  /// The monotonic real instant the clock started.
  let realStart: NIODeadline
  /// Simulated seconds per real second.
  let speed: Double

  /// Starts a clock now at simulated time `simulatedStart`.
  init(simulatedStart: Double, speed: Double, realStart: NIODeadline = .now()) {
    self.simulatedStart = simulatedStart
    self.realStart = realStart
    self.speed = speed.isFinite && speed > 0 ? speed : 1
  }

  /// Simulated time at a real monotonic instant, Unix seconds.
  func simulatedTime(at real: NIODeadline) -> Double {
    let elapsedNanos = Double(real.uptimeNanoseconds) - Double(realStart.uptimeNanoseconds)
    return simulatedStart + elapsedNanos / 1e9 * speed
  }

  /// Simulated time now, Unix seconds.
  func now() -> Double {
    simulatedTime(at: .now())
  }
}

/// The site's time zone, for local time of day (TOU periods, load curves).
struct SiteTimeZone: Sendable {
  /// The zone.
  let zone: TimeZone

  /// The zone named by an IANA identifier, or UTC+8 (China Standard Time) when unknown.
  init(identifier: String) {
    zone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current
  }

  /// Seconds to add to Unix time to get local time at `unixSeconds`.
  func offsetSeconds(at unixSeconds: Double) -> Double {
    Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: unixSeconds)))
  }
}

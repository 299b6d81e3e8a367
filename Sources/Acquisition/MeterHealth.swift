/// A meter's communication health: failures in a row, offline, and when to try it again.
///
/// Pure value logic, tested on its own: a meter that fails `offlineAfterFailures` tries in a row
/// goes offline; an offline meter is tried every 2, then 4, … up to the policy's maximum
/// sweeps, staggered by its position so retries spread over sweeps instead of bunching.
struct MeterHealth: Sendable, Hashable {
  /// A change worth recording.
  enum Transition: Sendable, Hashable {
    case wentOffline
    case cameOnline
  }

  private(set) var consecutiveFailures = 0
  private(set) var offline = false
  private(set) var sweepsBetweenTries = 1
  let stagger: Int

  init(stagger: Int, offline: Bool = false) {
    self.stagger = stagger
    self.offline = offline
    if offline { sweepsBetweenTries = 2 }
  }

  /// Whether a routine sweep numbered `sweep` should try this meter.
  func isDue(sweep: Int) -> Bool {
    !offline || (sweep + stagger) % sweepsBetweenTries == 0
  }

  /// Records an answer; returns `.cameOnline` when an offline meter answered.
  mutating func recordSuccess() -> Transition? {
    consecutiveFailures = 0
    guard offline else { return nil }
    offline = false
    sweepsBetweenTries = 1
    return .cameOnline
  }

  /// Records a failed try; returns `.wentOffline` when this failure crosses the threshold.
  mutating func recordFailure(policy: RetryPolicy) -> Transition? {
    consecutiveFailures += 1
    if offline {
      sweepsBetweenTries = min(sweepsBetweenTries * 2, max(1, policy.maxSweepsBetweenOfflineTries))
      return nil
    }
    guard consecutiveFailures >= policy.offlineAfterFailures else { return nil }
    offline = true
    sweepsBetweenTries = min(2, max(1, policy.maxSweepsBetweenOfflineTries))
    return .wentOffline
  }

  /// Marks the meter offline because its whole bus is down (no per-meter timeouts spent).
  mutating func busWentDown() -> Transition? {
    guard !offline else { return nil }
    offline = true
    consecutiveFailures = 0
    sweepsBetweenTries = 1  // tried as soon as the bus is back
    return .wentOffline
  }
}

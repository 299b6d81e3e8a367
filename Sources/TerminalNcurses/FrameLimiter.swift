/// Limits redraws to at most `maxPerSecond` frames (about 30), so bursts of acquisition
/// events do not repaint the screen hundreds of times a second.
public struct FrameLimiter: Sendable {
  /// The shortest time between two frames.
  public let minimumInterval: Duration
  /// When the last frame was allowed.
  public private(set) var lastFrame: ContinuousClock.Instant?

  /// A limiter allowing `maxPerSecond` frames a second (at least 1).
  public init(maxPerSecond: Int = 30) {
    minimumInterval = .seconds(1) / max(1, maxPerSecond)
    lastFrame = nil
  }

  /// True (and records the frame) when a frame may be drawn at `now`.
  public mutating func shouldDraw(now: ContinuousClock.Instant) -> Bool {
    guard delayUntilNextFrame(now: now) == nil else { return false }
    lastFrame = now
    return true
  }

  /// How long until a frame may be drawn; nil when one may be drawn at `now`.
  public func delayUntilNextFrame(now: ContinuousClock.Instant) -> Duration? {
    guard let lastFrame else { return nil }
    let elapsed = now - lastFrame
    return elapsed >= minimumInterval ? nil : minimumInterval - elapsed
  }
}

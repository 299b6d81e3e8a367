/// The test backend: records drawn buffers and renders them to text plus styles for
/// golden comparisons.
public struct TestBackend: Sendable {
  /// The size the backend pretends to have.
  public var size: Size
  /// Every buffer drawn, oldest first.
  public var frames: [Buffer]

  /// An empty recorder of `size`.
  public init(size: Size) {
    self.size = size
    self.frames = []
  }

  /// Records `buffer` as the next frame.
  public mutating func draw(_ buffer: Buffer) {
    frames.append(buffer)
  }

  /// The last frame, if any.
  public var lastFrame: Buffer? { frames.last }

  /// The last frame as its text, then "--- roles ---", then its role map
  /// (see `StyleRole.code`); an empty string when nothing was drawn.
  public func snapshot() -> String {
    guard let frame = frames.last else { return "" }
    return TestBackend.snapshot(of: frame)
  }

  /// `buffer` as its text, then "--- roles ---", then its role map.
  public static func snapshot(of buffer: Buffer) -> String {
    buffer.text() + "\n--- roles ---\n" + buffer.roleMap().joined(separator: "\n")
  }
}

/// A `Terminal` for tests and headless runs: records frames in a `TestBackend` and hands
/// out queued events (nil when the queue is empty).
public final class TestTerminal: Terminal {
  /// The recorder of everything drawn.
  public private(set) var backend: TestBackend
  /// Events still to be returned by `nextEvent`, first first.
  public var pendingEvents: [InputEvent]

  /// A terminal of `size` that will report `events` in order.
  public init(size: Size, events: [InputEvent] = []) {
    self.backend = TestBackend(size: size)
    self.pendingEvents = events
  }

  /// The current size.
  public var size: Size { backend.size }

  /// Records `buffer`.
  public func draw(_ buffer: Buffer) {
    backend.draw(buffer)
  }

  /// The next queued event, or nil at once when none is left (the timeout is ignored).
  public func nextEvent(timeout: Duration?) -> InputEvent? {
    pendingEvents.isEmpty ? nil : pendingEvents.removeFirst()
  }

  /// Changes the size and queues the matching `.resize` event.
  public func resize(to size: Size) {
    backend.size = size
    pendingEvents.append(.resize(size))
  }
}

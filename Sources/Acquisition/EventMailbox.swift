import NIOConcurrencyHelpers

/// A subscriber's inbox: events queue here and a wake-up callback tells its loop to drain them.
///
/// The console passes a callback that writes a byte to a pipe its `poll(2)` watches, so its
/// loop sleeps until a key or an event arrives; tests drain it directly.
public final class EventMailbox: Sendable {
  private let queue = NIOLockedValueBox<[AcquisitionEvent]>([])
  private let wake: @Sendable () -> Void
  private let capacity: Int

  /// Creates a mailbox; `wake` is called (from the acquisition thread) when the inbox goes from empty to non-empty.
  public init(capacity: Int = 100_000, wake: @escaping @Sendable () -> Void = {}) {
    self.capacity = capacity
    self.wake = wake
  }

  /// Adds an event; drops the oldest when the inbox is full so a stalled reader cannot exhaust memory.
  func post(_ event: AcquisitionEvent) {
    let wasEmpty = queue.withLockedValue { events -> Bool in
      let empty = events.isEmpty
      if events.count >= capacity { events.removeFirst(events.count - capacity + 1) }
      events.append(event)
      return empty
    }
    if wasEmpty { wake() }
  }

  /// Takes every queued event, oldest first.
  public func drain() -> [AcquisitionEvent] {
    queue.withLockedValue { events in
      defer { events.removeAll(keepingCapacity: true) }
      return events
    }
  }
}

import ModbusCore
import NIOConcurrencyHelpers
import NIOCore

/// Owns one bus connection on an event loop: one request in flight, the rest queued FIFO.
///
/// All work happens on `eventLoop` without blocking, so one loop thread can run hundreds of
/// clients. The client connects lazily and reconnects after a drop; on RTU framings it keeps
/// the t3.5 silence between frames and, after a timeout, discards the late answer so that it
/// is never taken for the answer to the next request. Call `close()` when done.
public final class ModbusBusClient: Sendable {
  /// The bus this client talks to.
  public let endpoint: ModbusEndpoint
  /// The event loop all of its I/O runs on.
  public let eventLoop: any EventLoop
  /// Its timing settings.
  public let configuration: ModbusClientConfiguration
  /// The counters, shared with the session.
  private let counters: NIOLockedValueBox<ModbusClientStatistics>
  /// The loop-confined state machine.
  private let session: NIOLoopBoundBox<LinkSession>

  /// Creates an idle client; nothing is opened until the first request.
  ///
  /// `trace` is called on the event loop for every frame sent, received or discarded; keep it cheap.
  public init(
    endpoint: ModbusEndpoint, eventLoop: any EventLoop,
    configuration: ModbusClientConfiguration = ModbusClientConfiguration(),
    trace: (@Sendable (FrameTrace) -> Void)? = nil
  ) {
    self.endpoint = endpoint
    self.eventLoop = eventLoop
    self.configuration = configuration
    let counters = NIOLockedValueBox(ModbusClientStatistics())
    self.counters = counters
    session = NIOLoopBoundBox.makeBoxSendingValue(
      LinkSession(
        endpoint: endpoint, configuration: configuration, eventLoop: eventLoop, trace: trace,
        statistics: counters),
      eventLoop: eventLoop)
  }

  /// A snapshot of the counters; safe from any thread.
  public var statistics: ModbusClientStatistics {
    counters.withLockedValue { $0 }
  }

  /// Sends `request` to `unit` once the bus is free and completes with its answer.
  ///
  /// Fails with `ModbusTransportError`: `.timeout`, `.exception` for an exception response,
  /// `.crc`, `.malformed`, `.connectFailed`, `.connectionClosed`, `.invalidRequest` or `.closed`.
  public func execute(_ request: ModbusRequest, unit: UInt8) -> EventLoopFuture<ModbusResponse> {
    execute(request, unit: unit, timeout: nil)
  }

  /// Like ``execute(_:unit:)`` with this request's own response timeout (nil: the bus's).
  ///
  /// Acquisition probes offline meters with a timeout just above the longest plausible answer
  /// time, so a dead meter costs little on each retry.
  public func execute(_ request: ModbusRequest, unit: UInt8, timeout: TimeAmount?)
    -> EventLoopFuture<ModbusResponse>
  {
    let promise = eventLoop.makePromise(of: ModbusResponse.self)
    let pending = PendingRequest(
      request: request, unit: unit, promise: promise, attemptsLeft: configuration.retries,
      timeout: timeout)
    let session = self.session
    if eventLoop.inEventLoop {
      session.value.enqueue(pending)
    } else {
      eventLoop.execute { session.value.enqueue(pending) }
    }
    return promise.futureResult
  }

  /// Fails everything pending with `.closed` and closes the connection; later requests fail too.
  public func close() -> EventLoopFuture<Void> {
    let session = self.session
    if eventLoop.inEventLoop { return session.value.shutdown() }
    return eventLoop.flatSubmit { session.value.shutdown() }
  }
}

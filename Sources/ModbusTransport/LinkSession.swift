import ModbusCore
import NIOConcurrencyHelpers
import NIOCore

/// A request waiting for the bus, with the promise its caller holds.
struct PendingRequest {
  /// What to ask.
  let request: ModbusRequest
  /// Whom to ask.
  let unit: UInt8
  /// Completed with the answer or the failure.
  let promise: EventLoopPromise<ModbusResponse>
  /// How many more times it may be sent after a transient failure.
  var attemptsLeft: Int
  /// This request's response timeout, when it differs from the bus's (a quick probe).
  var timeout: TimeAmount? = nil
}

/// The request on the wire, waiting for its answer.
struct InFlight {
  /// The request and its promise.
  var pending: PendingRequest
  /// The MBAP transaction id it was sent with (unused on RTU framings).
  let transactionID: UInt16
  /// The RTU answer decoder; nil for Modbus TCP.
  var reader: RTUAnswerReader?
  /// The response timeout.
  var timer: Scheduled<Void>?
}

/// The wait after an RTU failure before the next request may go out.
struct Drain {
  /// The decoder of the timed-out request: a late answer it recognises is discarded.
  var stale: RTUAnswerReader?
  /// The line must stay quiet until then.
  var quietUntil: NIODeadline
  /// The wait ends then even if the line never goes quiet.
  let giveUpAt: NIODeadline
  /// Fires when the wait may end.
  var timer: Scheduled<Void>?
}

/// Where the session's connection stands.
enum ConnectionState {
  /// No connection; the next request opens one.
  case idle
  /// A connection is being opened.
  case connecting
  /// Connected on this channel.
  case connected(any Channel)
}

/// The transport-level state machine of one bus link (frames on one connection), confined to its event loop.
///
/// One request in flight; the queue behind it is FIFO. On RTU framings a request goes
/// out only after the t3.5 silence since the last received byte, and only when no drain
/// (the quiet wait after a timeout or a bad frame) is in progress.
final class LinkSession {
  /// The bus.
  let endpoint: ModbusEndpoint
  /// Timeouts and retries.
  let configuration: ModbusClientConfiguration
  /// The loop everything runs on.
  let eventLoop: any EventLoop
  /// The frame trace hook, called on the loop.
  let trace: (@Sendable (FrameTrace) -> Void)?
  /// Counters shared with the client (read from any thread).
  let statistics: NIOLockedValueBox<ModbusClientStatistics>
  /// The RTU t3.5 inter-frame silence.
  let silence: TimeAmount
  /// How long the line must be quiet after a bad frame before the next request.
  let errorQuiet: TimeAmount

  /// Requests waiting for the bus.
  var queue = CircularBuffer<PendingRequest>()
  /// The request on the wire.
  var inFlight: InFlight?
  /// The quiet wait in progress, if any.
  var drain: Drain?
  /// The connection.
  var connection = ConnectionState.idle
  /// Bumped per connection attempt so that events of old channels are ignored.
  var generation = 0
  /// Whether a connection was ever established (later ones count as reconnects).
  var hasConnected = false
  /// Whether `close()` was called.
  var isClosed = false
  /// The MBAP stream decoder of the current connection.
  var mbap = MBAPDecoder()
  /// When the last byte arrived (for the RTU silence).
  var lastReceived = NIODeadline.uptimeNanoseconds(0)
  /// Fires when the RTU silence before the next request has passed.
  var silenceTimer: Scheduled<Void>?
  /// The next MBAP transaction id.
  var nextTransactionID: UInt16 = 1

  /// Creates an idle session.
  init(
    endpoint: ModbusEndpoint, configuration: ModbusClientConfiguration, eventLoop: any EventLoop,
    trace: (@Sendable (FrameTrace) -> Void)?, statistics: NIOLockedValueBox<ModbusClientStatistics>
  ) {
    self.endpoint = endpoint
    self.configuration = configuration
    self.eventLoop = eventLoop
    self.trace = trace
    self.statistics = statistics
    var baud = configuration.baud
    if case .serial(_, let serialBaud, _) = endpoint { baud = serialBaud }
    silence = .microseconds(Int64(WireTiming.silenceMicros(baud: baud)))
    errorQuiet = max(silence, .milliseconds(20))
  }

  /// Closes a connection left open by a client that was released without `close()`.
  deinit {
    if case .connected(let channel) = connection { channel.close(promise: nil) }
    for pending in queue { pending.promise.fail(ModbusTransportError.closed) }
    inFlight?.pending.promise.fail(ModbusTransportError.closed)
  }

  /// The loop, known to be the current one.
  var loop: NIOIsolatedEventLoop { eventLoop.assumeIsolated() }

  /// Queues a request (FIFO) and sends it when the bus is free.
  func enqueue(_ pending: PendingRequest) {
    guard !isClosed else {
      pending.promise.fail(ModbusTransportError.closed)
      return
    }
    do {
      try pending.request.validate()
    } catch {
      pending.promise.fail(ModbusTransportError.invalidRequest(error.description))
      return
    }
    queue.append(pending)
    pump()
  }

  /// Sends the next queued request if the bus is free, connecting or waiting as needed.
  func pump() {
    guard !isClosed, inFlight == nil, drain == nil, silenceTimer == nil, !queue.isEmpty else { return }
    switch connection {
    case .connecting:
      return
    case .idle:
      connect()
    case .connected(let channel):
      if endpoint.usesRTUFraming {
        let earliest = lastReceived + silence
        if NIODeadline.now() < earliest {
          silenceTimer = loop.scheduleTask(deadline: earliest) { [self] in
            silenceTimer = nil
            pump()
          }
          return
        }
      }
      send(queue.removeFirst(), on: channel)
    }
  }

  /// Writes `pending` and starts its response timeout.
  private func send(_ pending: PendingRequest, on channel: any Channel) {
    let transactionID = nextTransactionID
    nextTransactionID &+= 1
    let pdu = pending.request.encodePDU()
    let frame: [UInt8]
    var reader: RTUAnswerReader?
    let rtu = endpoint.usesRTUFraming
    if rtu {
      frame = RTUFramer.encode(unit: pending.unit, pdu: pdu)
      reader = RTUAnswerReader(expecting: pending.request, unit: pending.unit)
    } else {
      frame = MBAPFramer.encode(transaction: transactionID, unit: pending.unit, pdu: pdu)
    }
    var flight = InFlight(pending: pending, transactionID: transactionID, reader: reader)
    flight.timer = loop.scheduleTask(in: pending.timeout ?? configuration.responseTimeout) { [self] in
      timedOut(transactionID)
    }
    inFlight = flight
    statistics.withLockedValue { $0.requests += 1 }
    emit(
      .sent, frame,
      "unit \(pending.unit) \(pending.request.functionCode)"
        + (rtu ? "" : " transaction \(transactionID)"))
    channel.writeAndFlush(ByteBuffer(bytes: frame)).assumeIsolated().whenFailure { [self] _ in
      guard let flight = inFlight, flight.transactionID == transactionID else { return }
      dropConnection()
      finish(failing: .connectionClosed)
    }
  }

  /// Fails the request on the wire after its response timeout; RTU framings then drain.
  private func timedOut(_ transactionID: UInt16) {
    guard let flight = inFlight, flight.transactionID == transactionID else { return }
    statistics.withLockedValue { $0.timeouts += 1 }
    if endpoint.usesRTUFraming {
      startDrain(stale: flight.reader, quiet: configuration.lateAnswerWindow)
    }
    finish(failing: .timeout(flight.pending.timeout ?? configuration.responseTimeout))
  }

  /// Completes the request on the wire with `response` (an exception response fails it).
  func finish(with response: ModbusResponse) {
    guard let flight = inFlight else { return }
    inFlight = nil
    flight.timer?.cancel()
    statistics.withLockedValue { $0.responses += 1 }
    if case .exception(let function, let code) = response {
      statistics.withLockedValue { $0.exceptions += 1 }
      flight.pending.promise.fail(ModbusTransportError.exception(function: function, code: code))
    } else {
      flight.pending.promise.succeed(response)
    }
    pump()
  }

  /// Fails the request on the wire, or queues it again first if it may be retried.
  func finish(failing error: ModbusTransportError) {
    guard let flight = inFlight else { return }
    inFlight = nil
    flight.timer?.cancel()
    var pending = flight.pending
    if error.isTransient, pending.attemptsLeft > 0, !isClosed {
      pending.attemptsLeft -= 1
      queue.prepend(pending)
    } else {
      pending.promise.fail(error)
    }
    pump()
  }

  /// Reports a frame to the trace hook, if one is set.
  func emit(
    _ direction: FrameTrace.Direction, _ bytes: @autoclosure () -> [UInt8],
    _ note: @autoclosure () -> String
  ) {
    guard let trace else { return }
    trace(FrameTrace(direction: direction, bytes: bytes(), at: .now(), note: note()))
  }
}

import ModbusCore
import NIOCore
import NIOPosix

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension LinkSession {
  /// Opens the connection (TCP or serial port); queued requests go out once it is up.
  func connect() {
    connection = .connecting
    generation += 1
    let attempt = generation
    let bound = NIOLoopBound(self, eventLoop: eventLoop)
    let initializer: @Sendable (any Channel) -> EventLoopFuture<Void> = { channel in
      channel.eventLoop.makeCompletedFuture {
        try channel.pipeline.syncOperations.addHandler(
          ByteStreamHandler(session: bound.value, generation: attempt))
      }
    }
    let opened: EventLoopFuture<any Channel>
    switch endpoint {
    case .tcp(let host, let port), .rtuOverTCP(let host, let port):
      opened = ClientBootstrap(group: eventLoop)
        .connectTimeout(configuration.connectTimeout)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        .channelInitializer(initializer)
        .connect(host: host, port: port)
    case .serial(let path, let baud, let parity):
      opened = openSerial(path: path, baud: baud, parity: parity, initializer: initializer)
    }
    opened.assumeIsolated().whenComplete { [self] result in
      connectCompleted(result, attempt: attempt)
    }
  }

  /// Opens and configures the tty, then hands it to a NIO pipe channel.
  private func openSerial(
    path: String, baud: Int, parity: SerialParity,
    initializer: @escaping @Sendable (any Channel) -> EventLoopFuture<Void>
  ) -> EventLoopFuture<any Channel> {
    let descriptor: CInt
    do {
      descriptor = try SerialPort.open(path: path, baud: baud, parity: parity)
    } catch {
      return eventLoop.makeFailedFuture(error)
    }
    return NIOPipeBootstrap(group: eventLoop)
      .channelInitializer(initializer)
      .takingOwnershipOfDescriptor(inputOutput: descriptor)
      .flatMapErrorThrowing { error in
        // On failure the descriptor is still ours.
        _ = close(descriptor)
        throw error
      }
  }

  /// Records the outcome of connection attempt `attempt`.
  private func connectCompleted(_ result: Result<any Channel, any Error>, attempt: Int) {
    guard attempt == generation, !isClosed else {
      if case .success(let channel) = result { channel.close(promise: nil) }
      return
    }
    switch result {
    case .success(let channel):
      connection = .connected(channel)
      mbap.reset()
      if hasConnected { statistics.withLockedValue { $0.reconnects += 1 } }
      hasConnected = true
      pump()
    case .failure(let error):
      connection = .idle
      let reason = Self.connectFailure(error, endpoint: endpoint)
      if let head = queue.popFirst() {
        head.promise.fail(reason)
      }
      pump()
    }
  }

  /// Handles the end of connection `generation`: the request on the wire fails (or is retried).
  func channelClosed(generation: Int) {
    guard generation == self.generation else { return }
    connection = .idle
    mbap.reset()
    if drain != nil { endDrainSilently() }
    if inFlight != nil {
      finish(failing: .connectionClosed)
    } else {
      pump()
    }
  }

  /// Forgets the current connection and closes it; its late events are ignored.
  func dropConnection() {
    generation += 1
    mbap.reset()
    if case .connected(let channel) = connection { channel.close(promise: nil) }
    connection = .idle
  }

  /// Ends a drain without sending: the connection it was waiting on is gone.
  private func endDrainSilently() {
    drain?.timer?.cancel()
    drain = nil
  }

  /// Fails everything pending with `.closed` and closes the connection.
  func shutdown() -> EventLoopFuture<Void> {
    guard !isClosed else { return eventLoop.makeSucceededVoidFuture() }
    isClosed = true
    silenceTimer?.cancel()
    silenceTimer = nil
    endDrainSilently()
    let flight = inFlight
    inFlight = nil
    flight?.timer?.cancel()
    let queued = Array(queue)
    queue.removeAll()
    generation += 1
    var closed = eventLoop.makeSucceededVoidFuture()
    if case .connected(let channel) = connection {
      closed = channel.close().recover { _ in }
    }
    connection = .idle
    flight?.pending.promise.fail(ModbusTransportError.closed)
    for pending in queued { pending.promise.fail(ModbusTransportError.closed) }
    return closed
  }

  /// Words a connection failure for the electrician: "10.0.0.5:502: connection refused".
  static func connectFailure(_ error: any Error, endpoint: ModbusEndpoint) -> ModbusTransportError {
    if let transportError = error as? ModbusTransportError { return transportError }
    let place: String
    switch endpoint {
    case .tcp(let host, let port), .rtuOverTCP(let host, let port): place = "\(host):\(port)"
    case .serial(let path, _, _): place = path
    }
    var cause: any Error = error
    if let connection = error as? NIOConnectionError {
      if let first = connection.connectionErrors.first {
        cause = first.error
      } else if connection.dnsAError != nil || connection.dnsAAAAError != nil {
        return .connectFailed("\(place): host name not found")
      }
    }
    if let io = cause as? IOError, let message = strerror(io.errnoCode) {
      return .connectFailed("\(place): \(String(cString: message).lowercased())")
    }
    if let channelError = cause as? ChannelError, case .connectTimeout(let amount) = channelError {
      return .connectFailed("\(place): no connection within \(ModbusTransportError.milliseconds(amount))")
    }
    return .connectFailed("\(place): \(cause)")
  }
}

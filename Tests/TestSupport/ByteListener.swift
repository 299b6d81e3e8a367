import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A stand-in for a network printer (a JetDirect / port-9100 socket): listens on 127.0.0.1 and keeps every
/// byte of every connection. It binds port 0, so the kernel picks a free port and parallel tests (or a
/// real printer service on 9100) never collide. Stopped by `stop()` or on release.
public final class ByteListener: @unchecked Sendable {
  /// The port the kernel chose.
  public let port: UInt16
  /// The socket and the captured bytes, shared with the reading threads.
  private let core: ListenerCore

  /// Starts listening on 127.0.0.1 at a free port.
  public init() throws {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw ListenerError.system("socket", errno) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(socket, 16) == 0 else {
      let code = errno
      close(socket)
      throw ListenerError.system("bind/listen", code)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    port = UInt16(bigEndian: address.sin_port)
    core = ListenerCore(socket: socket)
    let core = self.core
    Thread.detachNewThread { core.acceptLoop() }
  }

  /// The bytes of the first `count` connections the peer has closed, waiting up to `timeout` seconds.
  public func finishedConnections(_ count: Int, timeout: TimeInterval = 10) -> [[UInt8]]? {
    core.finishedConnections(count, timeout: timeout)
  }

  /// How many connections have been made so far.
  public var connectionCount: Int { core.connectionCount }

  /// Stops accepting and reading, and closes the listening socket.
  public func stop() { core.stop() }

  deinit { core.stop() }
}

/// The listening socket and what arrived on it.
private final class ListenerCore: @unchecked Sendable {
  /// The listening socket.
  private let socket: Int32
  /// Guards everything below.
  private let condition = NSCondition()
  /// Bytes of each connection, in order of arrival; `finished` once the peer closed it.
  private var connections: [(bytes: [UInt8], finished: Bool)] = []
  /// Cleared by `stop()`.
  private var running = true
  /// Signalled when the accept loop has ended.
  private let acceptEnded = DispatchSemaphore(value: 0)

  /// Wraps a listening socket.
  init(socket: Int32) { self.socket = socket }

  /// Whether the listener still runs.
  private var isRunning: Bool { condition.withLock { running } }

  /// Accepts connections until stopped, reading each on a thread of its own.
  func acceptLoop() {
    defer { acceptEnded.signal() }
    while isRunning {
      var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 50) > 0 else { continue }
      let client = accept(socket, nil, nil)
      guard client >= 0 else { continue }
      let index = condition.withLock {
        connections.append(([], false))
        return connections.count - 1
      }
      Thread.detachNewThread { self.read(client, into: index) }
    }
  }

  /// Reads one connection to its end (or until stopped).
  private func read(_ client: Int32, into index: Int) {
    defer { close(client) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    while isRunning {
      var poller = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 50) > 0 else { continue }
      let count = Glibc.read(client, &buffer, buffer.count)
      condition.withLock {
        if count > 0 {
          connections[index].bytes += buffer[0..<count]
        } else {
          connections[index].finished = true
        }
        condition.broadcast()
      }
      if count <= 0 { return }
    }
  }

  /// See `ByteListener.finishedConnections`.
  func finishedConnections(_ count: Int, timeout: TimeInterval) -> [[UInt8]]? {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      let finished = connections.filter(\.finished).map(\.bytes)
      if finished.count >= count { return Array(finished.prefix(count)) }
      if !condition.wait(until: deadline) { return nil }
    }
  }

  /// How many connections have been made so far.
  var connectionCount: Int { condition.withLock { connections.count } }

  /// Stops the loops (each notices within 50 ms) and closes the listening socket.
  func stop() {
    let wasRunning = condition.withLock {
      defer { running = false }
      return running
    }
    guard wasRunning else { return }
    acceptEnded.wait()
    close(socket)
  }
}

/// A socket call that failed.
public enum ListenerError: Error, CustomStringConvertible {
  /// `call` failed with errno `code`.
  case system(String, Int32)

  /// What failed.
  public var description: String {
    switch self {
    case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
    }
  }
}

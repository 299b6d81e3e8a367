import Foundation
import ModbusCore
import ModbusTransport
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import TestSupport
import Testing

/// A pymodbus server (Tests/Peers/modbus_server.py) listening on a kernel-chosen port.
struct PymodbusPeer {
  /// The running script; stopped by `stop()` or when released.
  let process: PeerProcess
  /// The TCP port it listens on.
  let port: Int

  /// Holding registers 0…19 hold 100…119.
  static let holding: [UInt16] = (0..<20).map { 100 + $0 }
  /// Input registers 0…19 hold 500…519.
  static let input: [UInt16] = (0..<20).map { 500 + $0 }

  /// Starts a TCP server with `framer` "socket" (Modbus TCP) or "rtu" (RTU over TCP).
  static func start(
    framer: String, holding: [UInt16] = holding, input: [UInt16] = input, units: String = "any",
    ignoreMissing: Bool = false
  ) async throws -> PymodbusPeer {
    let process = try PeerProcess.python(
      "modbus_server.py",
      [
        "--framer", framer, "--port", "0", "--units", units,
        "--holding", holding.map(String.init).joined(separator: ","),
        "--input", input.map(String.init).joined(separator: ","),
      ] + (ignoreMissing ? ["--ignore-missing"] : []))
    let ready = try await process.nextJSON()
    let port = try #require(ready["port"] as? Int, "no port in \(ready)")
    return PymodbusPeer(process: process, port: port)
  }

  /// Stops the server.
  func stop() { process.stop() }
}

/// A misbehaving peer (Tests/Peers/raw_peer.py) listening on a kernel-chosen port.
struct RawPeer {
  /// The running script.
  let process: PeerProcess
  /// The TCP port it listens on.
  let port: Int

  /// Starts the peer in `mode` (silent, late, bad-crc, wrong-unit, drop-first).
  static func start(_ mode: String, framing: String = "rtu", _ extra: [String] = []) async throws -> RawPeer {
    let process = try PeerProcess.python("raw_peer.py", ["--mode", mode, "--framing", framing] + extra)
    let ready = try await process.nextJSON()
    let port = try #require(ready["port"] as? Int, "no port in \(ready)")
    return RawPeer(process: process, port: port)
  }

  /// Stops the peer.
  func stop() { process.stop() }
}

/// Two linked pseudo-terminals (Tests/Peers/pty_pair.py around socat).
struct PtyPair {
  /// The wrapper process; socat dies with it.
  let process: PeerProcess
  /// Holds the links.
  let directory: TemporaryDirectory
  /// One end.
  let a: String
  /// The other end.
  let b: String

  /// Creates the pair in a fresh temporary directory.
  static func start() async throws -> PtyPair {
    let directory = try TemporaryDirectory()
    let process = try PeerProcess.python("pty_pair.py", [directory.path("")])
    let ready = try await process.nextJSON()
    let a = try #require(ready["a"] as? String, "no pty in \(ready)")
    let b = try #require(ready["b"] as? String, "no pty in \(ready)")
    return PtyPair(process: process, directory: directory, a: a, b: b)
  }

  /// Stops socat.
  func stop() { process.stop() }
}

/// Collects trace records from any thread.
final class TraceLog: Sendable {
  /// The records so far.
  private let records = NIOLockedValueBox<[FrameTrace]>([])

  /// The hook to pass to the client.
  var hook: @Sendable (FrameTrace) -> Void {
    { [records] record in records.withLockedValue { $0.append(record) } }
  }

  /// A snapshot of the records.
  var all: [FrameTrace] { records.withLockedValue { $0 } }
}

/// Runs `body` with a client on the shared event loop group, closing it afterwards.
func withClient<T>(
  _ endpoint: ModbusEndpoint, configuration: ModbusClientConfiguration = ModbusClientConfiguration(),
  trace: (@Sendable (FrameTrace) -> Void)? = nil, _ body: (ModbusBusClient) async throws -> T
) async throws -> T {
  let client = ModbusBusClient(
    endpoint: endpoint, eventLoop: MultiThreadedEventLoopGroup.singleton.next(),
    configuration: configuration, trace: trace)
  do {
    let result = try await body(client)
    try await client.close().get()
    return result
  } catch {
    try? await client.close().get()
    throw error
  }
}

/// The error `body` threw as a `ModbusTransportError`, or nil if it succeeded.
func transportError(_ body: () async throws -> Void) async -> ModbusTransportError? {
  do {
    try await body()
    return nil
  } catch let error as ModbusTransportError {
    return error
  } catch {
    Issue.record("unexpected error \(error)")
    return nil
  }
}

/// Seconds since `start` on the monotonic clock.
func secondsSince(_ start: ContinuousClock.Instant) -> Double {
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

import ModbusCore
import NIOCore

/// Why a Modbus request on a bus failed, worded for the electrician at the gateway.
public enum ModbusTransportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No (complete, valid) answer arrived within the response timeout.
  case timeout(TimeAmount)
  /// The gateway or serial port could not be reached; the text says why.
  case connectFailed(String)
  /// The connection dropped while the request was outstanding.
  case connectionClosed
  /// The meter answered with a Modbus exception to `function`.
  case exception(function: UInt8, code: ExceptionCode)
  /// The answer's CRC was wrong (noise on the line, or two talkers at once); it was discarded.
  case crc
  /// The answer did not fit the request (wrong unit, length, echo, corrupt MBAP stream).
  case malformed(String)
  /// The endpoint URL could not be read.
  case badEndpoint(String)
  /// The request itself breaks the Modbus limits (quantity, address range) and was not sent.
  case invalidRequest(String)
  /// The client was closed before the request could finish.
  case closed

  /// One sentence, e.g. "no answer within 1000 ms" or "exception 02 illegal data address".
  public var description: String {
    switch self {
    case .timeout(let amount): "no answer within \(Self.milliseconds(amount))"
    case .connectFailed(let reason): "cannot connect: \(reason)"
    case .connectionClosed: "the connection closed before the answer arrived"
    case .exception(let function, let code):
      "exception \(Self.hex(code.rawValue)) \(code.name) (function \(Self.hex(function)))"
    case .crc: "CRC error in the answer"
    case .malformed(let reason): "malformed answer: \(reason)"
    case .badEndpoint(let reason): "bad endpoint: \(reason)"
    case .invalidRequest(let reason): "invalid request: \(reason)"
    case .closed: "the Modbus client is closed"
    }
  }

  /// Whether a retry may help: timeouts, CRC errors and dropped connections.
  public var isTransient: Bool {
    switch self {
    case .timeout, .crc, .connectionClosed: true
    default: false
    }
  }

  /// "1000 ms", or "250 µs" below a millisecond.
  static func milliseconds(_ amount: TimeAmount) -> String {
    let nanos = amount.nanoseconds
    if nanos > 0, nanos < 1_000_000 { return "\((nanos + 500) / 1000) µs" }
    return "\((nanos + 500_000) / 1_000_000) ms"
  }

  /// Two upper-case hex digits, e.g. "02".
  static func hex(_ byte: UInt8) -> String {
    let text = String(byte, radix: 16, uppercase: true)
    return text.count < 2 ? "0" + text : text
  }
}

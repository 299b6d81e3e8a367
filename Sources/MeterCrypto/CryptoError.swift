import COpenSSL

/// Errors raised by MeterCrypto operations.
public enum CryptoError: Error, Sendable, Equatable, CustomStringConvertible {
  /// An OpenSSL call failed; the text names the call and carries OpenSSL's `ERR_error_string` text.
  case openSSL(String)
  /// A key had the wrong length; the payload is the length that was supplied, in bytes.
  case badKeyLength(Int)
  /// An argument, stored string or file was unacceptable; the text says which and why.
  case badInput(String)
  /// A recharge token did not decode (length, reserved bytes, BCD or CRC); the text says which.
  case malformedToken(String)

  /// A one-line human-readable explanation of the error.
  public var description: String {
    switch self {
    case .openSSL(let text): return "OpenSSL error: \(text)"
    case .badKeyLength(let count): return "bad key length: \(count) bytes"
    case .badInput(let text): return "bad input: \(text)"
    case .malformedToken(let text): return "malformed recharge token: \(text)"
    }
  }

  /// Builds an `.openSSL` error for `operation`, draining this thread's OpenSSL error queue.
  static func openSSLFailure(_ operation: String) -> CryptoError {
    var messages: [String] = []
    while true {
      let code = ERR_get_error()
      if code == 0 { break }
      var buffer = [CChar](repeating: 0, count: 256)
      ERR_error_string_n(code, &buffer, buffer.count)
      let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
      messages.append(String(decoding: bytes, as: UTF8.self))
    }
    if messages.isEmpty { return .openSSL("\(operation) failed (no OpenSSL error queued)") }
    return .openSSL("\(operation) failed: " + messages.joined(separator: "; "))
  }
}

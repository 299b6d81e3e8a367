import COpenSSL

/// HMAC-SHA256 via OpenSSL's one-shot `HMAC(EVP_sha256(), …)`.
public enum HMACSHA256: Sendable {
  /// Length of every MAC this type returns, in bytes.
  public static let macLength = 32

  /// Returns the 32-byte HMAC-SHA256 of `message` under `key` (any key length, including empty).
  public static func mac(key: [UInt8], message: [UInt8]) throws(CryptoError) -> [UInt8] {
    guard key.count <= Int(Int32.max) else { throw .badKeyLength(key.count) }
    var out = [UInt8](repeating: 0, count: macLength)
    var length: UInt32 = 0
    let succeeded = withNonNilPointer(key) { keyPointer in
      withNonNilPointer(message) { messagePointer in
        out.withUnsafeMutableBufferPointer { outBuffer in
          HMAC(
            EVP_sha256(), keyPointer, Int32(key.count), messagePointer, message.count,
            outBuffer.baseAddress, &length) != nil
        }
      }
    }
    guard succeeded else { throw CryptoError.openSSLFailure("HMAC-SHA256") }
    guard Int(length) == macLength else {
      throw .openSSL("HMAC-SHA256 returned \(length) bytes, expected \(macLength)")
    }
    return out
  }
}

import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's `RAND_bytes`.
public enum SecureRandom: Sendable {
  /// Returns `count` random bytes; throws `.badInput` for a negative count, `.openSSL` if the RNG fails.
  public static func bytes(_ count: Int) throws(CryptoError) -> [UInt8] {
    guard count >= 0, count <= Int(Int32.max) else {
      throw .badInput("random byte count must be 0...\(Int32.max), got \(count)")
    }
    if count == 0 { return [] }
    var out = [UInt8](repeating: 0, count: count)
    let status = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
    guard status == 1 else { throw CryptoError.openSSLFailure("RAND_bytes") }
    return out
  }
}

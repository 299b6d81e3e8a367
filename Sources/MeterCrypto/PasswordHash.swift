import COpenSSL

/// A PBKDF2-HMAC-SHA256 operator password hash with a random 16-byte salt.
///
/// The stored form is self-describing: `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>`
/// with a 32-byte hash, so the iteration count can be raised later without breaking old rows.
public struct PasswordHash: Sendable, Hashable {
  /// The scheme tag that starts every encoded hash.
  public static let scheme = "pbkdf2-sha256"
  /// The iteration count used when none is given.
  public static let defaultIterations = 120_000
  /// Length of the random salt `make` generates, in bytes.
  public static let saltLength = 16
  /// Length of the derived hash, in bytes.
  public static let hashLength = 32

  /// PBKDF2 iteration count of this hash.
  public let iterations: Int
  private let salt: [UInt8]
  private let hash: [UInt8]

  private init(iterations: Int, salt: [UInt8], hash: [UInt8]) {
    self.iterations = iterations
    self.salt = salt
    self.hash = hash
  }

  /// Hashes `password` (its UTF-8 bytes, not normalised) with a fresh random salt.
  public static func make(
    password: String, iterations: Int = defaultIterations
  ) throws(CryptoError) -> PasswordHash {
    guard iterations >= 1, iterations <= Int(Int32.max) else {
      throw .badInput("PBKDF2 iteration count must be 1...\(Int32.max), got \(iterations)")
    }
    let salt = try SecureRandom.bytes(saltLength)
    let hash = try derive(password: password, salt: salt, iterations: iterations)
    return PasswordHash(iterations: iterations, salt: salt, hash: hash)
  }

  /// Parses a stored `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>` string.
  public init(encoded: String) throws(CryptoError) {
    let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == Self.scheme else {
      throw .badInput("password hash is not of the form \(Self.scheme)$<iterations>$<salt>$<hash>")
    }
    guard parts[1].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let iterations = Int(parts[1]), iterations >= 1, iterations <= Int(Int32.max)
    else { throw .badInput("password hash has a bad iteration count") }
    guard let salt = Hex.decode(parts[2]), salt.count >= 8 else {
      throw .badInput("password hash has a bad salt (need at least 8 bytes of hex)")
    }
    guard let hash = Hex.decode(parts[3]), hash.count == Self.hashLength else {
      throw .badInput("password hash has a bad hash (need \(Self.hashLength) bytes of hex)")
    }
    self.init(iterations: iterations, salt: salt, hash: hash)
  }

  /// The self-describing stored form, lower-case hex.
  public var encoded: String {
    "\(Self.scheme)$\(iterations)$\(Hex.encode(salt))$\(Hex.encode(hash))"
  }

  /// True if `password` matches; the hashes are compared in constant time (`CRYPTO_memcmp`).
  public func verify(_ password: String) -> Bool {
    guard let candidate = try? Self.derive(password: password, salt: salt, iterations: iterations),
      candidate.count == hash.count
    else { return false }
    return CRYPTO_memcmp(candidate, hash, hash.count) == 0
  }

  /// Raw PBKDF2-HMAC-SHA256 of the UTF-8 bytes of `password`; 32 bytes unless `length` says otherwise.
  static func derive(
    password: String, salt: [UInt8], iterations: Int, length: Int = hashLength
  ) throws(CryptoError) -> [UInt8] {
    let passwordBytes = Array(password.utf8)
    guard passwordBytes.count <= Int(Int32.max), salt.count <= Int(Int32.max),
      iterations >= 1, iterations <= Int(Int32.max), length >= 1, length <= Int(Int32.max)
    else { throw .badInput("PBKDF2 argument out of range") }
    var out = [UInt8](repeating: 0, count: length)
    let status = withNonNilPointer(passwordBytes) { passwordPointer in
      withNonNilPointer(salt) { saltPointer in
        out.withUnsafeMutableBufferPointer { outBuffer in
          passwordPointer.withMemoryRebound(to: CChar.self, capacity: max(passwordBytes.count, 1)) {
            PKCS5_PBKDF2_HMAC(
              $0, Int32(passwordBytes.count), saltPointer, Int32(salt.count), Int32(iterations),
              EVP_sha256(), Int32(length), outBuffer.baseAddress)
          }
        }
      }
    }
    guard status == 1 else { throw CryptoError.openSSLFailure("PKCS5_PBKDF2_HMAC") }
    return out
  }
}

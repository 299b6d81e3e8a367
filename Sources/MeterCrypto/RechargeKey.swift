/// The 32-byte site master key from which every meter's recharge key is derived.
///
/// `description` and reflection are redacted so the key never lands in a log by accident.
public struct SiteMasterKey: Sendable, CustomStringConvertible, CustomReflectable {
  /// Length of a master key, in bytes.
  public static let length = 32

  /// The raw key bytes (always 32).
  public let bytes: [UInt8]

  /// Wraps existing key bytes; throws `.badKeyLength` unless there are exactly 32.
  public init(bytes: [UInt8]) throws(CryptoError) {
    guard bytes.count == Self.length else { throw .badKeyLength(bytes.count) }
    self.bytes = bytes
  }

  /// A fresh random master key from `SecureRandom`.
  public static func generate() throws(CryptoError) -> SiteMasterKey {
    try SiteMasterKey(bytes: SecureRandom.bytes(length))
  }

  /// The per-meter 3DES key: the first 24 bytes of HMAC-SHA256(master, ASCII meter number).
  ///
  /// `meterNumber` must be the 12 decimal digits carried in the token; anything else throws
  /// `.badInput`, so a mistyped number fails here instead of as a bad token at the meter.
  public func meterKey(meterNumber: String) throws(CryptoError) -> [UInt8] {
    guard RechargePlaintext.isMeterNumber(meterNumber) else {
      throw .badInput("meter number must be 12 decimal digits, got \"\(meterNumber)\"")
    }
    let mac = try HMACSHA256.mac(key: bytes, message: Array(meterNumber.utf8))
    return Array(mac.prefix(TripleDES.keyLength))
  }

  /// A redacted description; never the key bytes.
  public var description: String { "SiteMasterKey(<redacted>)" }

  /// A redacted mirror, so `dump` does not print the key either.
  public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// Sealing and opening recharge tokens: the 24-byte plaintext under DES-EDE3-CBC, zero IV.
///
/// The key is the per-meter key from `SiteMasterKey.meterKey(meterNumber:)`. There is no
/// padding, so the ciphertext is 24 bytes, written to the meter as 12 registers with FC16.
public enum RechargeToken: Sendable {
  /// Ciphertext length in bytes.
  public static let length = RechargePlaintext.length
  /// Number of 16-bit registers a token occupies.
  public static let registerCount = length / 2

  /// Encrypts `plaintext` under the key of its own meter number; returns the 24-byte ciphertext.
  public static func seal(
    _ plaintext: RechargePlaintext, master: SiteMasterKey
  ) throws(CryptoError) -> [UInt8] {
    let bytes = try plaintext.encode()
    let key = try master.meterKey(meterNumber: plaintext.meterNumber)
    return try TripleDES.encrypt(key: key, plaintext: bytes)
  }

  /// `seal` as 12 big-endian registers (byte 0 is the high byte of register 0), ready for FC16.
  public static func sealRegisters(
    _ plaintext: RechargePlaintext, master: SiteMasterKey
  ) throws(CryptoError) -> [UInt16] {
    registers(fromBytes: try seal(plaintext, master: master))
  }

  /// Decrypts a 24-byte ciphertext with `meterKey` and decodes it (length, CRC, reserved, BCD).
  public static func open(
    _ cipher: [UInt8], meterKey: [UInt8]
  ) throws(CryptoError) -> RechargePlaintext {
    guard cipher.count == length else {
      throw .malformedToken("expected \(length) bytes of ciphertext, got \(cipher.count)")
    }
    let plain = try TripleDES.decrypt(key: meterKey, ciphertext: cipher)
    return try RechargePlaintext.decode(plain)
  }

  /// Packs bytes into big-endian registers; an odd final byte becomes the high byte of the last one.
  public static func registers(fromBytes bytes: [UInt8]) -> [UInt16] {
    stride(from: 0, to: bytes.count, by: 2).map { index in
      let low = index + 1 < bytes.count ? bytes[index + 1] : 0
      return UInt16(bytes[index]) << 8 | UInt16(low)
    }
  }

  /// Unpacks big-endian registers (as received by FC16 on the meter side) into bytes.
  public static func bytes(fromRegisters registers: [UInt16]) -> [UInt8] {
    registers.flatMap { [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)] }
  }
}

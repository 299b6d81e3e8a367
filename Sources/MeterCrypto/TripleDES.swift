import COpenSSL

/// Three-key 3DES (DES-EDE3-CBC) without padding, via OpenSSL's EVP cipher API.
///
/// Keys are 24 bytes, the IV 8 bytes (zero by default), and input must be a whole number of
/// 8-byte blocks: nothing is padded, so ciphertext is exactly as long as plaintext.
public enum TripleDES: Sendable {
  /// Key length in bytes (K1 ‖ K2 ‖ K3).
  public static let keyLength = 24
  /// Block (and IV) length in bytes.
  public static let blockLength = 8

  /// Encrypts `plaintext` (a multiple of 8 bytes) with DES-EDE3-CBC under `key` and `iv`.
  public static func encrypt(
    key: [UInt8], iv: [UInt8] = Array(repeating: 0, count: 8), plaintext: [UInt8]
  ) throws(CryptoError) -> [UInt8] {
    try run(encrypting: true, key: key, iv: iv, input: plaintext)
  }

  /// Decrypts `ciphertext` (a multiple of 8 bytes) with DES-EDE3-CBC under `key` and `iv`.
  public static func decrypt(
    key: [UInt8], iv: [UInt8] = Array(repeating: 0, count: 8), ciphertext: [UInt8]
  ) throws(CryptoError) -> [UInt8] {
    try run(encrypting: false, key: key, iv: iv, input: ciphertext)
  }

  private static func run(
    encrypting: Bool, key: [UInt8], iv: [UInt8], input: [UInt8]
  ) throws(CryptoError) -> [UInt8] {
    guard key.count == keyLength else { throw .badKeyLength(key.count) }
    guard iv.count == blockLength else {
      throw .badInput("3DES IV must be \(blockLength) bytes, got \(iv.count)")
    }
    guard input.count % blockLength == 0 else {
      throw .badInput("3DES input must be a multiple of \(blockLength) bytes, got \(input.count)")
    }
    guard input.count <= Int(Int32.max) - blockLength else {
      throw .badInput("3DES input too long: \(input.count) bytes")
    }
    if input.isEmpty { return [] }

    guard let context = EVP_CIPHER_CTX_new() else {
      throw CryptoError.openSSLFailure("EVP_CIPHER_CTX_new")
    }
    defer { EVP_CIPHER_CTX_free(context) }
    guard EVP_CipherInit_ex(context, EVP_des_ede3_cbc(), nil, key, iv, encrypting ? 1 : 0) == 1
    else { throw CryptoError.openSSLFailure("EVP_CipherInit_ex(DES-EDE3-CBC)") }
    guard EVP_CIPHER_CTX_set_padding(context, 0) == 1 else {
      throw CryptoError.openSSLFailure("EVP_CIPHER_CTX_set_padding")
    }

    var out = [UInt8](repeating: 0, count: input.count + blockLength)
    var updateLength: Int32 = 0
    var finalLength: Int32 = 0
    let succeeded = out.withUnsafeMutableBufferPointer { outBuffer -> Bool in
      guard let base = outBuffer.baseAddress else { return false }
      let updated = EVP_CipherUpdate(context, base, &updateLength, input, Int32(input.count))
      guard updated == 1, updateLength >= 0 else { return false }
      return EVP_CipherFinal_ex(context, base + Int(updateLength), &finalLength) == 1
    }
    guard succeeded else {
      throw CryptoError.openSSLFailure(encrypting ? "3DES encrypt" : "3DES decrypt")
    }
    let total = Int(updateLength) + Int(finalLength)
    guard total == input.count else {
      throw .openSSL("3DES produced \(total) bytes for \(input.count) bytes of input")
    }
    return Array(out.prefix(total))
  }
}

import Foundation
import Testing

@testable import MeterCrypto

@Suite("TripleDES (DES-EDE3-CBC, no padding)")
struct TripleDESTests {
  static let keyHex = "0123456789abcdeffedcba987654321089abcdef01234567"
  static let plaintext = Array("Now is the time for all ".utf8)
  /// Printed by: printf 'Now is the time for all ' | openssl enc -des-ede3-cbc
  ///   -K 0123456789abcdeffedcba987654321089abcdef01234567 -iv 0000000000000000 -nopad | xxd -p
  static let zeroIVCipherHex = "fbe62b683922941e80e93bce66be3463b2fbd705b999b15d"
  /// Same, with -iv 1234567890abcdef.
  static let otherIVCipherHex = "204011f986e35647199e47af391620c5bb9a5bcfc86db0bb"

  @Test func knownAnswerZeroIV() throws {
    let cipher = try TripleDES.encrypt(key: bytes(hex: Self.keyHex), plaintext: Self.plaintext)
    #expect(hex(cipher) == Self.zeroIVCipherHex)
    let back = try TripleDES.decrypt(key: bytes(hex: Self.keyHex), ciphertext: cipher)
    #expect(back == Self.plaintext)
  }

  @Test func knownAnswerExplicitIV() throws {
    let iv = bytes(hex: "1234567890abcdef")
    let cipher = try TripleDES.encrypt(
      key: bytes(hex: Self.keyHex), iv: iv, plaintext: Self.plaintext)
    #expect(hex(cipher) == Self.otherIVCipherHex)
    #expect(
      try TripleDES.decrypt(key: bytes(hex: Self.keyHex), iv: iv, ciphertext: cipher)
        == Self.plaintext)
  }

  @Test func matchesOpenSSLCommandLineNow() throws {
    let tool = "/usr/bin/openssl"
    guard FileManager.default.isExecutableFile(atPath: tool) else {
      print("SKIPPED matchesOpenSSLCommandLineNow: \(tool) is not installed")
      return
    }
    let key = try SecureRandom.bytes(24)
    let plain = try SecureRandom.bytes(48)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = [
      "enc", "-des-ede3-cbc", "-K", hex(key), "-iv", "0000000000000000", "-nopad",
    ]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(plain))
    try input.fileHandleForWriting.close()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(try TripleDES.encrypt(key: key, plaintext: plain) == [UInt8](printed))
  }

  @Test func refusesBadLengths() throws {
    let key = bytes(hex: Self.keyHex)
    #expect(throws: CryptoError.badKeyLength(16)) {
      try TripleDES.encrypt(key: Array(key.prefix(16)), plaintext: Self.plaintext)
    }
    #expect(throws: CryptoError.self) {
      try TripleDES.encrypt(key: key, plaintext: Array(Self.plaintext.prefix(23)))
    }
    #expect(throws: CryptoError.self) {
      try TripleDES.decrypt(key: key, iv: [0, 0, 0], ciphertext: Self.plaintext)
    }
    #expect(try TripleDES.encrypt(key: key, plaintext: []).isEmpty)
  }
}

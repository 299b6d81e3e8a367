import Testing

@testable import MeterCrypto

@Suite("SecureRandom and HMAC-SHA256")
struct PrimitiveTests {
  @Test func randomBytesHaveRequestedLengthAndDiffer() throws {
    let a = try SecureRandom.bytes(32)
    let b = try SecureRandom.bytes(32)
    #expect(a.count == 32)
    #expect(a != b)
    #expect(try SecureRandom.bytes(0).isEmpty)
    #expect(throws: CryptoError.self) { try SecureRandom.bytes(-1) }
  }

  @Test func hmacRFC4231Case1() throws {
    let mac = try HMACSHA256.mac(
      key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8))
    #expect(hex(mac) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
  }

  @Test func hmacRFC4231Case2() throws {
    let mac = try HMACSHA256.mac(
      key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
    #expect(hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
  }

  @Test func hmacEmptyKeyAndMessage() throws {
    let mac = try HMACSHA256.mac(key: [], message: [])
    #expect(hex(mac) == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
  }

  @Test func errorDescriptionsAreReadable() {
    #expect(CryptoError.badKeyLength(23).description == "bad key length: 23 bytes")
    #expect(CryptoError.malformedToken("CRC mismatch").description.contains("CRC mismatch"))
  }
}

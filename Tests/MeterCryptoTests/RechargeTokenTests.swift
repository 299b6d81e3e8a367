import Testing

@testable import MeterCrypto

@Suite("Recharge token, plaintext and meter-side verifier")
struct RechargeTokenTests {
  static let master = try! SiteMasterKey(bytes: Array(0..<32))
  static let sample = RechargePlaintext(
    meterNumber: "202401000001", purchaseCount: 5, amountFen: 10_000, issuedAt: 1_790_000_000,
    billLow32: 42)
  /// `sample` laid out by hand: BCD meter · 0005 · 00002710 · 6ab13b80 · 0000002a · 0000 · CRC
  /// (0x6f6b, high byte first; CRC computed independently in Python).
  static let samplePlainHex = "2024010000010005000027106ab13b800000002a00006f6b"
  /// Computed once and pinned; cross-checked with `openssl dgst -mac HMAC` (meter key
  /// c12f30fac1e1ff97a6caa06c610d923d96716e593893c935) and `openssl enc -des-ede3-cbc -nopad`.
  static let sampleCipherHex = "3037dd0f3392a8bfe83fb649a662e8bf8122114b522b3b86"

  func meterKey(_ number: String) throws -> [UInt8] {
    try Self.master.meterKey(meterNumber: number)
  }

  @Test func encodeMatchesDocumentedLayout() throws {
    #expect(hex(try Self.sample.encode()) == Self.samplePlainHex)
  }

  @Test func encodeDecodeRoundTrip() throws {
    #expect(try RechargePlaintext.decode(Self.sample.encode()) == Self.sample)
    let extreme = RechargePlaintext(
      meterNumber: "000000000000", purchaseCount: .max, amountFen: .min, issuedAt: .max,
      billLow32: .max)
    #expect(try RechargePlaintext.decode(extreme.encode()) == extreme)
    let negative = try RechargePlaintext.decode(
      bytes(hex: "202401000001ffff80000000ffffffffffffffff00003578"))
    #expect(negative.amountFen == Int32.min)
    #expect(negative.purchaseCount == 65535)
  }

  @Test(arguments: ["20240100000", "2024010000011", "20240100000a", "", "２０２４０１０００００１"])
  func encodeRefusesBadMeterNumbers(meter: String) {
    var plaintext = Self.sample
    plaintext.meterNumber = meter
    #expect(throws: CryptoError.self) { try plaintext.encode() }
  }

  @Test func decodeRefusesMalformedPlaintext() throws {
    var badCRC = bytes(hex: Self.samplePlainHex)
    badCRC[23] ^= 1
    #expect(throws: CryptoError.malformedToken("CRC mismatch")) {
      try RechargePlaintext.decode(badCRC)
    }
    #expect(throws: CryptoError.self) {
      try RechargePlaintext.decode(Array(bytes(hex: Self.samplePlainHex).prefix(22)))
    }
    // Valid CRCs (computed in Python), but reserved = 0x0001 and a 0xA nibble in the meter BCD.
    #expect(throws: CryptoError.malformedToken("reserved bytes not zero")) {
      try RechargePlaintext.decode(
        bytes(hex: "2024010000010005000027106ab13b800000002a0001afaa"))
    }
    #expect(throws: CryptoError.malformedToken("meter number is not valid BCD")) {
      try RechargePlaintext.decode(
        bytes(hex: "2a24010000010005000027106ab13b800000002a00001041"))
    }
  }

  @Test func knownAnswerToken() throws {
    let cipher = try RechargeToken.seal(Self.sample, master: Self.master)
    #expect(hex(cipher) == Self.sampleCipherHex)
    let registers = try RechargeToken.sealRegisters(Self.sample, master: Self.master)
    #expect(registers.count == 12)
    #expect(registers.first == 0x3037)
    #expect(registers.last == 0x3b86)
    #expect(RechargeToken.bytes(fromRegisters: registers) == cipher)
    #expect(try RechargeToken.open(cipher, meterKey: meterKey("202401000001")) == Self.sample)
  }

  @Test func acceptedAtTheRightMeter() throws {
    let cipher = try RechargeToken.seal(Self.sample, master: Self.master)
    let outcome = RechargeVerifier.verify(
      cipher: cipher, meterNumber: "202401000001", meterKey: try meterKey("202401000001"),
      storedCount: 4, remainingFen: 0)
    #expect(outcome.result == .accepted)
    #expect(outcome.plaintext == Self.sample)
  }

  @Test func anotherMetersKeyGivesBadToken() throws {
    let cipher = try RechargeToken.seal(Self.sample, master: Self.master)
    let outcome = RechargeVerifier.verify(
      cipher: cipher, meterNumber: "202401000002", meterKey: try meterKey("202401000002"),
      storedCount: 4, remainingFen: 0)
    #expect(outcome.result == .badToken)
    #expect(outcome.plaintext == nil)
    let otherMaster = try SiteMasterKey(bytes: Array(1...32))
    let wrongSite = RechargeVerifier.verify(
      cipher: cipher, meterNumber: "202401000001",
      meterKey: try otherMaster.meterKey(meterNumber: "202401000001"), storedCount: 4,
      remainingFen: 0)
    #expect(wrongSite.result == .badToken)
  }

  @Test func tokenForAnotherMeterUnderThisKeyGivesWrongMeter() throws {
    // Only reachable if two meters share a key (or a token is built by hand): the plaintext
    // decrypts cleanly but names a different meter.
    var forB = Self.sample
    forB.meterNumber = "202401000002"
    let keyA = try meterKey("202401000001")
    let cipher = try TripleDES.encrypt(key: keyA, plaintext: forB.encode())
    let outcome = RechargeVerifier.verify(
      cipher: cipher, meterNumber: "202401000001", meterKey: keyA, storedCount: 4,
      remainingFen: 0)
    #expect(outcome.result == .wrongMeter)
    #expect(outcome.plaintext == forB)
  }

  @Test func replayAfterCountMovedGivesCountMismatch() throws {
    let cipher = try RechargeToken.seal(Self.sample, master: Self.master)
    let key = try meterKey("202401000001")
    let first = RechargeVerifier.verify(
      cipher: cipher, meterNumber: "202401000001", meterKey: key, storedCount: 4, remainingFen: 0)
    #expect(first.result == .accepted)
    let storedCount = try #require(first.plaintext).purchaseCount
    let replay = RechargeVerifier.verify(
      cipher: cipher, meterNumber: "202401000001", meterKey: key, storedCount: storedCount,
      remainingFen: 10_000)
    #expect(replay.result == .countMismatch)
    let skipped = RechargeVerifier.verify(
      cipher: cipher, meterNumber: "202401000001", meterKey: key, storedCount: 3, remainingFen: 0)
    #expect(skipped.result == .countMismatch)
  }

  @Test func purchaseCountWrapsAt65535() throws {
    var wrapped = Self.sample
    wrapped.purchaseCount = 0
    let cipher = try RechargeToken.seal(wrapped, master: Self.master)
    let outcome = RechargeVerifier.verify(
      cipher: cipher, meterNumber: "202401000001", meterKey: try meterKey("202401000001"),
      storedCount: 65535, remainingFen: 0)
    #expect(outcome.result == .accepted)
  }

  @Test func deductionLargerThanRemainingIsRefused() throws {
    var refund = Self.sample
    refund.amountFen = -5_000
    let cipher = try RechargeToken.seal(refund, master: Self.master)
    let key = try meterKey("202401000001")
    let short = RechargeVerifier.verify(
      cipher: cipher, meterNumber: "202401000001", meterKey: key, storedCount: 4,
      remainingFen: 4_999)
    #expect(short.result == .insufficientBalance)
    let exact = RechargeVerifier.verify(
      cipher: cipher, meterNumber: "202401000001", meterKey: key, storedCount: 4,
      remainingFen: 5_000)
    #expect(exact.result == .accepted)
  }

  @Test(arguments: 0..<24)
  func tamperedCiphertextByteGivesBadToken(position: Int) throws {
    var cipher = try RechargeToken.seal(Self.sample, master: Self.master)
    cipher[position] ^= 0x01
    let outcome = RechargeVerifier.verify(
      cipher: cipher, meterNumber: "202401000001", meterKey: try meterKey("202401000001"),
      storedCount: 4, remainingFen: 0)
    #expect(outcome.result == .badToken)
  }

  @Test func wrongLengthCiphertextIsBadToken() throws {
    let cipher = try RechargeToken.seal(Self.sample, master: Self.master)
    #expect(throws: CryptoError.self) {
      try RechargeToken.open(Array(cipher.prefix(16)), meterKey: meterKey("202401000001"))
    }
    let outcome = RechargeVerifier.verify(
      cipher: cipher + [0, 0, 0, 0, 0, 0, 0, 0], meterNumber: "202401000001",
      meterKey: try meterKey("202401000001"), storedCount: 4, remainingFen: 0)
    #expect(outcome.result == .badToken)
  }

  @Test func resultCodesAndTexts() {
    #expect(RechargeResult.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
    #expect(RechargeResult(rawValue: 3) == .countMismatch)
    #expect(RechargeResult.allCases.allSatisfy { !$0.englishText.isEmpty && !$0.chineseText.isEmpty })
    #expect(RechargeResult.accepted.chineseText == "充值成功")
    #expect(RechargeResult.insufficientBalance.description == RechargeResult.insufficientBalance.englishText)
  }
}

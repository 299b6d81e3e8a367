import Testing

@testable import MeterCrypto

@Suite("PasswordHash (PBKDF2-HMAC-SHA256)")
struct PasswordHashTests {
  @Test func pbkdf2KnownAnswers() throws {
    let salt = Array("salt".utf8)
    let one = try PasswordHash.derive(password: "password", salt: salt, iterations: 1)
    #expect(hex(one) == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
    let two = try PasswordHash.derive(password: "password", salt: salt, iterations: 2)
    #expect(hex(two) == "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43")
  }

  @Test func knownAnswerThroughEncodedForm() throws {
    // Computed independently: openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt pass:password
    //   -kdfopt salt:saltSALTsaltSALT -kdfopt iter:1000 PBKDF2
    let stored = try PasswordHash(
      encoded: "pbkdf2-sha256$1000$73616c7453414c5473616c7453414c54$"
        + "46f895baaa185f0265c1da708d799953de592f576c4538b7eba99ced700ee75b")
    #expect(stored.iterations == 1000)
    #expect(stored.verify("password"))
    #expect(!stored.verify("Password"))
  }

  @Test func makeVerifyRoundTrip() throws {
    let made = try PasswordHash.make(password: "收银员 secret", iterations: 1_000)
    #expect(made.verify("收银员 secret"))
    #expect(!made.verify("收银员 secreT"))
    #expect(!made.verify(""))
    let parts = made.encoded.split(separator: "$")
    #expect(parts.count == 4)
    #expect(parts[0] == "pbkdf2-sha256")
    #expect(parts[1] == "1000")
    #expect(parts[2].count == 32)
    #expect(parts[3].count == 64)
    let reparsed = try PasswordHash(encoded: made.encoded)
    #expect(reparsed == made)
    #expect(reparsed.verify("收银员 secret"))
  }

  @Test func saltsDifferPerHash() throws {
    let a = try PasswordHash.make(password: "same", iterations: 10)
    let b = try PasswordHash.make(password: "same", iterations: 10)
    #expect(a.encoded != b.encoded)
  }

  @Test func defaultIterationCount() throws {
    #expect(PasswordHash.defaultIterations == 120_000)
    let made = try PasswordHash.make(password: "x")
    #expect(made.iterations == 120_000)
    #expect(made.encoded.hasPrefix("pbkdf2-sha256$120000$"))
  }

  @Test(arguments: [
    "",
    "pbkdf2-sha256",
    "bcrypt$2$73616c74$ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43",
    "pbkdf2-sha256$0$73616c7473616c74$ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43",
    "pbkdf2-sha256$-5$73616c7473616c74$ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43",
    "pbkdf2-sha256$+5$73616c7473616c74$ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43",
    "pbkdf2-sha256$x$73616c7473616c74$ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43",
    "pbkdf2-sha256$2$zz616c7473616c74$ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43",
    "pbkdf2-sha256$2$$ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43",
    "pbkdf2-sha256$2$73616c7473616c74$ae4d0c95",
    "pbkdf2-sha256$2$73616c7473616c74$ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c4",
    "pbkdf2-sha256$2$73616c7473616c74$ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43$",
  ])
  func malformedEncodedStringsAreRefused(encoded: String) {
    #expect(throws: CryptoError.self) { try PasswordHash(encoded: encoded) }
  }

  @Test func makeRefusesZeroIterations() {
    #expect(throws: CryptoError.self) { try PasswordHash.make(password: "x", iterations: 0) }
  }
}

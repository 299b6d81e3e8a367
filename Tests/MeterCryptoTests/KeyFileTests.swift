import Foundation
import Testing

@testable import MeterCrypto

@Suite("KeyFile and SiteMasterKey")
struct KeyFileTests {
  /// A fresh empty directory under the system temporary directory.
  func makeDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "metercrypto-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func createWritesMode0600AndLoadsBack() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/site.key"
    let created = try KeyFile.create(at: path)
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(Int(info.st_mode) & 0o777 == 0o600)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.count == 65)
    #expect(text.hasSuffix("\n"))
    var warnings: [String] = []
    let loaded = try KeyFile.load(from: path) { warnings.append($0) }
    #expect(loaded.bytes == created.bytes)
    #expect(warnings.isEmpty)
  }

  @Test func createRefusesToOverwrite() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/site.key"
    let first = try KeyFile.create(at: path)
    #expect(throws: CryptoError.self) { try KeyFile.create(at: path) }
    #expect(try KeyFile.load(from: path).bytes == first.bytes)
  }

  @Test func malformedFileErrorNamesThePath() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for (name, content) in [
      ("short", "abcd\n"), ("nothex", String(repeating: "g", count: 64) + "\n"),
      ("long", String(repeating: "a", count: 66) + "\n"), ("empty", ""),
    ] {
      let path = directory + "/\(name).key"
      try content.write(toFile: path, atomically: false, encoding: .utf8)
      do {
        _ = try KeyFile.load(from: path) { _ in }
        Issue.record("malformed key file \(name) was accepted")
      } catch {
        #expect(error.description.contains(path))
      }
    }
    let missing = directory + "/missing.key"
    #expect(throws: CryptoError.badInput("cannot open key file \(missing): No such file or directory")) {
      try KeyFile.load(from: missing)
    }
  }

  @Test func looseModeLoadsButWarns() throws {
    let directory = try makeDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/site.key"
    let created = try KeyFile.create(at: path)
    #expect(chmod(path, 0o644) == 0)
    var warnings: [String] = []
    let loaded = try KeyFile.load(from: path) { warnings.append($0) }
    #expect(loaded.bytes == created.bytes)
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains(path) == true)
    #expect(warnings.first?.contains("0644") == true)
  }

  @Test func masterKeyLengthAndRedaction() throws {
    #expect(throws: CryptoError.badKeyLength(31)) {
      try SiteMasterKey(bytes: [UInt8](repeating: 1, count: 31))
    }
    let key = try SiteMasterKey(bytes: Array(0..<32))
    #expect(!"\(key)".contains("0001"))
    #expect(String(reflecting: key) == "SiteMasterKey(<redacted>)")
  }

  @Test func meterKeyIsHMACPrefix() throws {
    let master = try SiteMasterKey(bytes: Array(0..<32))
    let key = try master.meterKey(meterNumber: "202401000001")
    let mac = try HMACSHA256.mac(key: Array(0..<32), message: Array("202401000001".utf8))
    #expect(key.count == 24)
    #expect(key == Array(mac.prefix(24)))
    #expect(try master.meterKey(meterNumber: "202401000002") != key)
    #expect(throws: CryptoError.self) { try master.meterKey(meterNumber: "20240100001") }
    #expect(throws: CryptoError.self) { try master.meterKey(meterNumber: "20240100000a") }
  }
}

import Foundation
import TestSupport
import Testing

/// Runs the built `meterdesk` on a thread of its own, so the test pool is never blocked,
/// and reports how long it took.
func meterdesk(_ arguments: [String]) async throws -> (result: CommandResult, seconds: Double) {
  let path = RepoPaths.meterdesk
  try #require(
    FileManager.default.isExecutableFile(atPath: path),
    "meterdesk is not built at \(path): run `swift build --product meterdesk` first")
  return try await withCheckedThrowingContinuation { continuation in
    Thread.detachNewThread {
      let start = Date()
      do {
        let result = try CommandRunner.run(path, arguments)
        continuation.resume(returning: (result, Date().timeIntervalSince(start)))
      } catch {
        continuation.resume(throwing: error)
      }
    }
  }
}

/// The `values` array of a `{"values": [...]}` document.
func jsonValues(_ text: String) throws -> [Any] {
  let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
  return try #require(document?["values"] as? [Any], "not {\"values\": [...]}: \(text)")
}

@Suite("meterdesk modbus read/write against pymodbus", .timeLimit(.minutes(1)))
struct ModbusCLITests {
  /// 100, 101, then 100000 as u32 (0x0001 0x86A0), 230.5 as f32 (0x4366 0x8000),
  /// and -2 as i32 with the low word first (0xFFFE 0xFFFF).
  static let registers: [UInt16] = [100, 101, 0x0001, 0x86A0, 0x4366, 0x8000, 0xFFFE, 0xFFFF]

  @Test("read --json decodes u16, u32, f32 and i32 values")
  func readJSON() async throws {
    let peer = try await PymodbusPeer.start(framer: "socket", holding: Self.registers)
    defer { peer.stop() }
    let base = ["modbus", "read", "--endpoint", "tcp://127.0.0.1:\(peer.port)", "--unit", "1", "--json"]

    let u16 = try await meterdesk(base + ["--address", "0", "--count", "2"]).result
    #expect(u16.status == 0, "\(u16.stderr)")
    #expect(u16.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"values":[100,101]}"#)

    let u32 = try await meterdesk(base + ["--address", "0x2", "--count", "1", "--type", "u32"]).result
    #expect(u32.status == 0, "\(u32.stderr)")
    #expect(try jsonValues(u32.stdout) as? [Int] == [100_000])

    let f32 = try await meterdesk(base + ["--address", "4", "--type", "f32"]).result
    #expect(f32.status == 0, "\(f32.stderr)")
    #expect(try jsonValues(f32.stdout) as? [Double] == [230.5])

    let i32 = try await meterdesk(base + ["--address", "6", "--type", "i32", "--order", "low-first"]).result
    #expect(i32.status == 0, "\(i32.stderr)")
    #expect(try jsonValues(i32.stdout) as? [Int] == [-2])

    let input = try await meterdesk(base + ["--address", "1", "--count", "3", "--fc", "4"]).result
    #expect(input.status == 0, "\(input.stderr)")
    #expect(try jsonValues(input.stdout) as? [Int] == [501, 502, 503])
  }

  @Test("read without --json prints an address / hex / value table")
  func readTable() async throws {
    let peer = try await PymodbusPeer.start(framer: "rtu", holding: Self.registers)
    defer { peer.stop() }
    let (result, _) = try await meterdesk([
      "modbus", "read", "--endpoint", "rtu+tcp://127.0.0.1:\(peer.port)", "--unit", "1",
      "--address", "2", "--count", "2", "--type", "u32",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines.first?.hasPrefix("address") == true)
    #expect(lines[1].contains("0x0001 0x86A0") && lines[1].hasSuffix("100000"))
    #expect(lines[2].contains("0x4366 0x8000"))
  }

  @Test("write one value (FC 06) and several (FC 16), then read them back")
  func writeThenRead() async throws {
    let peer = try await PymodbusPeer.start(framer: "socket", holding: Self.registers)
    defer { peer.stop() }
    let endpoint = ["--endpoint", "tcp://127.0.0.1:\(peer.port)", "--unit", "1"]

    let single = try await meterdesk(["modbus", "write"] + endpoint + ["--address", "10", "0xBEEF"]).result
    #expect(single.status == 0, "\(single.stderr)")
    #expect(single.stdout.contains("FC 6"))
    let several = try await meterdesk(["modbus", "write"] + endpoint + ["--address", "0x0B", "7", "65535"])
      .result
    #expect(several.status == 0, "\(several.stderr)")
    #expect(several.stdout.contains("FC 16"))
    let forced = try await meterdesk(
      ["modbus", "write"] + endpoint + ["--address", "13", "--fc", "16", "42"]
    ).result
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stdout.contains("FC 16"))

    let back = try await meterdesk(
      ["modbus", "read"] + endpoint + ["--address", "10", "--count", "4", "--json"])
    #expect(back.result.status == 0, "\(back.result.stderr)")
    #expect(try jsonValues(back.result.stdout) as? [Int] == [0xBEEF, 7, 65535, 42])
  }

  @Test("an exception answer exits non-zero with one clear line")
  func exception() async throws {
    let peer = try await PymodbusPeer.start(framer: "socket")
    defer { peer.stop() }
    let url = "tcp://127.0.0.1:\(peer.port)"
    let (result, _) = try await meterdesk([
      "modbus", "read", "--endpoint", url, "--unit", "3", "--address", "300", "--count", "2",
    ])
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(result.stderr.contains("\(url) unit 3: exception 02 illegal data address"))
  }

  @Test("a silent gateway times out: non-zero exit, endpoint named, within the timeout")
  func timeout() async throws {
    let peer = try await RawPeer.start("silent", framing: "mbap")
    defer { peer.stop() }
    let url = "tcp://127.0.0.1:\(peer.port)"
    let (result, seconds) = try await meterdesk([
      "modbus", "read", "--endpoint", url, "--unit", "1", "--address", "0", "--timeout", "300",
    ])
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains("\(url) unit 1: no answer within 300 ms"), "\(result.stderr)")
    #expect(seconds >= 0.3)
    #expect(seconds < 2.5, "took \(seconds) s")
  }
}

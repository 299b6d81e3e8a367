import Foundation
import MeterProfiles
import ModbusCore
import TestSupport
import Testing

/// What pymodbus (Tests/Peers/sim_writer.py) reported for one step.
enum PeerOutcome: Equatable, CustomStringConvertible {
  /// The write was acknowledged.
  case written
  /// The registers read.
  case registers([UInt16])
  /// A Modbus exception code.
  case exception(Int)
  /// Anything else (no answer, bad frame…).
  case failed(String)

  var registers: [UInt16]? {
    if case .registers(let words) = self { return words }
    return nil
  }

  var description: String {
    switch self {
    case .written: "written"
    case .registers(let words): "registers \(words)"
    case .exception(let code): "exception \(code)"
    case .failed(let text): "failed: \(text)"
    }
  }
}

/// pymodbus as an independent master: runs requests in order on one connection to one unit.
struct PymodbusWriter {
  let port: Int
  /// "socket" (Modbus TCP) or "rtu" (RTU over TCP).
  let framer: String
  let unit: Int

  /// Runs `requests` (FC03, FC06 and FC16 only) and returns one outcome per request.
  func run(_ requests: [ModbusRequest]) throws -> [PeerOutcome] {
    let steps = try requests.map(Self.step)
    let json = String(decoding: try JSONSerialization.data(withJSONObject: steps), as: UTF8.self)
    let script = RepoPaths.root.appendingPathComponent("Tests/Peers/sim_writer.py").path
    let result = try CommandRunner.run(
      "/usr/bin/env",
      [
        "python3", script, "--port", String(port), "--framer", framer, "--unit", String(unit), "--steps",
        json,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let line = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    let results = try #require(
      object?["results"] as? [[String: Any]], "pymodbus: \(result.stdout) \(result.stderr)")
    try #require(results.count == requests.count)
    return results.map(Self.outcome)
  }

  /// Runs one request.
  func run(_ request: ModbusRequest) throws -> PeerOutcome {
    try #require(try run([request]).first)
  }

  /// Reads holding registers.
  func read(_ address: UInt16, count: UInt16) throws -> [UInt16] {
    let outcome = try run(.readHoldingRegisters(address: address, count: count))
    return try #require(outcome.registers, "read \(address) × \(count): \(outcome)")
  }

  /// Reads a poll block and decodes it with the DDSY1352 profile.
  func readValues(_ block: PollBlock) throws -> MeterValues {
    try ddsyProfile().decode(block: block, registers: try read(block.start, count: block.count))
  }

  private static func step(_ request: ModbusRequest) throws -> [String: Any] {
    switch request {
    case .readHoldingRegisters(let address, let count): return ["read": Int(address), "count": Int(count)]
    case .writeSingleRegister(let address, let value):
      return ["write_single": Int(address), "value": Int(value)]
    case .writeMultipleRegisters(let address, let values):
      return ["write": Int(address), "values": values.map(Int.init)]
    default:
      Issue.record("sim_writer.py does not send \(request)")
      throw CancellationError()
    }
  }

  private static func outcome(_ result: [String: Any]) -> PeerOutcome {
    if let code = result["exception_code"] as? Int { return .exception(code) }
    if let words = result["registers"] as? [Int] {
      return .registers(words.map { UInt16(truncatingIfNeeded: $0) })
    }
    if result["written"] as? Bool == true { return .written }
    return .failed("\(result["error"] ?? result)")
  }
}

extension RunningSimulator {
  /// pymodbus on `bus` (T-1 speaks Modbus TCP, R-1 RTU over TCP), talking to `unit`.
  func pymodbus(_ bus: String, unit: Int) throws -> PymodbusWriter {
    PymodbusWriter(port: try port(bus), framer: bus == "R-1" ? "rtu" : "socket", unit: unit)
  }
}

import ArgumentParser
import ModbusCore
import ModbusTransport
import NIOCore
import NIOPosix

/// `meterdesk modbus`: read or write one meter's registers directly, for the electrician.
struct ModbusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "modbus",
    abstract: "Read or write a meter's registers directly (commissioning and fault finding).",
    subcommands: [ModbusReadCommand.self, ModbusWriteCommand.self])
}

/// `meterdesk modbus read`: registers as a table, or `{"values": [...]}` with --json.
struct ModbusReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Read holding (FC 03) or input (FC 04) registers and decode them.",
    discussion: """
      --count is the number of values: with a 32-bit --type each value takes two registers. \
      Addresses are 0-based, decimal or 0x hex.
      Example: meterdesk modbus read --endpoint tcp://10.0.0.5:502 --unit 1 --address 0x21F \
      --count 1 --type i32
      """)

  @OptionGroup var target: ModbusTarget
  @Option(help: "Number of values to read.") var count: Int = 1
  @Option(help: "Function code: 3 (holding registers) or 4 (input registers).") var fc: Int = 3
  @Option(help: "Value type.") var type: ModbusValueType = .u16
  @Option(help: "Word order of 32-bit values.") var order: ModbusWordOrder = .highFirst
  @Flag(help: "Print {\"values\": [...]} as JSON.") var json = false

  func validate() throws {
    guard fc == 3 || fc == 4 else { throw ValidationError("--fc must be 3 or 4") }
    let registers = count * type.registerType.registerCount
    guard count >= 1, registers <= ModbusLimits.readRegisters.upperBound else {
      throw ValidationError(
        "--count must be 1…\(ModbusLimits.readRegisters.upperBound / type.registerType.registerCount) for \(type.rawValue)"
      )
    }
    guard Int(target.address.value) + registers <= ModbusLimits.addressSpace else {
      throw ValidationError("--address plus the registers read runs past 65535")
    }
  }

  func run() throws {
    let registerCount = UInt16(count * type.registerType.registerCount)
    let address = target.address.value
    let request: ModbusRequest =
      fc == 4
      ? .readInputRegisters(address: address, count: registerCount)
      : .readHoldingRegisters(address: address, count: registerCount)
    let response = try target.perform(request, command: "read")
    guard case .registers(let registers) = response, registers.count == Int(registerCount) else {
      throw fail("meterdesk modbus read: \(target.place): the answer carried no registers")
    }
    let rows = ModbusValueRow.rows(
      registers, start: address, type: type.registerType, order: order.wordOrder)
    print(json ? ModbusValueRow.json(rows) : ModbusValueRow.table(rows))
  }
}

/// `meterdesk modbus write`: one value with FC 06, several with FC 16.
struct ModbusWriteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "write",
    abstract: "Write holding registers: one value with FC 06, several (or --fc 16) with FC 16.",
    discussion: "Values are 0…65535, decimal or 0x hex, written to consecutive registers.")

  @OptionGroup var target: ModbusTarget
  @Option(help: "Function code: 6 (one register) or 16 (several).") var fc: Int?
  @Argument(help: "Register values, decimal or 0x hex.") var values: [ModbusNumber<UInt16>]

  func validate() throws {
    guard !values.isEmpty else { throw ValidationError("give at least one value") }
    guard values.count <= ModbusLimits.writeRegisters.upperBound else {
      throw ValidationError("at most \(ModbusLimits.writeRegisters.upperBound) values per write")
    }
    if let fc {
      guard fc == 6 || fc == 16 else { throw ValidationError("--fc must be 6 or 16") }
      guard fc == 16 || values.count == 1 else { throw ValidationError("--fc 6 writes exactly one value") }
    }
    guard Int(target.address.value) + values.count <= ModbusLimits.addressSpace else {
      throw ValidationError("--address plus the values runs past 65535")
    }
  }

  func run() throws {
    let words = values.map(\.value)
    let address = target.address.value
    let multiple = fc == 16 || words.count > 1
    let request: ModbusRequest =
      multiple
      ? .writeMultipleRegisters(address: address, values: words)
      : .writeSingleRegister(address: address, value: words[0])
    _ = try target.perform(request, command: "write")
    let noun = words.count == 1 ? "register" : "registers"
    print("wrote \(words.count) \(noun) at \(address) with FC \(multiple ? 16 : 6)")
  }
}

/// The options every `modbus` subcommand takes: where, whom, which address, how long to wait.
struct ModbusTarget: ParsableArguments {
  @Option(help: "tcp://HOST:PORT, rtu+tcp://HOST:PORT or serial:///dev/ttyUSB0?baud=9600&parity=N.")
  var endpoint: String
  @Option(help: "Unit id (meter address), decimal or 0x hex.") var unit: ModbusNumber<UInt8>
  @Option(help: "First register address (0-based), decimal or 0x hex.") var address: ModbusNumber<UInt16>
  @Option(help: "Response timeout in milliseconds.") var timeout: Int = 1000

  func validate() throws {
    guard (1...60_000).contains(timeout) else { throw ValidationError("--timeout must be 1…60000 ms") }
  }

  /// "tcp://10.0.0.5:502 unit 1", naming the meter in error lines.
  var place: String { "\(endpoint) unit \(unit.value)" }

  /// Sends `request` on a one-thread event loop and returns the answer, or exits with one
  /// line on stderr naming the endpoint and unit.
  func perform(_ request: ModbusRequest, command: String) throws -> ModbusResponse {
    let parsed: ModbusEndpoint
    do {
      parsed = try ModbusEndpoint.parse(endpoint)
    } catch {
      throw fail("meterdesk modbus \(command): \(error)")
    }
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    defer { try? group.syncShutdownGracefully() }
    let configuration = ModbusClientConfiguration(
      responseTimeout: .milliseconds(Int64(timeout)), connectTimeout: .milliseconds(Int64(timeout)))
    let client = ModbusBusClient(endpoint: parsed, eventLoop: group.next(), configuration: configuration)
    let result = Result { try client.execute(request, unit: unit.value).wait() }
    try? client.close().wait()
    switch result {
    case .success(let response):
      return response
    case .failure(let error):
      throw fail("meterdesk modbus \(command): \(parsed) unit \(unit.value): \(error)")
    }
  }
}

/// An unsigned number given on the command line in decimal or `0x` hex.
struct ModbusNumber<Value: FixedWidthInteger & UnsignedInteger & Sendable>: ExpressibleByArgument, Sendable {
  /// The number.
  let value: Value

  init?(argument: String) {
    let text = argument.lowercased()
    let parsed = text.hasPrefix("0x") ? Value(text.dropFirst(2), radix: 16) : Value(text, radix: 10)
    guard let parsed else { return nil }
    value = parsed
  }
}

/// The value types `modbus read --type` decodes.
enum ModbusValueType: String, ExpressibleByArgument, CaseIterable, Sendable {
  case u16, i16, u32, i32, f32

  /// The matching ModbusCore register type.
  var registerType: RegisterType {
    switch self {
    case .u16: .u16
    case .i16: .i16
    case .u32: .u32
    case .i32: .i32
    case .f32: .f32
    }
  }
}

/// The word orders `modbus read --order` accepts.
enum ModbusWordOrder: String, ExpressibleByArgument, CaseIterable, Sendable {
  case highFirst = "high-first"
  case lowFirst = "low-first"

  /// The matching ModbusCore word order.
  var wordOrder: WordOrder { self == .highFirst ? .highFirst : .lowFirst }
}

/// One decoded value with the registers it came from.
struct ModbusValueRow {
  /// Its first register's address.
  var address: UInt16
  /// The registers holding it.
  var registers: [UInt16]
  /// The decoded value.
  var value: RegisterValue

  /// Splits `registers` into values of `type`.
  static func rows(
    _ registers: [UInt16], start: UInt16, type: RegisterType, order: WordOrder
  ) -> [ModbusValueRow] {
    stride(from: 0, to: registers.count, by: type.registerCount).compactMap { offset in
      let slice = registers[offset..<min(offset + type.registerCount, registers.count)]
      guard let value = RegisterValues.decode(slice, as: type, order: order) else { return nil }
      return ModbusValueRow(address: start &+ UInt16(offset), registers: Array(slice), value: value)
    }
  }

  /// The value as text: an integer, or the shortest float that reads back the same.
  var text: String {
    switch value {
    case .integer(let integer): String(integer)
    case .float(let float): float.description
    }
  }

  /// The value as a JSON number (null for NaN and infinities).
  var jsonText: String {
    if case .float(let float) = value, !float.isFinite { return "null" }
    return text
  }

  /// `{"values":[...]}`.
  static func json(_ rows: [ModbusValueRow]) -> String {
    "{\"values\":[" + rows.map(\.jsonText).joined(separator: ",") + "]}"
  }

  /// An aligned table: address (decimal), the registers in hex, the value.
  static func table(_ rows: [ModbusValueRow]) -> String {
    let hexes = rows.map { $0.registers.map(hex).joined(separator: " ") }
    let hexWidth = max(3, hexes.map(\.count).max() ?? 0)
    let valueWidth = max(5, rows.map(\.text.count).max() ?? 0)
    var lines = ["address  " + pad("hex", hexWidth) + "  " + pad("value", valueWidth, right: true)]
    for (row, hexText) in zip(rows, hexes) {
      lines.append(
        pad(String(row.address), 7, right: true) + "  " + pad(hexText, hexWidth) + "  "
          + pad(row.text, valueWidth, right: true))
    }
    return lines.joined(separator: "\n")
  }

  /// "0x00FF".
  private static func hex(_ word: UInt16) -> String {
    let digits = String(word, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: 4 - digits.count) + digits
  }

  /// Pads `text` with spaces to `width`, on the left when `right`-aligned.
  private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
  }
}

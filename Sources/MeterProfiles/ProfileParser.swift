import ModbusCore
import TOMLKit

/// Reads one profile file's text into a `MeterProfile`, checking every key (see acrel-ddsy1352.toml).
struct ProfileParser {
  let text: String
  let file: String
  let locator: KeyLocator

  init(text: String, file: String) {
    self.text = text
    self.file = file
    locator = KeyLocator(text: text)
  }

  static let topLevelKeys = [
    "profile", "serial", "identity", "poll", "fields", "status", "commands", "settings", "recharge", "tou",
  ]
  static let requiredFields: [FieldName] = [.energyTotal, .remaining, .purchaseCount, .status]

  func parse() throws(ProfileError) -> MeterProfile {
    let root = try TableReader(table: document(), path: TOMLKeyPath(), file: file, locator: locator)
    try root.rejectUnknownKeys(Self.topLevelKeys)
    let header = try root.requiredTable("profile")
    try header.rejectUnknownKeys(["name", "vendor", "model", "summary"])
    let name = try header.requiredString("name")
    guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
      throw header.error("name", "\"\(name)\" may hold only letters, digits, \"-\", \"_\" and \".\"")
    }
    let blocks = try pollBlocks(root)
    let fields = try fields(root, blocks: blocks)
    var profile = MeterProfile(
      name: name, vendor: try header.requiredString("vendor"), model: try header.requiredString("model"),
      summary: try header.string("summary") ?? "", serial: try serial(root), pollBlocks: blocks,
      fields: fields, statusBits: try statusBits(root), commands: try commands(root),
      settings: try settings(root), recharge: try recharge(root), identity: try identity(root),
      timeOfUse: try timeOfUse(root))
    profile.fields.sort { Self.order($0.name) < Self.order($1.name) }
    try ProfileValidator(profile: profile, root: root).validate()
    return profile
  }

  private func document() throws(ProfileError) -> TOMLTable {
    do {
      return try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      let line = error.source.begin.line
      throw ProfileError(
        file: file, key: locator.path(atLine: line), message: "TOML syntax: \(error.description)",
        line: line)
    } catch {
      throw ProfileError(file: file, key: "", message: "TOML syntax: \(error)")
    }
  }

  private static func order(_ name: FieldName) -> Int {
    FieldName.allCases.firstIndex(of: name) ?? 0
  }

  private func serial(_ root: TableReader) throws(ProfileError) -> SerialDefaults {
    guard let table = try root.optionalTable("serial") else { return SerialDefaults() }
    try table.rejectUnknownKeys(["baud", "parity", "turnaround_ms"])
    let parity = try table.string("parity") ?? "N"
    guard ["N", "E", "O"].contains(parity) else {
      throw table.error("parity", "\"\(parity)\" is not one of N, E, O")
    }
    return SerialDefaults(
      baud: try table.int("baud", in: 300...921_600) ?? 9600, parity: parity,
      turnaroundMs: try table.int("turnaround_ms", in: 0...10_000) ?? 20)
  }

  private func identity(_ root: TableReader) throws(ProfileError) -> Identity {
    let table = try root.requiredTable("identity")
    try table.rejectUnknownKeys(["meter_number", "model_code"])
    let code = try table.int("model_code", in: 0...Int(UInt32.max))
    return Identity(
      meterNumberRegister: try table.requiredWord("meter_number"), modelCode: code.map(Int64.init))
  }

  private func pollBlocks(_ root: TableReader) throws(ProfileError) -> [PollBlock] {
    let tables = try root.tableArray("poll")
    guard !tables.isEmpty else { throw root.error("poll", "at least one [[poll]] block is required") }
    var blocks: [PollBlock] = []
    for table in tables {
      try table.rejectUnknownKeys(["name", "function", "start", "count", "routine"])
      let name = try table.requiredString("name")
      if blocks.contains(where: { $0.name == name }) {
        throw table.error("name", "another poll block is already called \"\(name)\"")
      }
      let function = try table.int("function", in: 0...255) ?? 3
      guard function == 3 || function == 4 else {
        throw table.error("function", "\(function) is not 3 (holding registers) or 4 (input registers)")
      }
      let start = try table.requiredWord("start")
      let count = try table.requiredInt("count", in: ModbusLimits.readRegisters)
      guard Int(start) + count <= ModbusLimits.addressSpace else {
        throw table.error("count", "\(hex(Int(start))) + \(count) registers runs past 0xFFFF")
      }
      blocks.append(
        PollBlock(
          name: name, function: function == 4 ? .readInputRegisters : .readHoldingRegisters, start: start,
          count: UInt16(count), routine: try table.bool("routine") ?? true))
    }
    return blocks
  }

  private func fields(_ root: TableReader, blocks: [PollBlock]) throws(ProfileError) -> [FieldSpec] {
    let table = try root.requiredTable("fields")
    try table.rejectUnknownKeys(FieldName.allCases.map(\.rawValue))
    var fields: [FieldSpec] = []
    for name in FieldName.allCases {
      guard let entry = try table.optionalTable(name.rawValue) else {
        if Self.requiredFields.contains(name) { throw table.error(name.rawValue, "required field missing") }
        continue
      }
      try entry.rejectUnknownKeys(["register", "type", "order", "scale", "signed_when_overdrawn"])
      let field = FieldSpec(
        name: name, register: try entry.requiredWord("register"), type: try entry.registerType("type"),
        order: try entry.wordOrder("order"), scale: try entry.scale("scale"),
        signedWhenOverdrawn: try entry.bool("signed_when_overdrawn") ?? false)
      if field.signedWhenOverdrawn && field.type != .u32 {
        throw entry.error("signed_when_overdrawn", "applies only to type u32, not \(field.type.rawValue)")
      }
      if name == .status && field.type != .u16 {
        throw entry.error("type", "the status word must be u16, not \(field.type.rawValue)")
      }
      guard blocks.contains(where: { $0.contains(field.addresses) }) else {
        throw entry.error(
          "register", "\(hexRange(field.addresses)) lies outside every [[poll]] block")
      }
      if let other = fields.first(where: { $0.addresses.overlaps(field.addresses) }) {
        throw entry.error(
          "register", "\(hexRange(field.addresses)) overlaps fields.\(other.name.rawValue)")
      }
      fields.append(field)
    }
    return fields
  }

  private func statusBits(_ root: TableReader) throws(ProfileError) -> StatusBits {
    guard let table = try root.optionalTable("status") else { return StatusBits() }
    let single = ["fault", "over_power_limit", "arrears", "alarm1", "alarm2"]
    try table.rejectUnknownKeys(single + ["relay_closed"])
    var seen: [Int: String] = [:]
    var bits: [String: Int] = [:]
    for key in single + ["relay_closed"] {
      for bit in try table.ints(key, in: 0...15) ?? [] {
        if let other = seen[bit] { throw table.error(key, "bit \(bit) is already status.\(other)") }
        seen[bit] = key
        bits[key] = bit
      }
    }
    return StatusBits(
      fault: bits["fault"], relayClosed: try table.ints("relay_closed", in: 0...15) ?? [],
      overPowerLimit: bits["over_power_limit"], arrears: bits["arrears"], alarm1: bits["alarm1"],
      alarm2: bits["alarm2"])
  }

  private func commands(_ root: TableReader) throws(ProfileError) -> [RemoteCommand: CommandWrite] {
    guard let table = try root.optionalTable("commands") else { return [:] }
    try table.rejectUnknownKeys(RemoteCommand.allCases.map(\.rawValue))
    var commands: [RemoteCommand: CommandWrite] = [:]
    for command in RemoteCommand.allCases {
      guard let entry = try table.optionalTable(command.rawValue) else { continue }
      try entry.rejectUnknownKeys(["function", "register", "values"])
      let function = try entry.int("function", in: 0...255) ?? 16
      let register = try entry.requiredWord("register")
      guard let values = try entry.words("values") else { throw entry.error("values", "missing") }
      switch function {
      case 6 where values.count != 1:
        throw entry.error("values", "function 6 writes exactly one value, not \(values.count)")
      case 16 where !ModbusLimits.writeRegisters.contains(values.count):
        throw entry.error("values", "function 16 writes 1...123 values, not \(values.count)")
      case 6, 16:
        break
      default:
        throw entry.error("function", "\(function) is not 6 (one register) or 16 (several registers)")
      }
      guard Int(register) + values.count <= ModbusLimits.addressSpace else {
        throw entry.error("values", "the write runs past register 0xFFFF")
      }
      commands[command] = CommandWrite(
        function: function == 6 ? .writeSingleRegister : .writeMultipleRegisters, register: register,
        values: values)
    }
    return commands
  }

  private func settings(_ root: TableReader) throws(ProfileError) -> [SettingName: SettingSpec] {
    guard let table = try root.optionalTable("settings") else { return [:] }
    try table.rejectUnknownKeys(SettingName.allCases.map(\.rawValue))
    var settings: [SettingName: SettingSpec] = [:]
    for name in SettingName.allCases {
      guard let entry = try table.optionalTable(name.rawValue) else { continue }
      try entry.rejectUnknownKeys(["register", "type", "order", "scale", "function"])
      let type = try entry.registerType("type")
      let function = try entry.int("function", in: 0...255) ?? 16
      guard function == 16 || (function == 6 && type.registerCount == 1) else {
        throw entry.error(
          "function", "\(function) is not 16, or 6 for a one-register type (\(type.rawValue) takes 2)")
      }
      let spec = SettingSpec(
        register: try entry.requiredWord("register"), type: type, order: try entry.wordOrder("order"),
        scale: try entry.scale("scale"),
        function: function == 6 ? .writeSingleRegister : .writeMultipleRegisters)
      guard spec.addresses.upperBound <= ModbusLimits.addressSpace else {
        throw entry.error("register", "\(type.rawValue) at \(hex(Int(spec.register))) runs past 0xFFFF")
      }
      settings[name] = spec
    }
    return settings
  }

  private func recharge(_ root: TableReader) throws(ProfileError) -> RechargeBlock {
    let table = try root.requiredTable("recharge")
    try table.rejectUnknownKeys(["scheme", "register", "count", "result_register"])
    let scheme = try table.requiredString("scheme")
    guard RechargeBlock.knownSchemes.contains(scheme) else {
      let known = RechargeBlock.knownSchemes.sorted().joined(separator: ", ")
      throw table.error("scheme", "\"\(scheme)\" is not a known token scheme (\(known))")
    }
    let register = try table.requiredWord("register")
    let count = try table.int("count", in: 0...Int(UInt16.max)) ?? 12
    guard count == 12 else {
      throw table.error("count", "a \(scheme) token takes 12 registers, not \(count)")
    }
    guard Int(register) + count <= ModbusLimits.addressSpace else {
      throw table.error("register", "the token block runs past 0xFFFF")
    }
    let block = RechargeBlock(
      scheme: scheme, register: register, count: UInt16(count),
      resultRegister: try table.requiredWord("result_register"))
    if block.addresses.contains(Int(block.resultRegister)) {
      throw table.error("result_register", "\(hex(Int(block.resultRegister))) lies inside the token block")
    }
    return block
  }
}

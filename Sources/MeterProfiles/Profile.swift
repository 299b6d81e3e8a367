import ModbusCore

/// A meter model's register map and commands, loaded from a TOML profile file.
public struct MeterProfile: Sendable, Hashable {
  /// The profile's name, the key sites use in their meter lists (e.g. "acrel-ddsy1352").
  public var name: String
  /// The manufacturer.
  public var vendor: String
  /// The meter model.
  public var model: String
  /// One line describing the profile.
  public var summary: String
  /// Serial line defaults.
  public var serial: SerialDefaults
  /// The blocks read from the meter, in order; `routine` ones every sweep.
  public var pollBlocks: [PollBlock]
  /// Where each value lives, in `FieldName` order.
  public var fields: [FieldSpec]
  /// The layout of the status word.
  public var statusBits: StatusBits
  /// The register writes of the relay commands.
  public var commands: [RemoteCommand: CommandWrite]
  /// The writable settings.
  public var settings: [SettingName: SettingSpec]
  /// The secure recharge token block.
  public var recharge: RechargeBlock
  /// Meter number register and expected model code.
  public var identity: Identity
  /// The time-of-use schedule table; nil when the profile defines none.
  public var timeOfUse: TimeOfUseTable?

  /// Creates a profile; without a TOU table unless one is given.
  public init(
    name: String, vendor: String, model: String, summary: String, serial: SerialDefaults,
    pollBlocks: [PollBlock], fields: [FieldSpec], statusBits: StatusBits,
    commands: [RemoteCommand: CommandWrite], settings: [SettingName: SettingSpec],
    recharge: RechargeBlock, identity: Identity, timeOfUse: TimeOfUseTable? = nil
  ) {
    self.name = name
    self.vendor = vendor
    self.model = model
    self.summary = summary
    self.serial = serial
    self.pollBlocks = pollBlocks
    self.fields = fields
    self.statusBits = statusBits
    self.commands = commands
    self.settings = settings
    self.recharge = recharge
    self.identity = identity
    self.timeOfUse = timeOfUse
  }

  /// The blocks acquisition reads every routine sweep, in order.
  public var routineBlocks: [PollBlock] { pollBlocks.filter(\.routine) }

  /// The poll block called `name`, if any.
  public func block(named name: String) -> PollBlock? {
    pollBlocks.first { $0.name == name }
  }
}

/// Serial line defaults for meters of a profile.
public struct SerialDefaults: Sendable, Hashable {
  /// Bits per second.
  public var baud: Int
  /// "N", "E" or "O".
  public var parity: String
  /// Typical time in ms from the end of a request to the start of the meter's reply.
  public var turnaroundMs: Int

  /// Creates defaults; 9600 8N1 with a 20 ms turnaround unless told otherwise.
  public init(baud: Int = 9600, parity: String = "N", turnaroundMs: Int = 20) {
    self.baud = baud
    self.parity = parity
    self.turnaroundMs = turnaroundMs
  }
}

/// How a meter identifies itself.
public struct Identity: Sendable, Hashable {
  /// The first of three registers holding the 12-digit meter number in BCD.
  public var meterNumberRegister: UInt16
  /// The model code the meter should report in its `model_code` field; nil if not checked.
  public var modelCode: Int64?

  /// Registers the meter number occupies (12 BCD digits).
  public static let meterNumberRegisterCount: UInt16 = 3

  /// Creates an identity.
  public init(meterNumberRegister: UInt16, modelCode: Int64? = nil) {
    self.meterNumberRegister = meterNumberRegister
    self.modelCode = modelCode
  }

  /// The addresses of the meter number.
  public var meterNumberAddresses: Range<Int> {
    Int(meterNumberRegister)..<Int(meterNumberRegister) + Int(Self.meterNumberRegisterCount)
  }

  /// The FC03 read of the meter number.
  public var meterNumberRequest: ModbusRequest {
    .readHoldingRegisters(address: meterNumberRegister, count: Self.meterNumberRegisterCount)
  }

  /// The 12 digits held by three registers; nil if fewer or a nibble is above 9.
  public static func meterNumber(from registers: [UInt16]) -> String? {
    guard registers.count >= Int(meterNumberRegisterCount) else { return nil }
    return BCD.decode(RegisterBytes.bytes(from: Array(registers.prefix(Int(meterNumberRegisterCount)))))
  }

  /// The three registers holding `meterNumber` (up to 12 digits, zero-padded); nil if not digits or too long.
  public static func registers(meterNumber: String) -> [UInt16]? {
    guard let bytes = BCD.encode(digits: meterNumber, byteCount: 6) else { return nil }
    return RegisterBytes.registers(from: bytes)
  }
}

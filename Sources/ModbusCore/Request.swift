/// A Modbus request PDU: what a client asks of one unit.
public enum ModbusRequest: Sendable, Hashable {
  /// FC 01: read `count` coils starting at `address`.
  case readCoils(address: UInt16, count: UInt16)
  /// FC 02: read `count` discrete inputs starting at `address`.
  case readDiscreteInputs(address: UInt16, count: UInt16)
  /// FC 03: read `count` holding registers starting at `address`.
  case readHoldingRegisters(address: UInt16, count: UInt16)
  /// FC 04: read `count` input registers starting at `address`.
  case readInputRegisters(address: UInt16, count: UInt16)
  /// FC 05: switch the coil at `address` on or off.
  case writeSingleCoil(address: UInt16, value: Bool)
  /// FC 06: write `value` into the holding register at `address`.
  case writeSingleRegister(address: UInt16, value: UInt16)
  /// FC 15: write `values` into consecutive coils starting at `address`.
  case writeMultipleCoils(address: UInt16, values: [Bool])
  /// FC 16: write `values` into consecutive holding registers starting at `address`.
  case writeMultipleRegisters(address: UInt16, values: [UInt16])
  /// FC 17: ask the server to describe itself.
  case reportServerID

  /// The function code this request is sent with.
  public var functionCode: FunctionCode {
    switch self {
    case .readCoils: .readCoils
    case .readDiscreteInputs: .readDiscreteInputs
    case .readHoldingRegisters: .readHoldingRegisters
    case .readInputRegisters: .readInputRegisters
    case .writeSingleCoil: .writeSingleCoil
    case .writeSingleRegister: .writeSingleRegister
    case .writeMultipleCoils: .writeMultipleCoils
    case .writeMultipleRegisters: .writeMultipleRegisters
    case .reportServerID: .reportServerID
    }
  }

  /// The number of coils or registers read or written (1 for single writes, 0 for FC 17).
  public var quantity: Int {
    switch self {
    case .readCoils(_, let count), .readDiscreteInputs(_, let count),
      .readHoldingRegisters(_, let count), .readInputRegisters(_, let count):
      Int(count)
    case .writeSingleCoil, .writeSingleRegister: 1
    case .writeMultipleCoils(_, let values): values.count
    case .writeMultipleRegisters(_, let values): values.count
    case .reportServerID: 0
    }
  }

  /// The first coil or register address the request touches (0 for FC 17).
  public var address: UInt16 {
    switch self {
    case .readCoils(let address, _), .readDiscreteInputs(let address, _),
      .readHoldingRegisters(let address, _), .readInputRegisters(let address, _),
      .writeSingleCoil(let address, _), .writeSingleRegister(let address, _),
      .writeMultipleCoils(let address, _), .writeMultipleRegisters(let address, _):
      address
    case .reportServerID: 0
    }
  }

  /// The quantity range the specification allows for this request's function.
  public var allowedQuantity: ClosedRange<Int> {
    switch self {
    case .readCoils, .readDiscreteInputs: ModbusLimits.readBits
    case .readHoldingRegisters, .readInputRegisters: ModbusLimits.readRegisters
    case .writeMultipleCoils: ModbusLimits.writeBits
    case .writeMultipleRegisters: ModbusLimits.writeRegisters
    case .writeSingleCoil, .writeSingleRegister: 1...1
    case .reportServerID: 0...0
    }
  }

  /// Checks the quantity limits and the address range; call before sending.
  public func validate() throws(ModbusError) {
    try Self.check(quantity: quantity, allowed: allowedQuantity, address: address)
  }

  /// Throws `illegalQuantity` or `addressOutOfRange` when a request breaks the limits.
  static func check(quantity: Int, allowed: ClosedRange<Int>, address: UInt16) throws(ModbusError) {
    guard allowed.contains(quantity) else {
      throw .illegalQuantity(quantity: quantity, allowed: allowed)
    }
    guard Int(address) + quantity <= ModbusLimits.addressSpace else {
      throw .addressOutOfRange(address: address, quantity: quantity)
    }
  }
}

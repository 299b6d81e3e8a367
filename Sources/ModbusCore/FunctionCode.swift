/// The Modbus public function codes MeterDesk speaks.
public enum FunctionCode: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// FC 01: read 1...2000 coils.
  case readCoils = 0x01
  /// FC 02: read 1...2000 discrete inputs.
  case readDiscreteInputs = 0x02
  /// FC 03: read 1...125 holding registers.
  case readHoldingRegisters = 0x03
  /// FC 04: read 1...125 input registers.
  case readInputRegisters = 0x04
  /// FC 05: write one coil (0xFF00 on, 0x0000 off).
  case writeSingleCoil = 0x05
  /// FC 06: write one holding register.
  case writeSingleRegister = 0x06
  /// FC 15: write 1...1968 coils.
  case writeMultipleCoils = 0x0F
  /// FC 16: write 1...123 holding registers.
  case writeMultipleRegisters = 0x10
  /// FC 17: report server ID (serial line only).
  case reportServerID = 0x11

  /// The bit a server sets in the function code of an exception response.
  public static let exceptionFlag: UInt8 = 0x80

  /// The function code byte of this function's exception response.
  public var exceptionCode: UInt8 { rawValue | Self.exceptionFlag }

  /// The function's name and number, e.g. "read holding registers (0x03)".
  public var description: String {
    let name: String
    switch self {
    case .readCoils: name = "read coils"
    case .readDiscreteInputs: name = "read discrete inputs"
    case .readHoldingRegisters: name = "read holding registers"
    case .readInputRegisters: name = "read input registers"
    case .writeSingleCoil: name = "write single coil"
    case .writeSingleRegister: name = "write single register"
    case .writeMultipleCoils: name = "write multiple coils"
    case .writeMultipleRegisters: name = "write multiple registers"
    case .reportServerID: name = "report server ID"
    }
    return "\(name) (\(Hex.byte(rawValue)))"
  }
}

/// Quantity and size limits from the Modbus application protocol specification.
public enum ModbusLimits {
  /// Coils or discrete inputs one FC 01/02 request may read.
  public static let readBits: ClosedRange<Int> = 1...2000
  /// Registers one FC 03/04 request may read.
  public static let readRegisters: ClosedRange<Int> = 1...125
  /// Coils one FC 15 request may write.
  public static let writeBits: ClosedRange<Int> = 1...1968
  /// Registers one FC 16 request may write.
  public static let writeRegisters: ClosedRange<Int> = 1...123
  /// The largest PDU (function code plus data) any Modbus frame may carry.
  public static let maxPDUBytes = 253
  /// The number of addressable coils or registers (addresses 0...65535).
  public static let addressSpace = 0x1_0000
}

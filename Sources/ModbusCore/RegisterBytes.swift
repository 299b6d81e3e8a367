/// Conversions between register words and the big-endian bytes they carry on the wire.
public enum RegisterBytes {
  /// The bytes of `registers`, each register high byte first.
  public static func bytes(from registers: some Collection<UInt16>) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(registers.count * 2)
    for register in registers { bytes.appendWord(register) }
    return bytes
  }

  /// The registers packed in `bytes`, high byte first; nil for an odd byte count.
  public static func registers(from bytes: some Collection<UInt8>) -> [UInt16]? {
    guard bytes.count % 2 == 0 else { return nil }
    var registers: [UInt16] = []
    registers.reserveCapacity(bytes.count / 2)
    var high: UInt8?
    for byte in bytes {
      if let first = high {
        registers.append(UInt16(first) << 8 | UInt16(byte))
        high = nil
      } else {
        high = byte
      }
    }
    return registers
  }
}

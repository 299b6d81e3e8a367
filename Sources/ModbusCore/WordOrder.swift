/// The order of the two 16-bit registers that hold a 32-bit value.
public enum WordOrder: String, Sendable, Hashable, CaseIterable {
  /// The first register holds the high word (the Modbus convention, Acrel meters).
  case highFirst = "high-first"
  /// The first register holds the low word ("word swapped").
  case lowFirst = "low-first"

  /// Splits a 32-bit value into two registers in this order.
  public func registers(_ value: UInt32) -> [UInt16] {
    let high = UInt16(truncatingIfNeeded: value >> 16)
    let low = UInt16(truncatingIfNeeded: value)
    return self == .highFirst ? [high, low] : [low, high]
  }

  /// Joins two registers, first and second as they appear, into a 32-bit value.
  public func combine(_ first: UInt16, _ second: UInt16) -> UInt32 {
    let (high, low) = self == .highFirst ? (first, second) : (second, first)
    return UInt32(high) << 16 | UInt32(low)
  }
}

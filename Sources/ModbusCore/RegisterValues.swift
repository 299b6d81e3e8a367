/// Conversions between register words and typed values.
public enum RegisterValues {
  /// Decodes the value of `type` starting at the first register of `registers`.
  ///
  /// Returns nil when fewer than `type.registerCount` registers are present or a BCD
  /// register holds a nibble above 9. Registers after the value are ignored; `order`
  /// matters only for two-register types.
  public static func decode(
    _ registers: ArraySlice<UInt16>, as type: RegisterType, order: WordOrder
  ) -> RegisterValue? {
    guard registers.count >= type.registerCount, let first = registers.first else { return nil }
    let second = registers.count >= 2 ? registers[registers.startIndex + 1] : 0
    let pair = order.combine(first, second)
    switch type {
    case .u16: return .integer(Int64(first))
    case .i16: return .integer(Int64(Int16(bitPattern: first)))
    case .u32: return .integer(Int64(pair))
    case .i32: return .integer(Int64(Int32(bitPattern: pair)))
    case .f32: return .float(Float(bitPattern: pair))
    case .bcd16:
      return BCD.decodeValue(RegisterBytes.bytes(from: [first])).map { .integer(Int64($0)) }
    case .bcd32: return BCD.decodeValue(bigEndianBytes(pair)).map { .integer(Int64($0)) }
    }
  }

  /// Encodes `value` as `type` in `order`; nil when it does not fit the type.
  ///
  /// Integer and BCD types take `.integer` within `type.integerRange` (or a whole-number
  /// `.float`); `f32` takes either case.
  public static func encode(
    _ value: RegisterValue, as type: RegisterType, order: WordOrder
  ) -> [UInt16]? {
    if type == .f32 {
      switch value {
      case .float(let float): return order.registers(float.bitPattern)
      case .integer(let integer): return order.registers(Float(integer).bitPattern)
      }
    }
    guard let integer = value.integerValue, let range = type.integerRange,
      range.contains(integer)
    else { return nil }
    switch type {
    case .u16, .i16:
      return [UInt16(truncatingIfNeeded: integer)]
    case .u32, .i32:
      return order.registers(UInt32(truncatingIfNeeded: integer))
    case .bcd16, .bcd32:
      guard let bytes = BCD.encode(UInt64(integer), byteCount: 4) else { return nil }
      let pair = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
      return type == .bcd16 ? [UInt16(truncatingIfNeeded: pair)] : order.registers(pair)
    case .f32:
      return nil
    }
  }

  /// The four bytes of `value`, most significant first.
  static func bigEndianBytes(_ value: UInt32) -> [UInt8] {
    [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> UInt32($0)) }
  }
}

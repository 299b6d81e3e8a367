/// How a meter stores a value in holding or input registers.
public enum RegisterType: String, Sendable, Hashable, CaseIterable {
  /// Unsigned 16-bit integer, one register.
  case u16
  /// Signed (two's complement) 16-bit integer, one register.
  case i16
  /// Unsigned 32-bit integer, two registers.
  case u32
  /// Signed (two's complement) 32-bit integer, two registers.
  case i32
  /// IEEE 754 single-precision float, two registers.
  case f32
  /// Four BCD digits (0...9999), one register.
  case bcd16
  /// Eight BCD digits (0...99999999), two registers.
  case bcd32

  /// The number of 16-bit registers the type occupies.
  public var registerCount: Int {
    switch self {
    case .u16, .i16, .bcd16: 1
    case .u32, .i32, .f32, .bcd32: 2
    }
  }

  /// The integers the type can hold; nil for `f32`.
  public var integerRange: ClosedRange<Int64>? {
    switch self {
    case .u16: 0...Int64(UInt16.max)
    case .i16: Int64(Int16.min)...Int64(Int16.max)
    case .u32: 0...Int64(UInt32.max)
    case .i32: Int64(Int32.min)...Int64(Int32.max)
    case .bcd16: 0...9_999
    case .bcd32: 0...99_999_999
    case .f32: nil
    }
  }
}

/// A decoded register value: an integer for integer and BCD types, a float for `f32`.
public enum RegisterValue: Sendable, Hashable {
  /// A value from an integer or BCD register type.
  case integer(Int64)
  /// A value from an `f32` register pair.
  case float(Float)

  /// The integer, or the float when it is a whole number within `Int64`; else nil.
  public var integerValue: Int64? {
    switch self {
    case .integer(let value): value
    case .float(let value): Int64(exactly: value)
    }
  }

  /// The float payload of a `.float`; nil for `.integer`.
  public var floatValue: Float? {
    if case .float(let value) = self { return value }
    return nil
  }

  /// The value as a `Double`, for scaling and display (never for money).
  public var doubleValue: Double {
    switch self {
    case .integer(let value): Double(value)
    case .float(let value): Double(value)
    }
  }
}

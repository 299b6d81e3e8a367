import ModbusCore

/// Scaled conversions between canonical integers and register words, shared by fields and settings.
enum RegisterCoding {
  /// The canonical value of the registers; nil if too few or not decodable (e.g. a bad BCD nibble).
  static func decode(
    _ registers: ArraySlice<UInt16>, type: RegisterType, order: WordOrder, scale: Scale
  ) -> Int64? {
    switch RegisterValues.decode(registers, as: type, order: order) {
    case .integer(let raw): scale.apply(raw)
    case .float(let raw): scale.apply(Double(raw))
    case nil: nil
    }
  }

  /// The registers for `canonical`; nil when the raw value does not fit the type.
  static func encode(_ canonical: Int64, type: RegisterType, order: WordOrder, scale: Scale) -> [UInt16]? {
    if type == .f32 {
      return RegisterValues.encode(.float(Float(scale.inverseFloat(canonical))), as: type, order: order)
    }
    return RegisterValues.encode(.integer(scale.inverse(canonical)), as: type, order: order)
  }

  /// The registers for `canonical`, the raw value clamped into the type's range.
  static func encodeClamped(
    _ canonical: Int64, type: RegisterType, order: WordOrder, scale: Scale
  ) -> [UInt16] {
    if let words = encode(canonical, type: type, order: order, scale: scale) { return words }
    let raw = scale.inverse(canonical)
    let range = type.integerRange ?? 0...0
    let clamped = min(max(raw, range.lowerBound), range.upperBound)
    return RegisterValues.encode(.integer(clamped), as: type, order: order)
      ?? Array(repeating: 0, count: type.registerCount)
  }
}

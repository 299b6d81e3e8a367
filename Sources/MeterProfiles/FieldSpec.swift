import ModbusCore

/// The values a profile can map onto meter registers.
///
/// Canonical units: voltage 0.1 V, current 0.01 A, power W, power factor 0.001, energy
/// 0.01 kWh, remaining fen (0.01 yuan), counts and ratios 1, status the raw 16-bit word.
public enum FieldName: String, Sendable, CaseIterable {
  /// The meter's model code (DDSY1352 = 7).
  case modelCode = "model_code"
  /// Voltage (phase A) in 0.1 V.
  case voltage
  /// Current (phase A) in 0.01 A.
  case current
  /// Total active power in W.
  case power
  /// Total power factor in 0.001.
  case powerFactor = "power_factor"
  /// Total active energy in 0.01 kWh.
  case energyTotal = "energy_total"
  /// Sharp (尖) energy in 0.01 kWh.
  case energySharp = "energy_sharp"
  /// Peak (峰) energy in 0.01 kWh.
  case energyPeak = "energy_peak"
  /// Flat (平) energy in 0.01 kWh.
  case energyFlat = "energy_flat"
  /// Valley (谷) energy in 0.01 kWh.
  case energyValley = "energy_valley"
  /// Remaining amount in fen; negative when overdrawn.
  case remaining
  /// Number of recharges the meter has accepted.
  case purchaseCount = "purchase_count"
  /// The 16-bit status word, decoded through the profile's `StatusBits`.
  case status
  /// Current transformer ratio.
  case ctRatio = "ct_ratio"
}

/// Where and how one field is stored in the meter's registers.
public struct FieldSpec: Sendable, Hashable {
  /// The field.
  public var name: FieldName
  /// The first register address.
  public var register: UInt16
  /// The register type.
  public var type: RegisterType
  /// The word order of two-register types.
  public var order: WordOrder
  /// raw × scale = canonical unit.
  public var scale: Scale
  /// A `u32` read as `i32`, for meters that store an overdrawn remaining amount as two's complement.
  public var signedWhenOverdrawn: Bool

  /// Creates a field; high word first, scale 1, unsigned by default.
  public init(
    name: FieldName, register: UInt16, type: RegisterType, order: WordOrder = .highFirst,
    scale: Scale = .one, signedWhenOverdrawn: Bool = false
  ) {
    self.name = name
    self.register = register
    self.type = type
    self.order = order
    self.scale = scale
    self.signedWhenOverdrawn = signedWhenOverdrawn
  }

  /// The addresses the field occupies.
  public var addresses: Range<Int> { Int(register)..<Int(register) + type.registerCount }

  /// The canonical value held by `registers` (the field's registers first); nil if too short or not decodable.
  public func decode(_ registers: ArraySlice<UInt16>) -> Int64? {
    RegisterCoding.decode(registers, type: storedType, order: order, scale: scale)
  }

  /// The registers holding `canonical`, clamped to what the type can hold.
  public func encode(_ canonical: Int64) -> [UInt16] {
    RegisterCoding.encodeClamped(canonical, type: storedType, order: order, scale: scale)
  }

  /// The type the field is decoded as (`i32` for a `u32` that is signed when overdrawn).
  var storedType: RegisterType { signedWhenOverdrawn && type == .u32 ? .i32 : type }
}

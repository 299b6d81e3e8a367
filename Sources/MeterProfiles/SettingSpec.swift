import ModbusCore

/// The meter settings MeterDesk downloads.
public enum SettingName: String, Sendable, CaseIterable {
  /// Alarm 1 amount, fen.
  case alarm1
  /// Alarm 2 amount, fen.
  case alarm2
  /// Power limit, W.
  case powerLimit = "power_limit"
  /// Sharp (尖) price, 0.0001 yuan/kWh.
  case priceSharp = "price_sharp"
  /// Peak (峰) price, 0.0001 yuan/kWh.
  case pricePeak = "price_peak"
  /// Flat (平) price, 0.0001 yuan/kWh.
  case priceFlat = "price_flat"
  /// Valley (谷) price, 0.0001 yuan/kWh.
  case priceValley = "price_valley"
}

/// A writable setting: canonical units alarm amounts fen, power limit W, prices 0.0001 yuan/kWh (Domain.Price).
///
/// As for fields, raw register value × scale = canonical value; a write sends canonical ÷ scale.
public struct SettingSpec: Sendable, Hashable {
  /// The first register address.
  public var register: UInt16
  /// The register type.
  public var type: RegisterType
  /// The word order of two-register types.
  public var order: WordOrder
  /// raw × scale = canonical unit.
  public var scale: Scale
  /// `.writeMultipleRegisters` (FC16, the default) or `.writeSingleRegister` (FC06, one-register types only).
  public var function: FunctionCode

  /// Creates a setting; high word first, scale 1, written with FC16 by default.
  public init(
    register: UInt16, type: RegisterType, order: WordOrder = .highFirst, scale: Scale = .one,
    function: FunctionCode = .writeMultipleRegisters
  ) {
    self.register = register
    self.type = type
    self.order = order
    self.scale = scale
    self.function = function
  }

  /// The addresses the setting occupies.
  public var addresses: Range<Int> { Int(register)..<Int(register) + type.registerCount }

  /// The registers for a canonical value; nil when the raw value does not fit the type.
  public func encode(_ canonical: Int64) -> [UInt16]? {
    RegisterCoding.encode(canonical, type: type, order: order, scale: scale)
  }

  /// The canonical value held by `registers` (the setting's registers first).
  public func decode(_ registers: ArraySlice<UInt16>) -> Int64? {
    RegisterCoding.decode(registers, type: type, order: order, scale: scale)
  }

  /// The write request for a canonical value; nil when it does not fit the type.
  public func request(_ canonical: Int64) -> ModbusRequest? {
    guard let words = encode(canonical) else { return nil }
    if function == .writeSingleRegister, words.count == 1, let word = words.first {
      return .writeSingleRegister(address: register, value: word)
    }
    return .writeMultipleRegisters(address: register, values: words)
  }
}

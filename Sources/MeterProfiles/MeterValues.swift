/// Values read from a meter in canonical units; nil = not provided by the profile / not read.
public struct MeterValues: Sendable, Hashable {
  /// The model code.
  public var modelCode: Int64?
  /// Voltage in 0.1 V.
  public var voltageDeciV: Int64?
  /// Current in 0.01 A.
  public var currentCentiA: Int64?
  /// Active power in W.
  public var powerW: Int64?
  /// Power factor in 0.001.
  public var powerFactorMilli: Int64?
  /// Total active energy in 0.01 kWh.
  public var energyTotal: Int64?
  /// Sharp energy in 0.01 kWh.
  public var energySharp: Int64?
  /// Peak energy in 0.01 kWh.
  public var energyPeak: Int64?
  /// Flat energy in 0.01 kWh.
  public var energyFlat: Int64?
  /// Valley energy in 0.01 kWh.
  public var energyValley: Int64?
  /// Remaining amount in fen; negative when overdrawn.
  public var remainingFen: Int64?
  /// Recharges the meter has accepted.
  public var purchaseCount: Int64?
  /// Current transformer ratio.
  public var ctRatio: Int64?
  /// The status word as the meter reported it.
  public var rawStatus: UInt16?
  /// The relay is closed; nil when the profile has no relay bits or the status was not read.
  public var relayClosed: Bool?
  /// The meter reports a fault.
  public var fault: Bool
  /// The load is above the power limit.
  public var overPowerLimit: Bool
  /// The meter is in arrears.
  public var arrears: Bool
  /// The remaining amount is below alarm 1.
  public var alarm1: Bool
  /// The remaining amount is below alarm 2.
  public var alarm2: Bool

  /// Creates empty values: nothing read, no flags.
  public init() {
    fault = false
    overPowerLimit = false
    arrears = false
    alarm1 = false
    alarm2 = false
  }

  /// The status word in MeterDesk's normalised layout (= DDSY1352's), built from the flags.
  ///
  /// Low byte bit4 over power limit, bit5 arrears, bit6 alarm 1, bit7 alarm 2;
  /// high byte bit0 fault, bit5 relay closed (`StatusBits.normalized`).
  public var normalizedStatus: UInt16 { StatusBits.normalized.word(from: self) }

  /// The canonical value of a field; `.status` is `rawStatus`.
  public subscript(_ name: FieldName) -> Int64? {
    get {
      switch name {
      case .modelCode: modelCode
      case .voltage: voltageDeciV
      case .current: currentCentiA
      case .power: powerW
      case .powerFactor: powerFactorMilli
      case .energyTotal: energyTotal
      case .energySharp: energySharp
      case .energyPeak: energyPeak
      case .energyFlat: energyFlat
      case .energyValley: energyValley
      case .remaining: remainingFen
      case .purchaseCount: purchaseCount
      case .status: rawStatus.map(Int64.init)
      case .ctRatio: ctRatio
      }
    }
    set {
      switch name {
      case .modelCode: modelCode = newValue
      case .voltage: voltageDeciV = newValue
      case .current: currentCentiA = newValue
      case .power: powerW = newValue
      case .powerFactor: powerFactorMilli = newValue
      case .energyTotal: energyTotal = newValue
      case .energySharp: energySharp = newValue
      case .energyPeak: energyPeak = newValue
      case .energyFlat: energyFlat = newValue
      case .energyValley: energyValley = newValue
      case .remaining: remainingFen = newValue
      case .purchaseCount: purchaseCount = newValue
      case .status: rawStatus = newValue.map { UInt16(truncatingIfNeeded: $0) }
      case .ctRatio: ctRatio = newValue
      }
    }
  }
}

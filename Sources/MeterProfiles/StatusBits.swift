/// Bit positions (0 = LSB of the 16-bit status word) of the profile's status word; nil when the meter has no such bit.
public struct StatusBits: Sendable, Hashable {
  /// Meter fault.
  public var fault: Int?
  /// Relay closed, one bit per line (L1..L3); any bit set means closed.
  public var relayClosed: [Int]
  /// Load above the power limit.
  public var overPowerLimit: Int?
  /// Arrears (remaining amount used up).
  public var arrears: Int?
  /// Remaining amount below alarm 1.
  public var alarm1: Int?
  /// Remaining amount below alarm 2.
  public var alarm2: Int?

  /// Creates a layout; by default the meter reports nothing.
  public init(
    fault: Int? = nil, relayClosed: [Int] = [], overPowerLimit: Int? = nil, arrears: Int? = nil,
    alarm1: Int? = nil, alarm2: Int? = nil
  ) {
    self.fault = fault
    self.relayClosed = relayClosed
    self.overPowerLimit = overPowerLimit
    self.arrears = arrears
    self.alarm1 = alarm1
    self.alarm2 = alarm2
  }

  /// MeterDesk's normalised layout (= DDSY1352's): low byte bit4 over power limit, bit5 arrears,
  /// bit6 alarm 1, bit7 alarm 2; high byte bit0 fault, bit5 relay closed.
  public static let normalized = StatusBits(
    fault: 8, relayClosed: [13], overPowerLimit: 4, arrears: 5, alarm1: 6, alarm2: 7)

  /// Every bit position the layout uses.
  public var usedBits: [Int] {
    [fault, overPowerLimit, arrears, alarm1, alarm2].compactMap { $0 } + relayClosed
  }

  /// Sets `rawStatus` and the flags of `values` from a status word.
  ///
  /// `relayClosed` stays nil when the layout has no relay bits.
  public func apply(_ word: UInt16, to values: inout MeterValues) {
    values.rawStatus = word
    values.fault = Self.isSet(fault, in: word)
    values.overPowerLimit = Self.isSet(overPowerLimit, in: word)
    values.arrears = Self.isSet(arrears, in: word)
    values.alarm1 = Self.isSet(alarm1, in: word)
    values.alarm2 = Self.isSet(alarm2, in: word)
    values.relayClosed = relayClosed.isEmpty ? nil : relayClosed.contains { Self.isSet($0, in: word) }
  }

  /// The status word for the flags of `values`, starting from `base` with this layout's bits cleared.
  ///
  /// A closed relay sets every relay bit; bits the layout does not name keep their value in `base`.
  public func word(from values: MeterValues, base: UInt16 = 0) -> UInt16 {
    var word = base
    for bit in usedBits { word &= ~Self.mask(bit) }
    if values.fault { word |= Self.mask(fault) }
    if values.overPowerLimit { word |= Self.mask(overPowerLimit) }
    if values.arrears { word |= Self.mask(arrears) }
    if values.alarm1 { word |= Self.mask(alarm1) }
    if values.alarm2 { word |= Self.mask(alarm2) }
    if values.relayClosed == true {
      for bit in relayClosed { word |= Self.mask(bit) }
    }
    return word
  }

  private static func mask(_ bit: Int?) -> UInt16 {
    guard let bit, (0..<16).contains(bit) else { return 0 }
    return 1 << UInt16(bit)
  }

  private static func isSet(_ bit: Int?, in word: UInt16) -> Bool {
    let mask = mask(bit)
    return mask != 0 && word & mask != 0
  }
}

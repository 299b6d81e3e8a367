/// What is known about a meter at one moment, the input to `MeterClassifier`.
public struct MeterObservation: Sendable, Hashable {
  /// The meter belongs to an open account.
  public var opened: Bool
  /// Acquisition reaches the meter; false once it has been marked offline.
  public var online: Bool
  /// The last remaining amount read from the meter; nil if it was never read.
  public var remaining: Money?
  /// The first (higher) alarm amount.
  public var alarm1Amount: Money
  /// The second (lower) alarm amount.
  public var alarm2Amount: Money
  /// The meter's status word reports alarm 1.
  public var meterAlarm1Bit: Bool
  /// The meter's status word reports alarm 2.
  public var meterAlarm2Bit: Bool
  /// The meter's status word reports arrears.
  public var meterArrearsBit: Bool

  /// Creates an observation; by default not opened, offline, never read, zero alarm amounts, no bits.
  public init(
    opened: Bool = false, online: Bool = false, remaining: Money? = nil,
    alarm1Amount: Money = .zero, alarm2Amount: Money = .zero,
    meterAlarm1Bit: Bool = false, meterAlarm2Bit: Bool = false, meterArrearsBit: Bool = false
  ) {
    self.opened = opened
    self.online = online
    self.remaining = remaining
    self.alarm1Amount = alarm1Amount
    self.alarm2Amount = alarm2Amount
    self.meterAlarm1Bit = meterAlarm1Bit
    self.meterAlarm2Bit = meterAlarm2Bit
    self.meterArrearsBit = meterArrearsBit
  }
}

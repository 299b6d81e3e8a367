/// Decides the grid status of a meter from an observation.
public enum MeterClassifier {
  /// The status of a meter, by this precedence: not opened, offline, arrears, alarm 2, alarm 1, normal.
  ///
  /// - arrears: remaining ≤ 0, or the meter's arrears bit;
  /// - alarm 2: remaining ≤ alarm 2 amount, or the alarm-2 bit;
  /// - alarm 1: remaining ≤ alarm 1 amount, or the alarm-1 bit.
  ///
  /// A meter that is opened and online but was never read (remaining nil) is judged by its status bits
  /// alone, so without bits it is normal: being online means it answers, and there is no amount to alarm
  /// on yet. A never-read meter that is not online is offline by the precedence above.
  public static func classify(_ o: MeterObservation) -> MeterStatus {
    guard o.opened else { return .unopened }
    guard o.online else { return .offline }
    let remaining = o.remaining
    if o.meterArrearsBit || remaining.map({ $0 <= .zero }) == true { return .arrears }
    if o.meterAlarm2Bit || remaining.map({ $0 <= o.alarm2Amount }) == true { return .alarm2 }
    if o.meterAlarm1Bit || remaining.map({ $0 <= o.alarm1Amount }) == true { return .alarm1 }
    return .normal
  }
}

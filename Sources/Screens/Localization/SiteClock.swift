import Foundation

/// Formats instants in the site's local time from a fixed UTC offset (no time-zone database, no clock).
public struct SiteClock: Sendable, Hashable {
  /// Seconds east of UTC, e.g. 28 800 for China Standard Time.
  public var utcOffsetSeconds: Int

  /// A clock at `utcOffsetSeconds` east of UTC.
  public init(utcOffsetSeconds: Int) {
    self.utcOffsetSeconds = utcOffsetSeconds
  }

  /// Local calendar fields of `date`.
  func fields(_ date: Date) -> (
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, milli: Int
  ) {
    let totalMilli = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) + utcOffsetSeconds * 1000
    let milli = ((totalMilli % 1000) + 1000) % 1000
    let seconds = (totalMilli - milli) / 1000
    let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
    let days = (seconds - secondOfDay) / 86_400
    let (year, month, day) = SiteClock.civil(fromDays: days)
    return (year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60, milli)
  }

  /// "HH:MM".
  public func hm(_ date: Date) -> String {
    let f = fields(date)
    return "\(pad2(f.hour)):\(pad2(f.minute))"
  }

  /// "HH:MM:SS".
  public func hms(_ date: Date) -> String {
    let f = fields(date)
    return "\(pad2(f.hour)):\(pad2(f.minute)):\(pad2(f.second))"
  }

  /// "HH:MM:SS.mmm".
  public func hmsMilli(_ date: Date) -> String {
    let f = fields(date)
    let milli = f.milli < 10 ? "00\(f.milli)" : f.milli < 100 ? "0\(f.milli)" : "\(f.milli)"
    return "\(pad2(f.hour)):\(pad2(f.minute)):\(pad2(f.second)).\(milli)"
  }

  /// "MM-DD HH:MM".
  public func shortDateTime(_ date: Date) -> String {
    let f = fields(date)
    return "\(pad2(f.month))-\(pad2(f.day)) \(pad2(f.hour)):\(pad2(f.minute))"
  }

  /// "YYYY-MM-DD HH:MM:SS".
  public func dateTime(_ date: Date) -> String {
    let f = fields(date)
    return "\(f.year)-\(pad2(f.month))-\(pad2(f.day)) \(hms(date))"
  }

  private func pad2(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }

  /// Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
  static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

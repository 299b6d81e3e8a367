import Foundation

/// A calendar day of the site's local time, as a report's range names it ("2026-11-30").
public struct ReportDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year.
  public var year: Int
  /// The month, 1...12.
  public var month: Int
  /// The day of the month, 1...31.
  public var day: Int

  /// Creates a day; nil when no such date exists (2026-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
      calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses "YYYY-MM-DD" strictly; nil for anything else or a date that does not exist.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The local day of `instant` in `zone`.
  public init(_ instant: Date, in zone: TimeZone) {
    let parts = ReportCalendar.calendar(zone).dateComponents([.year, .month, .day], from: instant)
    self.year = parts.year ?? 1970
    self.month = parts.month ?? 1
    self.day = parts.day ?? 1
  }

  /// "YYYY-MM-DD".
  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// The instant this day begins (local midnight, or the first instant of the day where midnight is
  /// skipped) in `zone`.
  public func start(in zone: TimeZone) -> Date {
    let calendar = ReportCalendar.calendar(zone)
    let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))
    return noon.map { calendar.startOfDay(for: $0) } ?? Date(timeIntervalSince1970: 0)
  }

  /// The instant the next day begins in `zone`: the exclusive end of this day.
  public func end(in zone: TimeZone) -> Date {
    let calendar = ReportCalendar.calendar(zone)
    let start = start(in: zone)
    return calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
  }

  /// Orders days by date.
  public static func < (lhs: ReportDay, rhs: ReportDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}

/// The Gregorian calendar in a site's time zone.
enum ReportCalendar {
  static func calendar(_ zone: TimeZone) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return calendar
  }
}

import Foundation

/// The local days a range key stands for, from today's date ("YYYY-MM-DD").
enum ReportRanges {
  /// First and last day of `choice` counted from `today`; today itself when `today` is not a date.
  static func days(_ choice: ReportRangeChoice, today: String) -> (from: String, to: String) {
    guard let date = parse(today) else { return (today, today) }
    switch choice {
    case .today:
      return (today, today)
    case .yesterday:
      let day = text(shift(date, days: -1))
      return (day, day)
    case .thisWeek:
      let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday
      let sinceMonday = (weekday + 5) % 7
      return (text(shift(date, days: -sinceMonday)), today)
    case .thisMonth:
      return (String(today.prefix(8)) + "01", today)
    case .lastMonth:
      let firstThis = parse(String(today.prefix(8)) + "01") ?? date
      let lastPrevious = shift(firstThis, days: -1)
      let previous = text(lastPrevious)
      return (String(previous.prefix(8)) + "01", previous)
    case .custom(let from, let to):
      return (from, to)
    }
  }

  /// Parses "YYYY-MM-DD" strictly (the date must exist); nil otherwise.
  static func parse(_ text: String) -> Date? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard text.count == 10, parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
      calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
    else { return nil }
    return date
  }

  /// Today in the site's time zone, `utcOffsetSeconds` east of UTC.
  static func today(_ now: Date, utcOffsetSeconds: Int) -> String {
    text(now.addingTimeInterval(TimeInterval(utcOffsetSeconds)))
  }

  private static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
    return calendar
  }()

  private static func shift(_ date: Date, days: Int) -> Date {
    calendar.date(byAdding: .day, value: days, to: date) ?? date
  }

  private static func text(_ date: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
  }
}

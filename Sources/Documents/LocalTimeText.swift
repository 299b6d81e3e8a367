import Foundation

/// Local date and time text for receipts, independent of the process's locale.
enum LocalTimeText {
  /// "yyyy-MM-dd HH:mm:ss" in `zone`.
  static func dateTime(_ date: Date, in zone: TimeZone) -> String {
    Self.date(date, in: zone) + " " + time(date, in: zone)
  }

  /// "yyyy-MM-dd" in `zone`.
  static func date(_ date: Date, in zone: TimeZone) -> String {
    let parts = components(date, zone)
    return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
  }

  /// "HH:mm:ss" in `zone`.
  static func time(_ date: Date, in zone: TimeZone) -> String {
    let parts = components(date, zone)
    return "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))"
  }

  /// The Gregorian calendar fields of `date` in `zone`.
  private static func components(_ date: Date, _ zone: TimeZone) -> DateComponents {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
  }

  /// `value` zero-padded to `digits`.
  private static func pad(_ value: Int?, _ digits: Int) -> String {
    let text = String(value ?? 0)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}

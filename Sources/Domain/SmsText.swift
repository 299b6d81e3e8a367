import Foundation

/// The warning levels an alarm SMS goes out at (三级预警), plus the bus / gateway warning to the site.
public enum SmsLevel: String, Sendable, CaseIterable, Codable, Hashable {
  /// Remaining amount at or below alarm 1 (报警1), to the tenant.
  case alarm1
  /// Remaining amount at or below alarm 2 (报警2), to the tenant.
  case alarm2
  /// Out of money (欠费), to the tenant.
  case arrears
  /// A bus or its gateway down, to the site's `sms_numbers`.
  case busDown = "bus_down"

  /// The level's Chinese name, for the `{level}` placeholder.
  public var chineseName: String {
    switch self {
    case .alarm1: "报警1"
    case .alarm2: "报警2"
    case .arrears: "欠费"
    case .busDown: "通讯中断"
    }
  }

  /// The built-in (Chinese) template of the level.
  public var defaultTemplate: String {
    switch self {
    case .alarm1:
      "【{site}】{tenant}您好：{shop}电表{meter}剩余电费{remaining}元，已低于报警金额1，请及时购电。"
    case .alarm2:
      "【{site}】{tenant}您好：{shop}电表{meter}剩余电费{remaining}元，已低于报警金额2，即将断电，请尽快购电。"
    case .arrears:
      "【{site}】{tenant}您好：{shop}电表{meter}已欠费（剩余{remaining}元），已停止供电，请立即购电。"
    case .busDown:
      "【{site}】{level}：总线{bus}通讯中断，请检查通讯管理机和线路。"
    }
  }
}

/// An SMS template with `{name}` placeholders: site, tenant, shop, meter, remaining, level, bus.
public struct SmsTemplate: Sendable, Hashable {
  /// The placeholders a template may use.
  public static let placeholders: Set<String> = [
    "site", "tenant", "shop", "meter", "remaining", "level", "bus",
  ]

  /// The template text.
  public var text: String

  /// Wraps `text`.
  public init(_ text: String) { self.text = text }

  /// Names in braces that are not placeholders (a typo such as `{tenat}`), in order of appearance.
  public var unknownPlaceholders: [String] {
    names.filter { !Self.placeholders.contains($0) }
  }

  /// Every `{name}` in the text, in order.
  var names: [String] {
    var result: [String] = []
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      result.append(String(after[..<close]))
      rest = after[after.index(after: close)...]
    }
    return result
  }

  /// The text with each known placeholder replaced by its value (missing values become empty);
  /// unknown names in braces are left as they are.
  public func render(_ values: [String: String]) -> String {
    var output = ""
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      output += rest[..<open]
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else {
        rest = rest[open...]
        break
      }
      let name = String(after[..<close])
      if Self.placeholders.contains(name) {
        output += values[name] ?? ""
      } else {
        output += "{" + name + "}"
      }
      rest = after[after.index(after: close)...]
    }
    return output + rest
  }
}

/// Why quiet hours could not be read.
public struct QuietHoursError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A short English reason.
  public var description: String
}

/// Hours of the site's local day in which no SMS goes out (messages wait until they end), such as
/// `22:00-07:00`; the span may cross midnight.
public struct QuietHours: Sendable, Hashable, CustomStringConvertible {
  /// Start, minutes after local midnight (0..<1440).
  public var startMinute: Int
  /// End, minutes after local midnight (0..<1440); never equal to the start.
  public var endMinute: Int

  /// Reads `HH:MM-HH:MM`.
  public init(parsing text: String) throws(QuietHoursError) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let start = Self.minute(parts[0]), let end = Self.minute(parts[1]) else {
      throw QuietHoursError(description: "\"\(text)\" is not HH:MM-HH:MM (for example 22:00-07:00)")
    }
    guard start != end else {
      throw QuietHoursError(description: "\"\(text)\" starts and ends at the same time")
    }
    startMinute = start
    endMinute = end
  }

  /// `HH:MM-HH:MM`.
  public var description: String {
    String(format: "%02d:%02d-%02d:%02d", startMinute / 60, startMinute % 60, endMinute / 60, endMinute % 60)
  }

  /// Whether `minuteOfDay` (0..<1440) falls in the quiet span (start included, end excluded).
  public func contains(minuteOfDay: Int) -> Bool {
    if startMinute < endMinute { return minuteOfDay >= startMinute && minuteOfDay < endMinute }
    return minuteOfDay >= startMinute || minuteOfDay < endMinute
  }

  /// Whether `date` falls in the quiet span in `timeZone`.
  public func contains(_ date: Date, in timeZone: TimeZone) -> Bool {
    contains(minuteOfDay: Self.minuteOfDay(date, timeZone))
  }

  /// When the quiet span holding `date` ends (`date` itself when it is not quiet).
  public func end(after date: Date, in timeZone: TimeZone) -> Date {
    let minute = Self.minuteOfDay(date, timeZone)
    guard contains(minuteOfDay: minute) else { return date }
    let wait = ((endMinute - minute) % 1440 + 1440) % 1440
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let startOfMinute = calendar.dateInterval(of: .minute, for: date)?.start ?? date
    return startOfMinute.addingTimeInterval(TimeInterval(wait * 60))
  }

  static func minuteOfDay(_ date: Date, _ timeZone: TimeZone) -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
  }

  static func minute(_ text: Substring) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let pieces = trimmed.split(separator: ":", omittingEmptySubsequences: false)
    guard pieces.count == 2, pieces[0].count == 2, pieces[1].count == 2,
      let hour = Int(pieces[0]), let minute = Int(pieces[1]), (0..<24).contains(hour),
      (0..<60).contains(minute)
    else { return nil }
    return hour * 60 + minute
  }
}

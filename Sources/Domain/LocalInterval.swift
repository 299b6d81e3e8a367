/// A stretch of the site's local time: a start minute of day and a length in minutes.
///
/// The interval may cross midnight and may be longer than a day. A start outside 0..<1440 is taken
/// modulo one day; a negative duration counts as zero (an instant at the start minute).
public struct LocalInterval: Sendable, Hashable, Codable {
  /// Minutes after local midnight at which the interval starts (0..<1440).
  public var startMinuteOfDay: Int
  /// Length of the interval in minutes.
  public var durationMinutes: Int

  /// Creates an interval from a start minute of day and a duration in minutes.
  public init(startMinuteOfDay: Int, durationMinutes: Int) {
    self.startMinuteOfDay = startMinuteOfDay
    self.durationMinutes = durationMinutes
  }

  /// Creates the interval from "HH:MM" to "HH:MM"; an end at or before the start means the next day
  /// ("21:30"–"01:00" lasts 210 minutes), except that equal times give an empty interval.
  public init(from start: String, to end: String) throws(TariffError) {
    let startMinute = try TimeOfUseSchedule.minuteOfDay(start)
    let endMinute = try TimeOfUseSchedule.minuteOfDay(end)
    let minutesPerDay = TimeOfUseSchedule.minutesPerDay
    self.init(
      startMinuteOfDay: startMinute,
      durationMinutes: ((endMinute - startMinute) % minutesPerDay + minutesPerDay) % minutesPerDay)
  }

  /// The start normalized into 0..<1440.
  var normalizedStart: Int {
    let day = TimeOfUseSchedule.minutesPerDay
    return (startMinuteOfDay % day + day) % day
  }
}

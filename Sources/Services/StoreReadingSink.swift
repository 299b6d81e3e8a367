import Acquisition
import Foundation
import MeterProfiles
import NIOConcurrencyHelpers
import Store

/// Writes acquisition batches to the store on its own serial queue, off the event loop.
public final class StoreReadingSink: ReadingSink, Sendable {
  private let database: AppDatabase
  private let queue = DispatchQueue(label: "meterdesk.store-writer")
  private let calendar: Calendar
  private let onError: @Sendable (String) -> Void
  private let pending = NIOLockedValueBox<[SweepBatch]>([])

  /// Creates the sink; days for the energy rollup are taken in the site's time zone.
  public init(
    database: AppDatabase, timeZone: TimeZone, onError: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.database = database
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
    self.onError = onError
  }

  /// Queues a batch for writing; returns at once.
  ///
  /// Batches that arrive while a write is pending are coalesced into one transaction, so
  /// 300 buses finishing a sweep together cost a handful of transactions, not 300.
  public func store(_ batch: SweepBatch) {
    let startWriter = pending.withLockedValue { queued -> Bool in
      queued.append(batch)
      return queued.count == 1
    }
    guard startWriter else { return }
    queue.async { [self] in
      let batches = pending.withLockedValue { queued -> [SweepBatch] in
        defer { queued.removeAll(keepingCapacity: true) }
        return queued
      }
      let write = Self.write(for: batches, calendar: calendar)
      do {
        try database.recordAcquisition(write)
      } catch {
        onError("writing \(write.readings.count) readings failed: \(error)")
      }
    }
  }

  /// Waits until every queued batch is written.
  public func flush() { queue.sync {} }

  static func write(for batches: [SweepBatch], calendar: Calendar) -> AcquisitionWrite {
    let samples = batches.flatMap(\.samples)
    let readings = samples.map { sample in ReadingRecord(sample: sample) }
    var days = LocalDays(calendar: calendar)
    let dayTexts = samples.map { days.day(of: $0.at) }
    let links = batches.flatMap(\.linkStates).filter { $0.lastError != nil || !$0.online }.map {
      MeterLinkUpdate(
        meter: $0.meter, online: $0.online, consecutiveFailures: $0.consecutiveFailures,
        lastError: $0.lastError)
    }
    let alarms = batches.flatMap(\.transitions).map {
      AlarmEventRecord(
        meter: $0.meter, kind: $0.condition.rawValue, entered: $0.entered, at: $0.at,
        detail: $0.detail)
    }
    return AcquisitionWrite(readings: readings, days: dayTexts, links: links, alarms: alarms)
  }
}

/// Local calendar days of timestamps, computing the day's bounds once and reusing them for
/// the many readings of a sweep that fall on the same day.
struct LocalDays {
  let calendar: Calendar
  private var current: (start: Date, end: Date, text: String)?

  init(calendar: Calendar) { self.calendar = calendar }

  /// `YYYY-MM-DD` of `date` in the calendar's time zone.
  mutating func day(of date: Date) -> String {
    if let current, date >= current.start, date < current.end { return current.text }
    let start = calendar.startOfDay(for: date)
    let end = calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    let text = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    current = (start, end, text)
    return text
  }
}

extension ReadingRecord {
  init(sample: MeterSample) {
    self.init(meter: sample.meter, readAt: sample.at)
    let values = sample.values
    voltageDeciV = values.voltageDeciV
    currentCentiA = values.currentCentiA
    powerW = values.powerW
    powerFactorMilli = values.powerFactorMilli
    energyTotal = values.energyTotal
    energySharp = values.energySharp
    energyPeak = values.energyPeak
    energyFlat = values.energyFlat
    energyValley = values.energyValley
    remainingFen = values.remainingFen
    purchaseCount = values.purchaseCount
    statusWord = Int64(values.normalizedStatus)
    relayClosed = values.relayClosed
  }
}

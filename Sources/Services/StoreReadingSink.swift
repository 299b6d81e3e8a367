import Acquisition
import Foundation
import MeterProfiles
import Store

/// Writes acquisition batches to the store on its own serial queue, off the event loop.
public final class StoreReadingSink: ReadingSink, Sendable {
  private let database: AppDatabase
  private let queue = DispatchQueue(label: "meterdesk.store-writer")
  private let calendar: Calendar
  private let onError: @Sendable (String) -> Void

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
  public func store(_ batch: SweepBatch) {
    let write = Self.write(for: batch, calendar: calendar)
    queue.async { [database, onError] in
      do {
        try database.recordAcquisition(write)
      } catch {
        onError("writing \(batch.samples.count) readings of bus \(batch.bus) failed: \(error)")
      }
    }
  }

  /// Waits until every queued batch is written.
  public func flush() { queue.sync {} }

  static func write(for batch: SweepBatch, calendar: Calendar) -> AcquisitionWrite {
    let readings = batch.samples.map { sample in ReadingRecord(sample: sample) }
    let days = batch.samples.map { sample in
      let parts = calendar.dateComponents([.year, .month, .day], from: sample.at)
      return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
    let links = batch.linkStates.filter { $0.lastError != nil || !$0.online }.map {
      MeterLinkUpdate(
        meter: $0.meter, online: $0.online, consecutiveFailures: $0.consecutiveFailures,
        lastError: $0.lastError)
    }
    let alarms = batch.transitions.map {
      AlarmEventRecord(
        meter: $0.meter, kind: $0.condition.rawValue, entered: $0.entered, at: $0.at,
        detail: $0.detail)
    }
    return AcquisitionWrite(readings: readings, days: days, links: links, alarms: alarms)
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

import Acquisition
import Domain
import Foundation
import MeterProfiles

extension MeterSummary {
  /// The summary after a fresh reading: values, read time, status re-classified.
  public func applying(_ values: MeterValues, at: Date) -> MeterSummary {
    var next = self
    next.readAt = at
    next.online = true
    if let fen = values.remainingFen { next.remaining = Money(fen: fen) }
    if let power = values.powerW { next.powerW = power }
    if let energy = values.energyTotal { next.energy = Energy(centiKWh: energy) }
    if let count = values.purchaseCount { next.purchaseCount = count }
    next.statusWord = values.normalizedStatus
    if values.relayClosed == false { next.flags.insert(.tripped) } else { next.flags.remove(.tripped) }
    if values.overPowerLimit { next.flags.insert(.overload) } else { next.flags.remove(.overload) }
    next.status = next.classified()
    return next
  }

  /// The summary after acquisition found the meter offline or online again.
  public func applyingConnectivity(online: Bool) -> MeterSummary {
    var next = self
    next.online = online
    next.status = next.classified()
    return next
  }

  /// Status by ``MeterClassifier`` from what the summary knows.
  func classified() -> MeterStatus {
    let word = statusWord.map(MeterStatusWord.init(rawValue:))
    return MeterClassifier.classify(
      MeterObservation(
        opened: account != nil, online: online, remaining: remaining, alarm1Amount: alarm1,
        alarm2Amount: alarm2, meterAlarm1Bit: word?.alarm1 ?? false,
        meterAlarm2Bit: word?.alarm2 ?? false, meterArrearsBit: word?.arrears ?? false))
  }
}

/// The meter list kept current from acquisition events, for the console's grid.
public final class LiveMeterTable {
  private var byNumber: [String: MeterSummary] = [:]
  private var changed: Set<String> = []

  /// Starts from a full load.
  public init(_ meters: [MeterSummary]) {
    for meter in meters { byNumber[meter.meter] = meter }
  }

  /// Replaces the whole table (a reload from the database).
  public func reload(_ meters: [MeterSummary]) {
    for meter in meters where byNumber[meter.meter] != meter {
      byNumber[meter.meter] = meter
      changed.insert(meter.meter)
    }
  }

  /// Folds one acquisition event in; returns true when a meter changed.
  @discardableResult
  public func apply(_ event: AcquisitionEvent) -> Bool {
    switch event {
    case .reading(let meter, let values, let at):
      guard let summary = byNumber[meter] else { return false }
      byNumber[meter] = summary.applying(values, at: at)
      changed.insert(meter)
      return true
    case .connectivity(let meter, let online, _, _):
      guard let summary = byNumber[meter] else { return false }
      byNumber[meter] = summary.applyingConnectivity(online: online)
      changed.insert(meter)
      return true
    case .busState, .sweepFinished:
      return false
    }
  }

  /// Meters changed since the last call, and forgets them.
  public func takeChanged() -> [MeterSummary] {
    defer { changed.removeAll(keepingCapacity: true) }
    return changed.compactMap { byNumber[$0] }
  }

  /// One meter.
  public subscript(_ meter: String) -> MeterSummary? { byNumber[meter] }

  /// Every meter.
  public var all: [MeterSummary] { Array(byNumber.values) }
}

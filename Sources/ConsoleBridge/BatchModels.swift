import Domain
import Foundation
import Screens
import Services
import Store

extension ScreenModels {
  /// The screen's operation for a service operation, and back.
  public static func operation(_ operation: RemoteOperation) -> BatchOperation {
    BatchOperation(rawValue: operation.rawValue) ?? .price
  }

  /// The service operation for the screen's.
  public static func operation(_ operation: BatchOperation) -> RemoteOperation {
    RemoteOperation(rawValue: operation.rawValue) ?? .price
  }

  /// The service selection for the screen's target.
  public static func selection(_ target: BatchTarget) -> BatchSelection {
    switch target {
    case .tagged(let meters), .filtered(let meters): return .meters(meters)
    case .bus(let bus): return .bus(bus)
    case .building(let building): return .building(building)
    case .all: return .all
    }
  }

  /// A preview for the batch screen.
  public static func preview(_ preview: BatchPreview) -> BatchPreviewModel {
    BatchPreviewModel(
      operation: operation(preview.operation), meters: preview.queued,
      skipped: preview.items.compactMap { item in
        item.skipReason.map { BatchSkip(meter: item.meter, reason: $0) }
      },
      writes: preview.writes, needsApproval: preview.needsApproval)
  }

  /// One job's results.
  public static func results(_ items: [BatchItemRecord]) -> [BatchResultRow] {
    items.map { item in
      BatchResultRow(
        meter: item.meter, bus: item.bus, status: BatchItemStatus(rawValue: item.state.rawValue) ?? .queued,
        reason: item.reason)
    }
  }

  /// One job's progress: counts, per bus, and the time left at the pace so far.
  public static func progress(_ job: BatchJobRecord, _ items: [BatchItemRecord], now: Date)
    -> BatchProgressModel
  {
    let done = items.filter { $0.state == .done }.count
    let failed = items.filter { $0.state == .failed }.count
    let skipped = items.filter { $0.state == .skipped }.count
    let left = items.count - done - failed - skipped
    var buses: [String: BatchBusProgress] = [:]
    var order: [String] = []
    for item in items {
      if buses[item.bus] == nil {
        order.append(item.bus)
        buses[item.bus] = BatchBusProgress(bus: item.bus, done: 0, failed: 0, left: 0)
      }
      switch item.state {
      case .done: buses[item.bus]?.done += 1
      case .failed: buses[item.bus]?.failed += 1
      case .queued: buses[item.bus]?.left += 1
      case .skipped: break
      }
    }
    let worked = done + failed
    let elapsed = now.timeIntervalSince(job.createdAt)
    let secondsLeft = worked > 0 && left > 0 ? Int(elapsed / Double(worked) * Double(left)) : nil
    let current = items.first { $0.state == .queued }?.meter
    return BatchProgressModel(
      job: job.id ?? 0, operation: operation(job.operation), total: items.count, done: done, failed: failed,
      skipped: skipped, perBus: order.compactMap { buses[$0] },
      current: job.state == .running ? current : nil,
      secondsLeft: secondsLeft, finished: job.state == .finished)
  }

  /// A row of the past jobs list.
  public static func jobRow(_ job: BatchJobRecord, _ items: [BatchItemRecord]) -> BatchJobRow {
    BatchJobRow(
      job: job.id ?? 0, operation: operation(job.operation), createdBy: job.createdBy,
      approvedBy: job.approvedBy,
      createdAt: job.createdAt, total: items.count, done: items.filter { $0.state == .done }.count,
      failed: items.filter { $0.state == .failed }.count, finished: job.state == .finished)
  }

  /// A scan result row.
  public static func scan(_ row: ScanRowResult) -> ScanRow {
    let state: ScanState
    switch row.finding {
    case .configuredAnswering: state = .configuredAnswering
    case .configuredSilent: state = .configuredSilent
    case .answeringNotConfigured: state = .answeringNotConfigured
    case .wrongMeter: state = .wrongMeter
    }
    return ScanRow(address: row.address, state: state, meter: row.meter, configuredMeter: row.configuredMeter)
  }
}

import Domain
import Foundation
import SiteConfig
import Store

/// Batch remote operations (批量操作): previews, jobs recorded before anything is sent (carried out
/// by the lease holder's ``BatchRunner``), their results, and retrying the failed; all audited.
public struct BatchService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// The permission an operation needs.
  public static func permission(for operation: RemoteOperation) -> Permission {
    switch operation {
    case .price, .settings: return .downloadSettings
    case .keepPower, .restore, .trip, .close: return .remoteControl
    case .export: return .readMeters
    }
  }

  /// What `operation` on `selection` would do: meters, skips with reasons, values written.
  public func preview(_ operation: RemoteOperation, _ selection: BatchSelection) throws -> BatchPreview {
    let listing = try database.meterListing()
    let settings = try database.siteSettings()
    let selected = try select(selection, listing: listing, settings: settings)
    let items = selected.map { row in
      BatchItemPlan(meter: row.meter.number, bus: row.meter.bus, skipReason: Self.skipReason(operation, row))
    }
    let queued = items.filter { $0.skipReason == nil }.count
    let needsApproval = operation == .keepPower || (operation == .trip && queued > 1)
    var writes: [String] = []
    if let first = selected.first(where: { Self.skipReason(operation, $0) == nil }), let settings {
      writes = try BatchValues.describe(
        operation,
        values: BatchValues.values(operation, meter: first.meter, settings: settings, database: database))
    }
    return BatchPreview(
      operation: operation, target: selection.description, items: items, writes: writes,
      needsApproval: needsApproval)
  }

  /// Records the job (nothing is sent yet: the lease holder carries it out); returns it.
  public func start(
    _ operation: RemoteOperation, _ selection: BatchSelection, session: Session, approvedBy: Session?,
    at now: Date
  ) throws -> BatchJobRecord {
    let permission = Self.permission(for: operation)
    guard session.allows(permission) else {
      throw BatchError.notAllowed(operator: session.name, permission: permission)
    }
    let preview = try preview(operation, selection)
    guard !preview.items.isEmpty else { throw BatchError.noMeters }
    var approver: String?
    if preview.needsApproval && !Self.isSupervisor(session) {
      guard let approvedBy else { throw BatchError.needsApproval(operation) }
      guard Self.isSupervisor(approvedBy) else { throw BatchError.approverNotSupervisor(approvedBy.name) }
      approver = approvedBy.name
    }
    let job = BatchJobRecord(
      operation: operation, target: preview.target, createdBy: session.name, approvedBy: approver,
      createdAt: now, writes: preview.writes.joined(separator: "\n"))
    var detail = "\(operation.rawValue) (\(operation.chineseName)) on \(preview.target): "
    detail += "\(preview.queued) queued, \(preview.items.count - preview.queued) skipped"
    if let approver { detail += ", approved by \(approver)" }
    let audit = AuditRecord(
      at: now, operator: session.name, action: "batch.\(operation.rawValue)", target: "", detail: detail)
    return try database.createBatchJob(job, items: preview.items, audit: audit)
  }

  /// Reading export (抄表导出): writes the selected meters' current state to `path` (.xlsx or .csv)
  /// and records the job, finished, in the audit log.
  public func export(_ selection: BatchSelection, to path: String, session: Session, at now: Date) throws
    -> BatchJobRecord
  {
    guard session.allows(.readMeters) else {
      throw BatchError.notAllowed(operator: session.name, permission: .readMeters)
    }
    let preview = try preview(.export, selection)
    guard !preview.items.isEmpty else { throw BatchError.noMeters }
    try ReadingExport.write(
      try ReadingExport.table(meters: preview.items.map(\.meter), database: database), to: path)
    let job = BatchJobRecord(
      operation: .export, target: preview.target, createdBy: session.name, approvedBy: nil, createdAt: now,
      writes: path)
    let audit = AuditRecord(
      at: now, operator: session.name, action: "batch.export", target: "",
      detail: "\(preview.items.count) meters of \(preview.target) exported to \(path)")
    return try database.createBatchJob(
      job, items: preview.items.map { BatchItemPlan(meter: $0.meter, bus: $0.bus, skipReason: nil) },
      audit: audit,
      doneAlready: true)
  }

  /// Queues a job's failed meters again; returns how many.
  public func retryFailed(job: Int64, session: Session, at now: Date) throws -> Int {
    guard let record = try database.batchJob(id: job) else { throw BatchError.unknownJob(job) }
    let permission = Self.permission(for: record.operation)
    guard session.allows(permission) else {
      throw BatchError.notAllowed(operator: session.name, permission: permission)
    }
    let audit = AuditRecord(
      at: now, operator: session.name, action: "batch.retry", target: "job \(job)",
      detail: "failed meters of \(record.operation.rawValue) queued again")
    return try database.requeueFailedBatchItems(job: job, at: now, audit: audit)
  }

  /// A job and its meters.
  public func job(_ id: Int64) throws -> (job: BatchJobRecord, items: [BatchItemRecord]) {
    guard let job = try database.batchJob(id: id) else { throw BatchError.unknownJob(id) }
    return (job, try database.batchItems(job: id))
  }

  /// Past and running jobs, newest first.
  public func jobs(limit: Int = 50) throws -> [BatchJobRecord] {
    try database.batchJobs(limit: limit)
  }

  static func isSupervisor(_ session: Session) -> Bool {
    session.role == .supervisor || session.role == .admin
  }

  static func skipReason(_ operation: RemoteOperation, _ row: MeterListingRow) -> String? {
    if row.meter.disabled { return "disabled" }
    let opened = row.account.map { $0.closedAt == nil } ?? false
    if operation.movesRelay && !opened { return "not opened (未开户)" }
    if operation == .trip && row.meter.keepPower { return "keep power (保电) is on" }
    return nil
  }

  private func select(_ selection: BatchSelection, listing: [MeterListingRow], settings: SiteSettingsRecord?)
    throws -> [MeterListingRow]
  {
    switch selection {
    case .meters(let numbers):
      let byNumber = Dictionary(
        listing.map { ($0.meter.number, $0) }, uniquingKeysWith: { first, _ in first })
      let unknown = numbers.filter { byNumber[$0] == nil }
      guard unknown.isEmpty else { throw BatchError.unknownMeters(unknown) }
      return numbers.compactMap { byNumber[$0] }
    case .bus(let bus): return listing.filter { $0.meter.bus == bus }
    case .building(let building): return listing.filter { $0.meter.building == building }
    case .status(let states):
      guard let settings else { return [] }
      return listing.filter { states.contains(MeterQueryService.summary($0, settings: settings).status) }
    case .all: return listing
    }
  }
}

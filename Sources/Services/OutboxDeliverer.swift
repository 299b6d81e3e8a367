import Acquisition
import Foundation
import MeterCrypto
import MeterProfiles
import ModbusCore
import NIOCore
import Store

/// Delivers queued sales, refunds and reversals to their meters exactly once: every decision
/// is taken from the meter's own purchase count, so re-running after a crash never credits twice.
public struct OutboxDeliverer: Sendable {
  let database: AppDatabase
  let clock: @Sendable () -> Date

  /// Creates the deliverer over a database.
  public init(database: AppDatabase, clock: @escaping @Sendable () -> Date = { Date() }) {
    self.database = database
    self.clock = clock
  }

  /// Tries every pending entry once, per meter in bill order (meters side by side, so buses work
  /// concurrently); returns the entries as they stand after.
  ///
  /// A meter that does not answer keeps its entries queued (attempts + 1, last error) and its
  /// later entries are left for the next run. `progress` sees each entry when it is sent and
  /// again with its outcome.
  public func deliverPending(
    engine: AcquisitionEngine, masterKey: SiteMasterKey,
    progress: @escaping @Sendable (SaleRecord) -> Void = { _ in }
  ) async throws -> [SaleRecord] {
    let pending = try database.pendingDeliveries()
    var meters: [String] = []
    var byMeter: [String: [SaleRow]] = [:]
    for row in pending {
      if byMeter[row.entry.meter] == nil { meters.append(row.entry.meter) }
      byMeter[row.entry.meter, default: []].append(row)
    }
    return try await withThrowingTaskGroup(of: [SaleRecord].self) { group in
      for meter in meters {
        let rows = byMeter[meter] ?? []
        group.addTask {
          var results: [SaleRecord] = []
          for row in rows {
            let after = try await deliver(row, engine: engine, masterKey: masterKey, progress: progress)
            results.append(after)
            progress(after)
            if after.status == .queued { break }
          }
          return results
        }
      }
      var all: [SaleRecord] = []
      for try await results in group { all += results }
      return all.sorted { $0.bill < $1.bill }
    }
  }

  /// Delivers one entry (see `deliverPending`); returns it as it stands after.
  func deliver(
    _ row: SaleRow, engine: AcquisitionEngine, masterKey: SiteMasterKey,
    progress: @Sendable (SaleRecord) -> Void = { _ in }
  ) async throws -> SaleRecord {
    guard var outbox = row.outbox, let bill = row.entry.bill else { return SaleRecord(row: row) }
    let now = clock()
    outbox.state = .sent
    outbox.attempts += 1
    outbox.updatedAt = now
    try database.updateOutbox(outbox)
    progress(SaleRecord(row: SaleRow(entry: row.entry, outbox: outbox)))
    do {
      let token = try Self.token(for: row.entry, bill: bill, masterKey: masterKey, at: now)
      let expected = row.entry.purchaseCount ?? 0
      let outcome = try await engine.submit(meter: row.entry.meter, priority: .interactive) { channel in
        Self.program(channel, expected: expected, token: token)
      }.get()
      apply(outcome, to: &outbox, at: clock())
      try database.updateOutbox(outbox, audit: audit(outcome, row: row, bill: bill))
    } catch {
      outbox.state = .queued
      outbox.lastError = String(describing: error)
      outbox.updatedAt = clock()
      try database.updateOutbox(outbox)
    }
    return SaleRecord(row: SaleRow(entry: row.entry, outbox: outbox))
  }

  func apply(_ outcome: OutboxOutcome, to outbox: inout OutboxRecord, at now: Date) {
    outbox.updatedAt = now
    switch outcome {
    case .delivered(let balance, let alreadyThere):
      outbox.state = .delivered
      outbox.resultCode = 0
      outbox.balanceAfterFen = balance
      outbox.deliveredAt = now
      outbox.lastError = alreadyThere ? "already on the meter; not sent again" : nil
    case .refused(let code):
      outbox.state = .failed
      outbox.resultCode = code
      let text = RechargeResult(rawValue: UInt16(truncatingIfNeeded: code))?.englishText ?? "unknown result"
      outbox.lastError = "meter refused the token: \(code) (\(text))"
    case .conflict(let count):
      outbox.state = .conflict
      outbox.lastError = "meter purchase count is \(count); a supervisor must reconcile"
    }
  }

  func audit(_ outcome: OutboxOutcome, row: SaleRow, bill: Int64) -> AuditRecord? {
    let detail: String
    switch outcome {
    case .delivered(_, let alreadyThere):
      detail = alreadyThere ? "already on meter \(row.entry.meter)" : "delivered to meter \(row.entry.meter)"
    case .refused(let code): detail = "meter \(row.entry.meter) refused the token with result \(code)"
    case .conflict(let count): detail = "meter \(row.entry.meter) purchase count \(count) conflicts"
    }
    return AuditRecord(
      at: clock(), operator: "system", action: "sales.delivery", target: "bill \(bill)", detail: detail)
  }

  static func token(
    for entry: LedgerEntryRecord, bill: Int64, masterKey: SiteMasterKey, at now: Date
  ) throws -> [UInt16] {
    guard let amount = Int32(exactly: entry.amountFen) else {
      throw CryptoError.badInput("amount \(entry.amountFen) fen does not fit a token")
    }
    let plaintext = RechargePlaintext(
      meterNumber: entry.meter, purchaseCount: UInt16(truncatingIfNeeded: entry.purchaseCount ?? 0),
      amountFen: amount, issuedAt: UInt32(clamping: Int64(now.timeIntervalSince1970)),
      billLow32: UInt32(truncatingIfNeeded: bill))
    return try RechargeToken.sealRegisters(plaintext, master: masterKey)
  }
}

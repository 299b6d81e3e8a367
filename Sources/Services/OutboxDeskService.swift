import Domain
import Foundation
import Store

/// How a supervisor settles a failed or conflicting entry at the undelivered-sales desk.
public enum OutboxDeskResolution: String, Sendable, Hashable, CaseIterable {
  /// A fresh read shows the meter has it: mark it delivered.
  case landed
  /// It never reached the meter: cancel it with a reversal entry; the tenant gets the money back.
  case void
  /// Send it again (the deliverer decides anew from the meter's purchase count).
  case retry
}

/// Why a resolution was refused.
public enum OutboxDeskError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No such bill, or it has no delivery.
  case unknownBill(Int64)
  /// The entry is not failed or in conflict (delivered, or still on its way).
  case notResolvable(bill: Int64, state: DeliveryState)
  /// A conflict is settled only after a read of the meter made since the conflict was seen.
  case needsFreshRead(meter: String)
  /// The fresh read does not show the entry on the meter, so it cannot be marked landed.
  case notOnMeter(meterCount: Int64, expected: Int64)
  /// The fresh read shows the entry on the meter, so it cannot be voided.
  case alreadyOnMeter(meterCount: Int64, expected: Int64)
  /// Only entries that put money onto the meter can be voided; others are landed or retried.
  case cannotVoid(LedgerKind)
  /// The operator may not resolve and no supervisor approved.
  case notAllowed(operator: String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .unknownBill(let bill): return "no outbox entry for bill \(bill)"
    case .notResolvable(let bill, let state):
      return "bill \(bill) is \(state.rawValue), not failed or in conflict"
    case .needsFreshRead(let meter):
      return "read meter \(meter) first: a conflict is settled from a fresh read"
    case .notOnMeter(let count, let expected):
      return "the meter's purchase count is \(count), below \(expected): it does not show this entry"
    case .alreadyOnMeter(let count, let expected):
      return "the meter's purchase count is \(count), at or past \(expected): it already shows this entry"
    case .cannotVoid(let kind):
      return "a \(kind.englishName.lowercased()) cannot be voided; mark it landed or retry"
    case .notAllowed(let name):
      return "operator \"\(name)\" may not resolve deliveries; a supervisor must approve"
    }
  }
}

/// One entry at the undelivered-sales desk (待下发 / 异常售电).
public struct OutboxDeskEntry: Sendable, Hashable {
  /// The entry with its delivery state.
  public var record: SaleRecord
  /// The meter's purchase count as last read.
  public var meterCount: Int64?
}

/// The undelivered-sales desk: every sale, refund or reversal not yet delivered, why and since
/// when, and a supervisor's resolution of conflicts and failures, audited.
public struct OutboxDeskService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// Every entry not delivered yet (queued, sent, failed, conflict), in bill order.
  public func entries() throws -> [OutboxDeskEntry] {
    let states = try database.meterStates()
    return try database.undeliveredRows().map { row in
      let state = states[row.entry.meter]
      return OutboxDeskEntry(
        record: SaleRecord(row: row), meterCount: state?.purchaseCount)
    }
  }

  /// Settles a failed or conflicting entry as `session`, or as `approvedBy` when the session's
  /// role may not; landed and void of a conflict need a read of the meter made after the conflict.
  public func resolve(
    bill: Int64, _ resolution: OutboxDeskResolution, session: Session, approvedBy: Session?, at now: Date
  ) throws -> SaleRecord {
    let supervisor: Session
    if session.allows(.reverse) {
      supervisor = session
    } else if let approvedBy, approvedBy.allows(.reverse) {
      supervisor = approvedBy
    } else {
      throw OutboxDeskError.notAllowed(operator: approvedBy?.name ?? session.name)
    }
    guard let row = try database.saleRow(bill: bill), let outbox = row.outbox else {
      throw OutboxDeskError.unknownBill(bill)
    }
    guard outbox.state.needsSupervisor else {
      throw OutboxDeskError.notResolvable(bill: bill, state: outbox.state)
    }
    let entry = row.entry
    let expected = entry.purchaseCount ?? 0
    let meterState = try database.meterStates()[entry.meter]
    let fresh = meterState.flatMap { state in state.readAt.map { $0 > outbox.updatedAt } } ?? false
    let count = meterState?.purchaseCount
    var target: DeliveryState = .queued
    var reversal: LedgerEntryRecord?
    switch resolution {
    case .retry:
      target = .queued
    case .landed:
      guard fresh, let count else { throw OutboxDeskError.needsFreshRead(meter: entry.meter) }
      guard count >= expected else { throw OutboxDeskError.notOnMeter(meterCount: count, expected: expected) }
      target = .delivered
    case .void:
      guard entry.kind.creditsMeter else { throw OutboxDeskError.cannotVoid(entry.kind) }
      if outbox.state == .conflict {
        guard fresh, let count else { throw OutboxDeskError.needsFreshRead(meter: entry.meter) }
        guard count < expected else {
          throw OutboxDeskError.alreadyOnMeter(meterCount: count, expected: expected)
        }
      }
      target = .void
      reversal = LedgerEntryRecord(
        kind: .reversal, meter: entry.meter, account: entry.account, amountFen: -entry.amountFen,
        payMethod: entry.payMethod, operator: session.name,
        approvedBy: supervisor.name == session.name ? nil : supervisor.name, reversesBill: bill,
        purchaseCount: nil, createdAt: now,
        remark: "void: bill \(bill) never reached the meter; money returned to the tenant")
    }
    var detail = "\(resolution.rawValue) bill \(bill) (\(entry.kind.rawValue) \(Money(fen: entry.amountFen)))"
    detail += " on meter \(entry.meter), was \(outbox.state.rawValue)"
    if let count { detail += ", meter purchase count \(count), expected \(expected)" }
    if supervisor.name != session.name { detail += ", approved by \(supervisor.name)" }
    let audit = AuditRecord(
      at: now, operator: session.name, action: "outbox.\(resolution.rawValue)", target: "bill \(bill)",
      detail: detail)
    let after = try database.resolveOutbox(
      bill: bill, to: target, by: supervisor.name, at: now, balanceFen: meterState?.remainingFen,
      reversal: reversal, audit: audit)
    return SaleRecord(row: after)
  }
}

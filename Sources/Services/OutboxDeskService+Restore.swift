import Domain
import Foundation
import Store

extension OutboxDeskService {
  /// Meters flagged after a restore: their purchase count, read since, is ahead of the restored ledger —
  /// sales made after the backup that the database no longer holds. Supervisors see them at this desk.
  public func restoreFlags() throws -> [RestoreCheckRecord] {
    try database.restoreChecks().filter { $0.state == .flagged }
  }

  /// Settles a restore flag once a supervisor has accounted for the missing sales (re-entered them from the
  /// receipts, or found why), with a note; audited. `session` must be a supervisor, or `approvedBy`.
  public func settleRestoreFlag(
    meter: String, note: String, session: Session, approvedBy: Session?, at now: Date
  ) throws {
    let supervisor: Session
    if session.allows(.reverse) {
      supervisor = session
    } else if let approvedBy, approvedBy.allows(.reverse) {
      supervisor = approvedBy
    } else {
      throw OutboxDeskError.notAllowed(operator: approvedBy?.name ?? session.name)
    }
    try database.settleRestoreCheck(meter: meter, by: supervisor.name, note: note, at: now)
  }
}

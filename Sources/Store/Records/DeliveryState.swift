/// Where an outbox entry's delivery to its meter stands.
public enum DeliveryState: String, Sendable, Codable, CaseIterable, Hashable {
  /// Waiting for the lease holder.
  case queued
  /// Handed to the meter; the answer is not recorded yet.
  case sent
  /// The meter accepted it (or had already accepted it, or a supervisor saw it land).
  case delivered
  /// The meter refused the token; see the result code.
  case failed
  /// The meter's purchase count fits neither before nor after; a supervisor must look.
  case conflict
  /// A supervisor found it never reached the meter and cancelled it with a reversal entry.
  case void

  /// Still owed to the meter: the lease holder works on it.
  public var isPending: Bool { self == .queued || self == .sent }
  /// Needs a supervisor at the undelivered-sales desk.
  public var needsSupervisor: Bool { self == .failed || self == .conflict }
}

import Foundation

/// What one delivery attempt found on the meter.
enum OutboxOutcome: Sendable {
  /// The meter took the token now, or had taken it before (`alreadyThere`: nothing was sent);
  /// with its balance afterwards, fen.
  case delivered(balanceFen: Int64?, alreadyThere: Bool)
  /// The meter refused the token with this result code.
  case refused(code: Int)
  /// The meter's purchase count fits neither before nor after this entry.
  case conflict(meterCount: Int64)
}

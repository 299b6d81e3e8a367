import TerminalUI

/// What can happen to the undelivered-sales screen (待下发 / 异常售电).
public enum OutboxAction: Sendable, Hashable {
  /// A key while the screen is shown.
  case keyPressed(Key)
  /// The undelivered entries arrived (on entering, after a resolution, or when the outbox changed).
  case outboxLoaded([OutboxEntryRow])
  /// A fresh read of a conflicting entry's meter finished: the read, or the error text.
  case meterRead(bill: Int64, read: OutboxFreshRead?, error: String?)
  /// The services resolved an entry (`error` nil) or refused to, with the reason.
  case resolved(bill: Int64, error: String?)
  /// A mouse event inside the screen's area.
  case mouse(x: Int, y: Int, button: MouseButton)
  /// Meters flagged after a restore arrived.
  case restoreFlagsLoaded([RestoreFlagRow])
  /// The screen's area changed.
  case resized(Size)
}

/// The step the undelivered-sales screen is at.
public enum OutboxPhase: Sendable, Hashable {
  /// The table.
  case list
  /// "Resolve this bill?" with the highlighted button (0 confirm, 1 cancel).
  case confirming(OutboxResolution, selected: Int)
  /// The supervisor approval dialog for the resolution.
  case approving(OutboxResolution)
  /// Waiting for the services to resolve.
  case submitting(OutboxResolution)
}

/// Why the screen refuses a key, or what the services said.
public enum OutboxProblem: Sendable, Hashable {
  /// `r` on a row that is not a conflict.
  case readOnlyConflicts
  /// `l` on a row that is not a conflict.
  case landedOnlyConflicts
  /// `x` on a row that is neither failed nor a conflict.
  case voidOnlyStuck
  /// `t` on a row that has not failed.
  case retryOnlyFailed
  /// `l` or `x` on a conflict before the meter was read again.
  case needsFreshRead
  /// The bill left the list while its dialog was open.
  case gone(bill: Int64)
  /// The approval dialog was left without approving.
  case approvalCancelled
  /// Name or password missing in the approval dialog.
  case credentialsMissing
  /// The fresh read failed.
  case readFailed(meter: String, reason: String)
  /// The services refused the resolution, with their reason.
  case refused(bill: Int64, reason: String)
}

/// A success or progress line the screen shows.
public enum OutboxNotice: Sendable, Hashable {
  /// A fresh read of the meter is on its way.
  case reading(meter: String)
  /// The meter was read.
  case read(meter: String)
  /// A resolution went through.
  case resolved(bill: Int64, OutboxResolution)
}

import TerminalUI

/// What can happen to the batch operations screen (批量操作).
public enum BatchAction: Sendable, Hashable {
  /// A key while the screen is shown.
  case keyPressed(Key)
  /// The preview of the chosen operation arrived.
  case previewed(BatchPreviewModel)
  /// The services refused to preview, start or retry, with the reason.
  case refused(String)
  /// A job started (after a start or a retry).
  case started(Int64)
  /// A job moved on.
  case progress(BatchProgressModel)
  /// A job's per-meter results arrived.
  case results(job: Int64, [BatchResultRow])
  /// The jobs list arrived.
  case jobsLoaded([BatchJobRow])
  /// A job's results were exported to `path`, or not (`error`).
  case exported(path: String?, error: String?)
  /// A mouse event inside the screen's area.
  case mouse(x: Int, y: Int, button: MouseButton)
  /// The screen's area changed.
  case resized(Size)
}

/// The step the batch screen is at.
public enum BatchPhase: Sendable, Hashable {
  /// Choosing the target and the operation.
  case setup
  /// Waiting for the preview of the chosen operation.
  case previewing
  /// The preview: meters, skipped meters, what will be written.
  case preview(BatchPreviewModel)
  /// "Run it?" over the preview, with the highlighted button (0 confirm, 1 cancel).
  case confirming(BatchPreviewModel, selected: Int)
  /// The supervisor approval dialog over the preview.
  case approving(BatchPreviewModel)
  /// Waiting for the services to start the job.
  case starting(BatchPreviewModel)
  /// One job's live progress and per-meter results.
  case job(Int64)
  /// The list of past and running jobs.
  case jobs
}

/// The kinds of target the setup view offers, in the order shown.
public enum BatchTargetKind: Int, Sendable, Hashable, CaseIterable {
  /// The meters tagged on the grid.
  case tagged
  /// The grid's filter or search result.
  case filtered
  /// One bus.
  case bus
  /// One building.
  case building
  /// Every meter.
  case all
}

/// Which list of the setup view has the keys.
public enum BatchFocus: Sendable, Hashable {
  /// The target list.
  case target
  /// The operation list.
  case operation
}

/// Why the batch screen refuses a key, or what the services said.
public enum BatchProblem: Sendable, Hashable {
  /// Enter with no target chosen.
  case noTarget
  /// The chosen target holds no meter.
  case emptyTarget
  /// The operator's role may not run the operation.
  case notAllowed
  /// The preview leaves no meter to work on.
  case nothingToDo
  /// The approval dialog was left without approving.
  case approvalCancelled
  /// Name or password missing in the approval dialog.
  case credentialsMissing
  /// `f` while the job still runs.
  case retryWhileRunning
  /// `f` on a job with no failed meter.
  case nothingFailed
  /// The services refused, with their reason.
  case refused(String)
  /// The export failed, with the reason.
  case exportFailed(String)
}

/// A success or progress line the batch screen shows.
public enum BatchNotice: Sendable, Hashable {
  /// The failed meters of `job` are being queued again.
  case retrying(job: Int64)
  /// The results are being exported.
  case exporting
  /// The results were written to this file.
  case exported(path: String)
}

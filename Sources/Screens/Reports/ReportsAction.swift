import Domain
import Foundation
import TerminalUI

/// What can happen to the report centre (报表中心).
public enum ReportsAction: Sendable, Hashable {
  /// A key while the screen is shown.
  case keyPressed(Key)
  /// The report arrived for `query`.
  case loaded(ReportQueryModel, ReportTableModel)
  /// The report could not be run, with the reason.
  case failed(ReportQueryModel, String)
  /// An export moved on: rows written of the total.
  case exportProgress(done: Int, total: Int)
  /// An export finished at `path`, or failed with `error`.
  case exported(path: String?, error: String?)
  /// A print job was accepted by `queue`, or failed with `error`.
  case printed(queue: String, error: String?)
  /// The open shift arrived for the hand-over dialog.
  case shiftLoaded(ShiftPreviewModel)
  /// The hand-over was recorded (expected, counted) or refused with `error`.
  case shiftClosed(expected: Money?, counted: Money?, error: String?)
  /// The screen's area changed.
  case resized(Size)
}

/// The step the report centre is at.
public enum ReportsPhase: Sendable, Hashable {
  /// The table (and chart).
  case table
  /// The custom range dialog; `onTo` when the second field has the keys.
  case customRange(onTo: Bool)
  /// The filter line.
  case filter
  /// The shift hand-over dialog; `onRemark` when the remark field has the keys.
  case shift(onRemark: Bool)
  /// Waiting for the hand-over to be recorded.
  case closingShift
}

/// A line under the table: progress, an outcome, or a refusal.
public enum ReportsNotice: Sendable, Hashable {
  /// Rows written of the total, to `format`.
  case exporting(ReportExportFormat, done: Int, total: Int)
  /// Written to this path.
  case exported(String)
  /// Sent to this queue.
  case printing(String)
  /// Accepted by this queue.
  case printed(String)
  /// A refusal or failure to show.
  case problem(String)
  /// The hand-over: expected, counted.
  case shiftClosed(expected: Money, counted: Money)
}

import Domain
import Foundation
import TerminalUI

/// Everything that can happen to the console: input, time, and results of effects.
public enum AppAction: Sendable, Hashable {
  /// A key, a mouse event or a resize from the terminal.
  case input(InputEvent)
  /// The clock moved (about once a second).
  case clockTicked(Date)
  /// The services accepted the credentials.
  case loggedIn(OperatorSession)
  /// The services refused the credentials.
  case loginRefused(LoginRefusal)
  /// All meters arrived (after `.loadMeters`).
  case metersLoaded([GridMeter])
  /// Acquisition read these meters (replace by number; selection and scroll stay put).
  case metersUpdated([GridMeter])
  /// A meter's detail arrived (after `.loadDetail` or a read).
  case detailLoaded(MeterDetail)
  /// A read-now finished; `result` is the error text, nil on success.
  case readNowFinished(meter: String, result: String?)
  /// Bus statistics arrived (after `.loadBuses`, or periodically while the bus view is open).
  case busesLoaded([BusRow])
  /// Frames passed on a traced bus.
  case traceReceived(bus: String, [TraceLine])
  /// The number of sales deliveries and commands in flight changed.
  case pendingWorkChanged(Int)
  /// The site's hoarding cap (最大囤积金额) for the sale window.
  case hoardingCapLoaded(Money)
  /// The meter's delivered sales for reversal (after `.loadRecentSales`).
  case recentSalesLoaded(meter: String, [RecentSale])
  /// The services recorded a sale (after `.sell`).
  case saleRecorded(SaleReceipt)
  /// The services refused a sale (after `.sell`), with the reason to show.
  case saleRefused(String)
  /// Delivery of a bill to its meter moved on.
  case saleProgress(bill: Int64, SaleProgress)
  /// A receipt printed or failed to (after `.printReceipt`).
  case receiptPrinted(bill: Int64, ReceiptOutcome)
  /// Accounts matching the search arrived (after `.loadAccounts`).
  case accountsLoaded([AccountRow])
  /// The services opened an account (after `.openAccount`), with the first recharge's bill if any.
  case accountOpened(account: String, firstSale: Int64?)
  /// The services closed an account (after `.closeAccount`), queueing this many settlements.
  case accountClosed(account: String, settlements: Int)
  /// The services refused to open or close an account, with the reason to show.
  case accountRefused(String)
  /// The undelivered outbox entries arrived (after `.loadOutbox`, and whenever the outbox changes while the
  /// undelivered-sales screen is open).
  case outboxLoaded([OutboxEntryRow])
  /// A fresh read of a conflicting entry's meter finished (after `.readOutboxMeter`): the read, or the
  /// error text when the meter could not be read.
  case outboxMeterRead(bill: Int64, read: OutboxFreshRead?, error: String?)
  /// The services resolved an outbox entry (after `.resolveOutbox`; `error` nil) or refused to, with the
  /// reason to show; the screen then asks `.loadOutbox` again.
  case outboxResolved(bill: Int64, error: String?)
  /// What a batch operation would do (after `.previewBatch`).
  case batchPreviewed(BatchPreviewModel)
  /// The services refused to preview, start or retry a batch operation, with the reason to show.
  case batchRefused(String)
  /// A batch job started (after `.startBatch` or `.retryBatchFailed`).
  case batchStarted(Int64)
  /// A batch job moved on (arrives on every screen; the status line shows it until it finishes).
  case batchProgress(BatchProgressModel)
  /// A batch job's per-meter results (after `.loadBatchJob`, and as they change while it is shown).
  case batchResults(job: Int64, [BatchResultRow])
  /// The batch jobs list (after `.loadBatchJobs`).
  case batchJobsLoaded([BatchJobRow])
  /// A job's results were written to `path`, or could not be (`error`) (after `.exportBatchResults`).
  case batchExported(path: String?, error: String?)
  /// A bus scan is trying `address` (after `.scanBus`).
  case scanProgress(bus: String, address: Int)
  /// A bus scan finished: what was found per address, or the error that stopped it.
  case scanFinished(bus: String, [ScanRow], error: String?)
  /// A watched meter was read again (after `.watchMeter`).
  case meterWatched(MeterDetail)
  /// A step of a relay test was done (after `.relayTest`), and whether it went as expected.
  case relayTestStep(meter: String, step: String, ok: Bool)
  /// A relay test finished, with its outcome.
  case relayTestFinished(meter: String, ok: Bool, detail: String)
  /// Raw registers were read (after `.readRegisters`), or the error text.
  case registersRead(meter: String, [RegisterRow], error: String?)
  /// A report, export, print or shift hand-over answered (after the report effects).
  case reports(ReportsAction)
  /// The system screen's data or outcomes (after its effects).
  case system(SystemAction)
  /// The alarm screen's data or outcomes (after its effects).
  case alarms(AlarmsAction)
  /// The active alarms changed (the status line shows the count and the newest).
  case alarmStatusChanged(AlarmStatus)
  /// An account's kiosk query password was set, or refused (after `.setQueryPassword`).
  case accountQueryPasswordSet(account: String, error: String?)
  /// The operator logged out (after `.logOut`): back to the login screen.
  case loggedOut
  /// Meters flagged after a restore (with `.outboxLoaded`): the undelivered-sales screen lists them.
  case restoreFlagsLoaded([RestoreFlagRow])
  /// Something failed that the operator must see.
  case errorReported(String)
}

import Domain

/// Work a screen asks the runtime to do; the runtime feeds the outcome back as an action.
public enum Effect: Sendable, Hashable {
  /// Check the credentials; answer with `.loggedIn` or `.loginRefused`.
  case logIn(name: String, password: String)
  /// Load every meter for the grid; answer with `.metersLoaded`.
  case loadMeters
  /// Load one meter's detail; answer with `.detailLoaded`.
  case loadDetail(meter: String)
  /// Read the meter now at interactive priority; answer with `.readNowFinished` (and `.detailLoaded`).
  case readNow(meter: String)
  /// Load the bus statistics; answer with `.busesLoaded`.
  case loadBuses
  /// Start sending the bus's frame trace; answer with `.traceReceived` as frames pass.
  case watchTrace(bus: String)
  /// Stop the trace started by `watchTrace`.
  case stopTrace
  /// Record a sale as the logged-in operator and deliver it; answer with `.saleRecorded` or
  /// `.saleRefused`, then `.saleProgress` as delivery moves on.
  case sell(meter: String, amount: Money, pay: PayMethod)
  /// Load the meter's delivered sales for reversal; answer with `.recentSalesLoaded`.
  case loadRecentSales(meter: String)
  /// Take `amount` off the meter (退电) as the logged-in operator, approved by the supervisor whose
  /// credentials are given (logged in by the runtime); answers as `.sell` does.
  case refund(meter: String, amount: Money, approval: SaleApproval?)
  /// Reverse the delivered sale `bill` of `meter` (冲正), approved like `.refund`; answers as `.sell` does.
  case reverse(bill: Int64, meter: String, approval: SaleApproval?)
  /// Find accounts matching `search` (shop, tenant, meter, phone; empty = all); answer with
  /// `.accountsLoaded`.
  case loadAccounts(search: String)
  /// Open an account (开户) as the logged-in operator, selling the first recharge if any; answer with
  /// `.accountOpened` (then reload the meters) or `.accountRefused`.
  case openAccount(AccountOpening)
  /// Close an account (销户) as the logged-in operator, or as the supervisor whose credentials are
  /// given; settlements go out through the outbox. Answer with `.accountClosed` or `.accountRefused`.
  case closeAccount(account: String, approval: SaleApproval?)
  /// Print the receipt of a recorded bill (again, after a failure); answer with `.receiptPrinted`.
  case printReceipt(bill: Int64)
  /// Load every outbox entry not yet delivered (queued, sent, failed, conflict); answer with
  /// `.outboxLoaded`, and again whenever the outbox changes while the screen is open.
  case loadOutbox
  /// Read the meter of the conflicting entry `bill` now, for its purchase count and remaining amount;
  /// answer with `.outboxMeterRead`.
  case readOutboxMeter(bill: Int64, meter: String)
  /// Resolve the failed or conflicting entry `bill` as the logged-in operator, or as the supervisor whose
  /// credentials are given (`.landed` marks it delivered, `.void` enters a reversal, `.retry` requeues it);
  /// answer with `.outboxResolved`.
  case resolveOutbox(bill: Int64, OutboxResolution, approval: SaleApproval?)
  /// Work out what `operation` on `target` would do; answer with `.batchPreviewed` or `.batchRefused`.
  case previewBatch(BatchOperation, BatchTarget)
  /// Start `operation` on `target` as the logged-in operator, approved by the supervisor whose credentials
  /// are given when the preview said so; answer with `.batchStarted` or `.batchRefused`, then
  /// `.batchProgress` as the job moves on (on every screen) and `.batchResults` while the job is shown.
  case startBatch(BatchOperation, BatchTarget, approval: SaleApproval?)
  /// Load the past and running batch jobs, newest first; answer with `.batchJobsLoaded`.
  case loadBatchJobs
  /// Load one job's per-meter results and progress; answer with `.batchResults` and `.batchProgress`, and
  /// again with `.batchResults` as its meters move on while it is the job last loaded.
  case loadBatchJob(Int64)
  /// Queue the failed meters of the job again; answer with `.batchStarted` (the job that retries them,
  /// the same or a new one) or `.batchRefused`.
  case retryBatchFailed(Int64)
  /// Write the job's per-meter results to a file; answer with `.batchExported`.
  case exportBatchResults(Int64)
  /// Try every address `from`…`to` on `bus` for a meter (调试); answer with `.scanProgress` per address
  /// and `.scanFinished`.
  case scanBus(bus: String, from: Int, to: Int)
  /// Read `meter` about once a second until `.stopWatch`; answer with `.meterWatched` after each read.
  case watchMeter(String)
  /// Stop the watch started by `.watchMeter`.
  case stopWatch
  /// Trip the meter's relay, verify it opened, close it, verify it closed; approved by the supervisor
  /// whose credentials are given when the operator may not control meters. Answer with `.relayTestStep`
  /// as each step is done and `.relayTestFinished`.
  case relayTest(meter: String, approval: SaleApproval?)
  /// Read `count` registers from `start` with Modbus function `function` (3 holding, 4 input); answer
  /// with `.registersRead`.
  case readRegisters(meter: String, function: Int, start: Int, count: Int)
  /// Run a report; answer with `.reports(.loaded)` or `.reports(.failed)`.
  case runReport(ReportQueryModel)
  /// Write the report to a file in the site's exports folder; answer with `.reports(.exportProgress)` as
  /// rows are written and `.reports(.exported)`.
  case exportReport(ReportQueryModel, ReportExportFormat)
  /// Print the report on the site's CUPS queue; answer with `.reports(.printed)`.
  case printReport(ReportQueryModel)
  /// Add up the logged-in cashier's open shift; answer with `.reports(.shiftLoaded)`.
  case loadShift
  /// Hand over the logged-in cashier's shift with the cash counted, print the slip; answer with
  /// `.reports(.shiftClosed)`.
  case closeShift(counted: Money, remark: String)
  /// Set an account's kiosk query password; answer with `.accountQueryPasswordSet`.
  case setQueryPassword(account: String, password: String)
  /// Log the operator out and show the login screen; answer with `.loggedOut`.
  case logOut
  /// Change the logged-in operator's password; answer with `.system(.passwordChanged)`.
  case changeOwnPassword(old: String, new: String)
  /// Load the operators; answer with `.system(.operatorsLoaded)`.
  case loadOperators
  /// Add an operator (admin); answer with `.system(.operatorChanged)`.
  case addOperator(name: String, role: Role, password: String)
  /// Disable or enable an operator (admin); answer with `.system(.operatorChanged)`.
  case setOperatorDisabled(name: String, disabled: Bool)
  /// Set an operator's password (admin); answer with `.system(.operatorChanged)`.
  case resetOperatorPassword(name: String, password: String)
  /// Change an operator's role (admin); answer with `.system(.operatorChanged)`.
  case setOperatorRole(name: String, role: Role)
  /// Load the operation log (newest first) and verify its chain; answer with `.system(.auditLoaded)`.
  case loadAudit(filter: [String: String])
  /// Export the operation log to Excel; answer with `.system(.auditExported)`.
  case exportAudit(filter: [String: String])
  /// Load the site settings; answer with `.system(.settingsLoaded)`.
  case loadSettings
  /// Validate and save the site settings; answer with `.system(.settingsSaved)`.
  case saveSettings([SettingsFieldID: String])
  /// Load the active alarms; answer with `.alarms(.loaded)`.
  case loadAlarms
  /// Acknowledge alarms as the logged-in operator; answer with `.alarms(.acknowledged)`.
  case acknowledgeAlarms([Int64])
  /// Leave the console (restore the terminal and exit).
  case quit
}

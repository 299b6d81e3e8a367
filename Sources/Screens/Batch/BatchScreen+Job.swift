import Domain
import TerminalUI

extension BatchScreen {
  /// Keys of a job's progress: ↑↓ move through the results, `f` retries the failed meters, `e` exports the
  /// results, `n` starts a new batch, `j` lists the jobs, F5 reloads; Esc (handled by the app) leaves the
  /// screen while the job keeps running.
  static func jobKey(_ key: Key, job: Int64, _ state: inout BatchState) -> [Effect] {
    let count = state.results.count
    let visible = state.visibleResults
    state.problem = nil
    switch key {
    case .up: state.resultsTable.move(by: -1, rowCount: count, visible: visible)
    case .down: state.resultsTable.move(by: 1, rowCount: count, visible: visible)
    case .pageUp: state.resultsTable.move(by: -visible, rowCount: count, visible: visible)
    case .pageDown: state.resultsTable.move(by: visible, rowCount: count, visible: visible)
    case .home: state.resultsTable.select(0, rowCount: count, visible: visible)
    case .end: state.resultsTable.select(count - 1, rowCount: count, visible: visible)
    case .function(5):
      return [.loadBatchJob(job)]
    case .character("f"), .character("F"):
      return retry(job, &state)
    case .character("e"), .character("E"):
      state.notice = .exporting
      return [.exportBatchResults(job)]
    case .character("n"), .character("N"):
      state.notice = nil
      state.phase = .setup
    case .character("j"), .character("J"):
      return openJobs(returnTo: job, &state)
    default:
      break
    }
    return []
  }

  /// `f`: queue the failed meters again once the job has finished and some failed.
  private static func retry(_ job: Int64, _ state: inout BatchState) -> [Effect] {
    let failed = state.progress?.failed ?? state.results.filter { $0.status == .failed }.count
    guard failed > 0 else {
      state.problem = .nothingFailed
      return []
    }
    guard state.progress?.finished ?? true else {
      state.problem = .retryWhileRunning
      return []
    }
    guard state.retrying == nil else { return [] }
    state.retrying = job
    state.notice = .retrying(job: job)
    return [.retryBatchFailed(job)]
  }

  /// Opens the jobs list (Esc returns to `job`'s progress, or to the setup) and loads it.
  static func openJobs(returnTo job: Int64?, _ state: inout BatchState) -> [Effect] {
    state.jobsReturn = job
    state.notice = nil
    state.problem = nil
    state.phase = .jobs
    return [.loadBatchJobs]
  }

  /// Keys of the jobs list: ↑↓ move, Enter opens the job's results, F5 reloads, Esc goes back.
  static func jobsKey(_ key: Key, _ state: inout BatchState) -> [Effect] {
    let count = state.jobs.count
    let visible = state.visibleJobs
    switch key {
    case .up: state.jobsTable.move(by: -1, rowCount: count, visible: visible)
    case .down: state.jobsTable.move(by: 1, rowCount: count, visible: visible)
    case .pageUp: state.jobsTable.move(by: -visible, rowCount: count, visible: visible)
    case .pageDown: state.jobsTable.move(by: visible, rowCount: count, visible: visible)
    case .home: state.jobsTable.select(0, rowCount: count, visible: visible)
    case .end: state.jobsTable.select(count - 1, rowCount: count, visible: visible)
    case .function(5):
      return [.loadBatchJobs]
    case .enter:
      guard state.jobs.indices.contains(state.jobsTable.selected) else { return [] }
      let row = state.jobs[state.jobsTable.selected]
      let seed = BatchProgressModel(
        job: row.job, operation: row.operation, total: row.total, done: row.done, failed: row.failed,
        skipped: 0, perBus: [], current: nil, secondsLeft: nil, finished: row.finished)
      showJob(row.job, progress: state.progress?.job == row.job ? state.progress : seed, &state)
      return [.loadBatchJob(row.job)]
    case .escape:
      if let job = state.jobsReturn {
        state.phase = .job(job)
      } else {
        state.phase = .setup
      }
    default:
      break
    }
    return []
  }
}

extension BatchScreen {
  /// Keys this screen understands, for the help overlay.
  public static let help: [HelpEntry] = [
    HelpEntry(keys: "Tab", text: .batchTab),
    HelpEntry(keys: "↑ ↓", text: .batchChoose),
    HelpEntry(keys: "← →", text: .batchGroup),
    HelpEntry(keys: "1-7", text: .batchOperation),
    HelpEntry(keys: "Enter", text: .batchPreview),
    HelpEntry(keys: "j", text: .batchJobs),
    HelpEntry(keys: "f", text: .batchRetry),
    HelpEntry(keys: "e", text: .batchExport),
    HelpEntry(keys: "n", text: .batchNew),
    HelpEntry(keys: "F5", text: .batchRefresh),
    HelpEntry(keys: "Esc", text: .batchLeave),
    HelpEntry(keys: "F1 / ?", text: .showHelp),
    HelpEntry(keys: "F10", text: .quit),
  ]
}

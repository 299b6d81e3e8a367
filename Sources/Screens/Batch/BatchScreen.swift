import Domain
import TerminalUI

/// The batch operations screen (批量操作): choose a target (tagged, filtered, a bus, a building, all) and
/// an operation, preview it, confirm (with a supervisor's approval when the preview asks), then follow the
/// job live; past jobs and their results stay listed.
public enum BatchScreen {
  /// Whether an operator of `role` may open the screen: remote control or settings download.
  public static func available(to role: Role?) -> Bool {
    guard let role else { return false }
    return role.allows(.remoteControl) || role.allows(.downloadSettings)
  }

  /// Applies `action` to `state`; Enter on the setup returns `.previewBatch`, a confirmed preview
  /// `.startBatch`, `f` `.retryBatchFailed`, `e` `.exportBatchResults`, `j` `.loadBatchJobs`.
  public static func update(_ state: inout BatchState, _ action: BatchAction) -> [Effect] {
    switch action {
    case .keyPressed(let key):
      return handle(key, &state)
    case .previewed(let preview):
      guard state.phase == .previewing, preview.operation == state.operation else { return [] }
      state.phase = .preview(preview)
    case .refused(let reason):
      refused(reason, &state)
    case .started(let job):
      return started(job, &state)
    case .progress(let progress):
      return progressed(progress, &state)
    case .results(let job, let rows):
      guard state.shownJob == job else { return [] }
      state.results = rows
      state.resultsTable.select(
        state.resultsTable.selected, rowCount: rows.count, visible: state.visibleResults)
    case .jobsLoaded(let rows):
      state.jobs = rows
      state.jobsLoaded = true
      state.jobsTable.select(state.jobsTable.selected, rowCount: rows.count, visible: state.visibleJobs)
    case .exported(let path, let error):
      if let path, error == nil {
        state.notice = .exported(path: path)
      } else {
        state.notice = nil
        state.problem = .exportFailed(error ?? "")
      }
    case .mouse(_, _, let button):
      switch button {
      case .wheelUp: scroll(by: -3, &state)
      case .wheelDown: scroll(by: 3, &state)
      default: break
      }
    case .resized(let size):
      state.size = size
      state.resultsTable.select(
        state.resultsTable.selected, rowCount: state.results.count, visible: state.visibleResults)
      state.jobsTable.select(state.jobsTable.selected, rowCount: state.jobs.count, visible: state.visibleJobs)
    }
    return []
  }

  private static func handle(_ key: Key, _ state: inout BatchState) -> [Effect] {
    switch state.phase {
    case .setup: return setup(key, &state)
    case .previewing, .starting:
      if key == .escape, case .previewing = state.phase { state.phase = .setup }
      return []
    case .preview(let preview): return previewKey(key, preview, &state)
    case .confirming(let preview, let selected): return confirming(key, preview, selected: selected, &state)
    case .approving(let preview): return approving(key, preview, &state)
    case .job(let job): return jobKey(key, job: job, &state)
    case .jobs: return jobsKey(key, &state)
    }
  }

  /// Setup keys: Tab switches lists, ↑↓ choose, ←→ change the bus or building, 1–7 pick an operation,
  /// Enter previews, `j` lists the jobs.
  private static func setup(_ key: Key, _ state: inout BatchState) -> [Effect] {
    state.problem = nil
    state.notice = nil
    switch key {
    case .tab, .backTab:
      state.focus = state.focus == .target ? .operation : .target
    case .up: moveChoice(by: -1, &state)
    case .down: moveChoice(by: 1, &state)
    case .left: cycleGroup(by: -1, &state)
    case .right: cycleGroup(by: 1, &state)
    case .character(let character):
      if let digit = character.wholeNumberValue, digit >= 1, digit <= BatchOperation.allCases.count {
        pick(BatchOperation.allCases[digit - 1], &state)
      } else if character == "j" || character == "J" {
        return openJobs(returnTo: nil, &state)
      }
    case .enter:
      return preview(&state)
    default:
      break
    }
    return []
  }

  private static func moveChoice(by delta: Int, _ state: inout BatchState) {
    switch state.focus {
    case .target:
      let kinds = BatchTargetKind.allCases
      guard let current = state.targetKind else {
        state.targetKind = delta > 0 ? kinds.first : kinds.last
        return
      }
      state.targetKind = kinds[(current.rawValue + delta + kinds.count) % kinds.count]
    case .operation:
      let operations = BatchOperation.allCases
      guard let start = operations.firstIndex(of: state.operation) else { return }
      for step in 1...operations.count {
        let candidate = operations[
          ((start + delta * step) % operations.count + operations.count) % operations.count]
        if BatchState.allows(state.role, candidate) {
          state.operation = candidate
          return
        }
      }
    }
  }

  /// ←→ on a bus or building target: the previous or next one.
  private static func cycleGroup(by delta: Int, _ state: inout BatchState) {
    guard state.focus == .target else { return }
    switch state.targetKind {
    case .bus?:
      let count = state.scope.buses.count
      if count > 0 { state.busIndex = ((state.busIndex + delta) % count + count) % count }
    case .building?:
      let count = state.scope.buildings.count
      if count > 0 { state.buildingIndex = ((state.buildingIndex + delta) % count + count) % count }
    default:
      break
    }
  }

  private static func pick(_ operation: BatchOperation, _ state: inout BatchState) {
    guard BatchState.allows(state.role, operation) else {
      state.problem = .notAllowed
      return
    }
    state.operation = operation
    state.focus = .operation
  }

  /// Enter on the setup: asks for the preview when a target with meters and an allowed operation are chosen.
  private static func preview(_ state: inout BatchState) -> [Effect] {
    guard let kind = state.targetKind, let target = state.target else {
      state.problem = .noTarget
      state.focus = .target
      return []
    }
    guard state.count(kind) > 0 else {
      state.problem = .emptyTarget
      return []
    }
    guard BatchState.allows(state.role, state.operation) else {
      state.problem = .notAllowed
      return []
    }
    state.phase = .previewing
    return [.previewBatch(state.operation, target)]
  }

  private static func refused(_ reason: String, _ state: inout BatchState) {
    state.notice = nil
    state.problem = .refused(reason)
    switch state.phase {
    case .previewing: state.phase = .setup
    case .starting(let preview): state.phase = .preview(preview)
    case .setup, .preview, .confirming, .approving, .job, .jobs: break
    }
    state.retrying = nil
  }

  /// A job started: show it (a new start, or the retry asked from this screen), and load its results.
  private static func started(_ job: Int64, _ state: inout BatchState) -> [Effect] {
    let seed: BatchProgressModel?
    switch state.phase {
    case .starting(let preview):
      seed = BatchProgressModel(
        job: job, operation: preview.operation, total: preview.meters, done: 0, failed: 0, skipped: 0,
        perBus: [], current: nil, secondsLeft: nil, finished: false)
    case .job where state.retrying != nil:
      seed = state.progress?.job == job ? state.progress : nil
    default:
      return []
    }
    state.retrying = nil
    showJob(job, progress: seed, &state)
    return [.loadBatchJob(job)]
  }

  /// Opens `job`'s progress view with what is known of it.
  static func showJob(_ job: Int64, progress: BatchProgressModel?, _ state: inout BatchState) {
    if state.shownJob != job {
      state.results = []
      state.resultsTable = TableState()
    }
    state.progress = progress
    state.phase = .job(job)
  }

  /// A job moved on: the shown job's counts, the jobs list's row; its final results once it finishes.
  private static func progressed(_ progress: BatchProgressModel, _ state: inout BatchState) -> [Effect] {
    if let index = state.jobs.firstIndex(where: { $0.job == progress.job }) {
      state.jobs[index].done = progress.done
      state.jobs[index].failed = progress.failed
      state.jobs[index].total = progress.total
      state.jobs[index].finished = progress.finished
    }
    guard state.shownJob == progress.job else { return [] }
    let wasFinished = state.progress?.finished ?? false
    state.progress = progress
    return progress.finished && !wasFinished ? [.loadBatchJob(progress.job)] : []
  }

  private static func scroll(by delta: Int, _ state: inout BatchState) {
    switch state.phase {
    case .job:
      state.resultsTable.move(by: delta, rowCount: state.results.count, visible: state.visibleResults)
    case .jobs: state.jobsTable.move(by: delta, rowCount: state.jobs.count, visible: state.visibleJobs)
    default: break
    }
  }
}

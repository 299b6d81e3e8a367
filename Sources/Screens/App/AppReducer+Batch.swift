import Domain
import TerminalUI

extension AppReducer {
  /// Whether the operator may open the batch operations screen (remote control or settings download).
  static func canOpenBatch(_ state: AppState) -> Bool {
    BatchScreen.available(to: state.session?.role)
  }

  /// F6 on the grid: opens the batch screen aimed at the tagged meters, else the grid's filtered set.
  static func openBatch(_ state: inout AppState) -> [Effect] {
    guard let session = state.session, canOpenBatch(state) else { return [] }
    state.batch = BatchState(
      role: session.role, scope: BatchScope(grid: state.grid), size: AppLayout.contentSize(state.size))
    state.grid.search = nil
    state.grid.filterMenu = nil
    state.screen = .batch
    return []
  }

  /// Sends an action to the batch screen, if open.
  static func updateBatch(_ state: inout AppState, _ action: BatchAction) -> [Effect] {
    guard var batch = state.batch else { return [] }
    let effects = BatchScreen.update(&batch, action)
    state.batch = batch
    return effects
  }

  /// A batch job moved on: kept for the status line while it runs (on every screen), and shown by the
  /// batch screen when open.
  static func batchProgressed(_ progress: BatchProgressModel, _ state: inout AppState) -> [Effect] {
    if progress.finished {
      state.runningBatches[progress.job] = nil
    } else {
      state.runningBatches[progress.job] = progress
    }
    return updateBatch(&state, .progress(progress))
  }

  /// The newest running batch job, for the status line and the batch setup.
  static func newestRunningBatch(_ state: AppState) -> BatchProgressModel? {
    state.runningBatches.max { $0.key < $1.key }?.value
  }
}

import Acquisition
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Store

/// Keeps the lease holder on the stored site settings without a restart: on every delivery run (the
/// doorbell a settings save rings, or the outbox poll) it reloads the settings row and, when it
/// changed, retunes the engine (collection interval, offline threshold) and tells its subscribers
/// (the holder console's grid re-classifies with the new alarm amounts and power threshold).
public final class SettingsFollower: Sendable {
  private let database: AppDatabase
  private let engine: AcquisitionEngine?
  private let intervalOverride: TimeAmount?
  private let log: @Sendable (String) -> Void
  private let state: NIOLockedValueBox<State>

  private struct State {
    var current: SiteSettingsRecord?
    var subscribers: [@Sendable (SiteSettingsRecord) -> Void] = []
  }

  /// Follows the settings of `database` for `engine`; `intervalOverride` (a command line's
  /// `--interval`) stays in force over the stored collection interval.
  public init(
    database: AppDatabase, engine: AcquisitionEngine?, intervalOverride: TimeAmount? = nil,
    log: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.database = database
    self.engine = engine
    self.intervalOverride = intervalOverride
    self.log = log
    state = NIOLockedValueBox(State(current: try? database.siteSettings()))
  }

  /// The settings in force.
  public var current: SiteSettingsRecord? { state.withLockedValue { $0.current } }

  /// Adds a receiver of changed settings; it is called on the checking task, so it must hand off quickly.
  public func subscribe(_ receiver: @escaping @Sendable (SiteSettingsRecord) -> Void) {
    state.withLockedValue { $0.subscribers.append(receiver) }
  }

  /// Reloads the settings; when they changed, applies them and tells the subscribers. True when changed.
  @discardableResult
  public func check() -> Bool {
    let loaded: SiteSettingsRecord?
    do {
      loaded = try database.siteSettings()
    } catch {
      log("site settings: \(error)")
      return false
    }
    guard let loaded else { return false }
    let (previous, receivers) = state.withLockedValue { state in
      defer { state.current = loaded }
      return (state.current, state.subscribers)
    }
    guard previous != loaded else { return false }
    if let engine,
      previous?.collectionIntervalSeconds != loaded.collectionIntervalSeconds
        || previous?.offlineAfterFailures != loaded.offlineAfterFailures
    {
      engine.retune(
        collectionInterval: intervalOverride ?? .seconds(Int64(loaded.collectionIntervalSeconds)),
        offlineAfterFailures: loaded.offlineAfterFailures)
      log(
        "site settings changed: sweeping every \(loaded.collectionIntervalSeconds) s"
          + "\(intervalOverride == nil ? "" : " (overridden on the command line)"), offline after "
          + "\(loaded.offlineAfterFailures) failures")
    }
    for receiver in receivers { receiver(loaded) }
    return true
  }
}

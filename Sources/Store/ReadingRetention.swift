import Dispatch
import Foundation
import GRDB
import Synchronization

/// What a pruning of raw readings did (or, dry, would do).
public struct ReadingPruneResult: Sendable, Hashable {
  /// Readings deleted (or that would be).
  public var deleted: Int
  /// Write transactions used; each deletes at most the batch size.
  public var batches: Int
  /// The cut-off: readings taken before it go.
  public var cutoff: Date

  /// Creates a result.
  public init(deleted: Int, batches: Int, cutoff: Date) {
    self.deleted = deleted
    self.batches = batches
    self.cutoff = cutoff
  }
}

extension AppDatabase {
  /// Deletes raw readings taken before `cutoff`, at most `batch` per write transaction so that the
  /// acquisition's writes go on between batches. Daily rollups (`dailyEnergy`) are kept for ever, so
  /// the energy reports over a pruned range do not change. Each meter's readings are found through
  /// the `(meter, readAt)` index: no table scan however many readings are kept.
  @discardableResult
  public func pruneReadings(olderThan cutoff: Date, batch: Int = 10_000) throws -> ReadingPruneResult {
    let size = max(1, batch)
    let meters = try writer.read { db in
      try String.fetchAll(db, sql: "SELECT number FROM meter ORDER BY number")
    }
    var deleted = 0
    var batches = 0
    var next = 0
    while next < meters.count {
      let removed = try writer.write { db -> Int in
        var removed = 0
        let statement = try db.cachedStatement(
          sql: """
            DELETE FROM reading WHERE id IN (
              SELECT id FROM reading WHERE meter = ? AND readAt < ? ORDER BY readAt LIMIT ?)
            """)
        while next < meters.count, removed < size {
          let want = size - removed
          try statement.execute(arguments: [meters[next], cutoff, want])
          let changes = db.changesCount
          removed += changes
          if changes < want { next += 1 }
        }
        return removed
      }
      batches += 1
      deleted += removed
    }
    return ReadingPruneResult(deleted: deleted, batches: batches, cutoff: cutoff)
  }

  /// How many raw readings `pruneReadings(olderThan:)` would delete, counted through the index.
  public func prunableReadings(olderThan cutoff: Date) throws -> Int {
    try writer.read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT COALESCE(SUM((SELECT COUNT(*) FROM reading r WHERE r.meter = m.number AND r.readAt < ?)), 0)
          FROM meter m
          """, arguments: [cutoff]) ?? 0
    }
  }

  /// The retention cut-off at `now`: `siteSettings.readingRetentionDays` days earlier (400 without
  /// settings; a setting below one day counts as one).
  public func readingRetentionCutoff(now: Date = Date()) throws -> Date {
    let days = try siteSettings()?.readingRetentionDays ?? 400
    return now.addingTimeInterval(-Double(max(1, days)) * 86_400)
  }
}

/// The lease holder's hourly upkeep: prunes raw readings past the site's retention, in batches, on a
/// background queue. Start it once; stop it before closing the database.
public final class ReadingMaintenance: Sendable {
  private let database: AppDatabase
  private let interval: TimeInterval
  private let firstDelay: TimeInterval
  private let log: @Sendable (String) -> Void
  private let timer = Mutex<(any DispatchSourceTimer)?>(nil)
  private let queue = DispatchQueue(label: "meterdesk.reading-maintenance", qos: .utility)

  /// Creates the upkeep: first run `firstDelay` seconds after `start()`, then every `interval` seconds.
  public init(
    database: AppDatabase, interval: TimeInterval = 3_600, firstDelay: TimeInterval = 60,
    log: @escaping @Sendable (String) -> Void
  ) {
    self.database = database
    self.interval = interval
    self.firstDelay = firstDelay
    self.log = log
  }

  /// Starts the timer (a second call does nothing).
  public func start() {
    timer.withLock { timer in
      guard timer == nil else { return }
      let source = DispatchSource.makeTimerSource(queue: queue)
      source.schedule(deadline: .now() + firstDelay, repeating: interval)
      source.setEventHandler { [database, log] in
        do {
          let result = try database.pruneReadings(olderThan: try database.readingRetentionCutoff())
          if result.deleted > 0 { log("pruned \(result.deleted) readings older than \(result.cutoff)") }
        } catch {
          log("pruning readings failed: \(error)")
        }
      }
      source.resume()
      timer = source
    }
  }

  /// Stops the timer; waits for a pruning in progress to finish.
  public func stop() {
    let source = timer.withLock { timer in
      defer { timer = nil }
      return timer
    }
    guard let source else { return }
    source.cancel()
    queue.sync {}
  }
}

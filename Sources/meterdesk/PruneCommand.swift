import ArgumentParser
import Foundation
import Store

/// `meterdesk prune`: deletes raw readings past the site's retention; daily rollups stay.
struct PruneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prune",
    abstract: "Delete raw readings older than the site's retention (daily rollups are kept).",
    discussion: """
      The retention is siteSettings.readingRetentionDays (default 400 days); --days overrides it for \\
      this run. Readings go in batches of --batch rows per transaction, so a running acquisition \\
      keeps writing. The lease holder (meterdesk serve, the holder console) also prunes every hour.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Keep this many days of readings instead of the site's setting.") var days: Int?
  @Option(help: "Readings deleted per transaction.") var batch = 10_000
  @Flag(help: "Count what would be deleted; delete nothing.") var dryRun = false
  @Flag(help: "Print a JSON object {deleted, cutoff, dry_run, batches}.") var json = false

  func validate() throws {
    if let days, days < 1 { throw ValidationError("--days must be at least 1") }
    if batch < 1 { throw ValidationError("--batch must be at least 1") }
  }

  func run() throws {
    let database = try SalesCLI.open(db, command: "prune")
    let now = Date()
    let cutoff =
      try days.map { now.addingTimeInterval(-Double($0) * 86_400) }
      ?? database.readingRetentionCutoff(now: now)
    let result =
      dryRun
      ? ReadingPruneResult(
        deleted: try database.prunableReadings(olderThan: cutoff), batches: 0, cutoff: cutoff)
      : try database.pruneReadings(olderThan: cutoff, batch: batch)
    let stamp = ISO8601DateFormatter().string(from: cutoff)
    if json {
      try SalesCLI.printJSON([
        "deleted": result.deleted, "cutoff": stamp, "dry_run": dryRun, "batches": result.batches,
      ])
    } else if dryRun {
      print("would delete \(result.deleted) readings taken before \(stamp)")
    } else {
      print("deleted \(result.deleted) readings taken before \(stamp) in \(result.batches) batches")
    }
  }
}

import Acquisition
import ConsoleBridge
import Foundation
import MeterProfiles
import Screens
import Services
import SiteConfig
import Store
import TerminalUI

/// The console's hot paths with 10,000 meters: a grid frame, a page-down, and resident memory
/// while acquisition runs in the same process (as `meterdesk console` does).
struct ConsoleBenchmark {
  let meterdesk: String

  func run() throws {
    print("== console (10,000 meters, 160×48, release build)")
    let profiles = try ProfileCatalog.shipped()
    let directory = try Scratch.directory()
    let sitePath = try GeneratedSite.write(directory: directory, buses: 300, meters: 10_000)
    let site = try SiteFileReader.read(path: sitePath, knownProfiles: Set(profiles.keys))
    let simulator = try SimulatorProcess(meterdesk: meterdesk, site: sitePath, faults: nil)
    let run = try EngineRun(
      site: site, endpoints: simulator.endpoints, profiles: profiles, directory: directory)
    defer { run.stop() }
    let mailbox = EventMailbox()
    run.engine.subscribe(mailbox)
    _ = try run.sweep()
    run.sink.flush()

    let database = try AppDatabase.open(path: directory + "/bench.db")
    let summaries = try MeterQueryService(database: database).meters()
    let live = LiveMeterTable(summaries)
    let names = try database.buildingNames()
    let grid = summaries.map { ScreenModels.grid($0, buildingNames: names) }
    var state = AppState(
      language: .zh, demoMode: false, size: Size(width: 160, height: 48), now: Date(),
      clock: SiteClock(utcOffsetSeconds: 8 * 3600))
    _ = AppReducer.update(&state, .loggedIn(OperatorSession(name: "bench", role: .admin)))
    _ = AppReducer.update(&state, .metersLoaded(grid))

    var frames: [Double] = []
    for index in 0..<300 {
      if index % 3 == 0 { _ = AppReducer.update(&state, .input(.key(.pageDown))) }
      let started = ContinuousClock.now
      let buffer = AppView.render(state)
      frames.append(Self.milliseconds(ContinuousClock.now - started))
      precondition(buffer.size.width == 160)
    }
    let sorted = frames.sorted()
    print(
      String(
        format: "grid frame: mean %.2f ms, p99 %.2f ms, max %.2f ms over %d frames   (goal ≤ 10 ms)",
        frames.reduce(0, +) / Double(frames.count), sorted[sorted.count * 99 / 100],
        sorted.last ?? 0, frames.count))

    // Live: a second sweep's events folded in and pushed to the grid, as the console loop does.
    _ = try run.sweep()
    for event in mailbox.drain() { live.apply(event) }
    let changed = live.takeChanged()
    let started = ContinuousClock.now
    _ = AppReducer.update(&state, .metersUpdated(changed.map { ScreenModels.grid($0, buildingNames: names) }))
    _ = AppView.render(state)
    print(
      String(
        format: "live update of %d meters + frame: %.2f ms", changed.count,
        Self.milliseconds(ContinuousClock.now - started)))
    print(
      String(
        format: "resident memory with acquisition, store and grid in one process: %.0f MB   (goal < 150 MB)",
        ResourceUsage.now().maxResidentMB))
  }

  static func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
  }
}

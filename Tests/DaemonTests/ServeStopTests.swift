import Foundation
import SimulatedSiteSupport
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `meterdesk serve` started as a shell or a supervisor starts it stops on SIGTERM and SIGINT
/// within 5 s, exits 0 and leaves its readings in the database — debug and release builds.
@Suite("serve stops cleanly", .serialized)
struct ServeStopTests {
  static let buses = [
    SmallSite.Bus(name: "T-1", framing: "tcp", meters: 4),
    SmallSite.Bus(name: "R-1", framing: "rtu-over-tcp", meters: 4),
  ]

  @Test(
    "serve from bash (& and setsid) → kill → exit 0 within 5 s, readings flushed", arguments: Build.available,
    StopWay.all)
  func stops(build: Build, way: StopWay) async throws {
    let binary = try build.executable()
    try await RunningSite.with(buses: Self.buses) { site in
      let daemon = try ShellDaemon(
        binary, ["serve", "--db", site.dbPath, "--interval", "1", "--verbose"], launch: way.launch)
      #expect(daemon.waitForOutput("sweep 0:"), "no sweep reported:\n\(daemon.output)")
      daemon.expectIsItself(binary, launch: way.launch)
      let stop = daemon.stop(with: way.signal)
      #expect(
        stop.status == 0,
        "\(way) → status \(String(describing: stop.status)) after \(stop.seconds) s:\n\(daemon.output)")
      #expect(stop.seconds < 5)
      #expect(daemon.output.contains("meterdesk serve: stopped"), "\(daemon.output)")
      #expect(try site.database.readingCount() >= 8, "the first sweep's readings are in the database")
    }
  }

  @Test("serve in a terminal's foreground: Ctrl-C → exit 0", arguments: Build.available)
  func controlC(build: Build) async throws {
    let binary = try build.executable()
    try await RunningSite.with(buses: Self.buses) { site in
      let session = try TmuxSession(
        command: "\(binary) serve --db \(site.dbPath) --interval 1 --verbose", width: 120, height: 30)
      #expect(session.waitFor("sweep 0:").found, "\(session.capture())")
      session.send("C-c")
      let exited = session.waitFor("EXITED:", timeout: 5)
      #expect(exited.screen.contains("EXITED:0"), "\(exited.screen)")
      #expect(exited.screen.contains("meterdesk serve: stopped"))
      #expect(try site.database.readingCount() >= 8)
    }
  }
}

import Foundation
import SimulatedSiteSupport
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `meterdesk sim` and `meterdesk poll` stop on SIGTERM and SIGINT within 5 s with status 0,
/// the simulator saving its state and poll its readings — debug and release builds.
@Suite("sim and poll stop cleanly", .serialized)
struct OneShotStopTests {
  @Test(
    "sim from bash (& and setsid) → kill → exit 0 within 5 s, state saved", arguments: Build.available,
    StopWay.all)
  func sim(build: Build, way: StopWay) throws {
    let binary = try build.executable()
    let directory = try TemporaryDirectory()
    let site = try SmallSite.write(
      into: directory, buses: [SmallSite.Bus(name: "T-1", framing: "tcp", meters: 3)])
    let state = directory.path("state.json")
    let daemon = try ShellDaemon(
      binary, ["sim", "--site", site, "--any-port", "--state", state], launch: way.launch)
    #expect(daemon.waitForOutput("\"ready\""), "\(daemon.output)")
    daemon.expectIsItself(binary, launch: way.launch)
    #expect(daemon.output.contains("127.0.0.1"), "listens on loopback only")
    let stop = daemon.stop(with: way.signal)
    #expect(
      stop.status == 0,
      "\(way) → status \(String(describing: stop.status)) after \(stop.seconds) s:\n\(daemon.output)")
    #expect(stop.seconds < 5)
    #expect(FileManager.default.fileExists(atPath: state), "the state file is saved on the way out")
  }

  @Test(
    "poll --sweeps N from bash (& and setsid) → kill → exit 0 within 5 s, readings flushed",
    arguments: Build.available, StopWay.all)
  func poll(build: Build, way: StopWay) async throws {
    let binary = try build.executable()
    try await RunningSite.with(buses: ServeStopTests.buses) { site in
      let daemon = try ShellDaemon(
        binary, ["poll", "--db", site.dbPath, "--sweeps", "100000", "--json"], launch: way.launch)
      #expect(daemon.waitForOutput("\"sweep\": 0,"), "\(daemon.output)")
      daemon.expectIsItself(binary, launch: way.launch)
      let stop = daemon.stop(with: way.signal)
      #expect(
        stop.status == 0,
        "\(way) → status \(String(describing: stop.status)) after \(stop.seconds) s:\n\(daemon.output)")
      #expect(stop.seconds < 5)
      #expect(try site.database.readingCount() >= 8)
    }
  }
}

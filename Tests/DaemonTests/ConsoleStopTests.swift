import Foundation
import SimulatedSiteSupport
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The console (and the demo, which runs it) in tmux: a signal to its pid ends it as F10 does —
/// exit 0, acquisition flushed, the terminal off the alternate screen — debug and release builds.
@Suite("console stops cleanly", .serialized)
struct ConsoleStopTests {
  static let environment = ["LC_ALL": "C.UTF-8", "TERM": "screen-256color"]

  /// Runs `arguments` in tmux through `sh -c 'echo $$ >pidfile; exec …'`, so the pid is meterdesk's.
  static func start(_ binary: String, _ arguments: String, in directory: TemporaryDirectory) throws
    -> (session: TmuxSession, pid: pid_t)
  {
    let pidFile = directory.path("console.pid")
    let session = try TmuxSession(
      command: "sh -c 'echo $$ >\(pidFile); exec \(binary) \(arguments)'", width: 160, height: 48,
      environment: environment)
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return (session, pid)
      }
      usleep(20_000)
    }
    throw DaemonTestError("the console's shell wrote no pid")
  }

  @Test(
    "console → SIGTERM / SIGINT to its pid → exit 0 within 5 s, terminal restored, readings flushed",
    arguments: Build.available, [SIGTERM, SIGINT])
  func console(build: Build, signal: Int32) async throws {
    let binary = try build.executable()
    try await RunningSite.with(buses: ServeStopTests.buses) { site in
      let (session, pid) = try Self.start(binary, "console --db \(site.dbPath) --lang en", in: site.directory)
      let login = session.waitFor("Operator login")
      #expect(login.found, "no login screen:\n\(login.screen)")
      #expect(session.display("#{alternate_on}") == "1", "curses is on the alternate screen")
      let deadline = Date().addingTimeInterval(10)
      while try site.database.readingCount() == 0 && Date() < deadline { usleep(50_000) }
      kill(pid, signal)
      let exited = session.waitFor("EXITED:", timeout: 5)
      #expect(exited.screen.contains("EXITED:0"), "signal \(signal):\n\(exited.screen)")
      #expect(session.display("#{alternate_on}") == "0", "the terminal left the alternate screen")
      #expect(try site.database.readingCount() > 0)
      let log = (try? String(contentsOfFile: site.dbPath + ".log", encoding: .utf8)) ?? ""
      #expect(log.contains("console closed"), "\(log)")
    }
  }

  @Test(
    "demo → SIGTERM to its pid → exit 0 within 5 s, terminal restored, simulator state saved",
    arguments: Build.available)
  func demo(build: Build) throws {
    let binary = try build.executable()
    let directory = try TemporaryDirectory()
    let site = RepoPaths.sampleData.appendingPathComponent("site.toml").path
    let (session, pid) = try Self.start(
      binary, "demo --data \(directory.path("demo")) --lang en --site \(site)", in: directory)
    let login = session.waitFor("Operator login", timeout: 60)
    #expect(login.found, "no login screen:\n\(login.screen)")
    kill(pid, SIGTERM)
    let exited = session.waitFor("EXITED:", timeout: 5)
    #expect(exited.screen.contains("EXITED:0"), "\(exited.screen)")
    #expect(session.display("#{alternate_on}") == "0", "the terminal left the alternate screen")
    #expect(FileManager.default.fileExists(atPath: directory.path("demo/sim-state.json")))
  }
}

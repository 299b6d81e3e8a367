import Foundation
import TestSupport
import Testing

/// `contrib/meterdesk-serve.service` says what the README promises and passes `systemd-analyze verify`.
@Suite("systemd unit")
struct ServiceUnitTests {
  static let unitPath = RepoPaths.root.appendingPathComponent("contrib/meterdesk-serve.service").path
  static let analyzer = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// The unit's `Key=value` lines.
  static func settings() throws -> [String: String] {
    var result: [String: String] = [:]
    for line in try String(contentsOfFile: unitPath, encoding: .utf8).split(separator: "\n") {
      guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
      result[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    return result
  }

  @Test("Type=simple, ExecStart serve --db, Restart=on-failure, KillSignal=SIGTERM, TimeoutStopSec")
  func keys() throws {
    let unit = try Self.settings()
    #expect(unit["Type"] == "simple")
    let start = try #require(unit["ExecStart"])
    #expect(start.hasSuffix("/meterdesk serve --db /srv/meterdesk/site.db"), "\(start)")
    #expect(unit["Restart"] == "on-failure")
    #expect(unit["KillSignal"] == "SIGTERM")
    let timeout = try #require(unit["TimeoutStopSec"].flatMap { Int($0) })
    #expect(timeout > 5, "serve stops within 5 s; systemd must not SIGKILL it earlier")
    #expect(unit["WorkingDirectory"] != nil && unit["User"] != nil)
  }

  @Test(
    "systemd-analyze verify: no warnings (ExecStart pointed at the built binary)",
    .enabled(if: analyzer != nil, "systemd-analyze is not installed (Debian package systemd)"))
  func verify() throws {
    let analyzer = try #require(Self.analyzer)
    let directory = try TemporaryDirectory()
    let text = try String(contentsOfFile: Self.unitPath, encoding: .utf8)
      .replacingOccurrences(of: "/opt/meterdesk/meterdesk", with: RepoPaths.meterdesk)
    let copy = directory.path("meterdesk-serve.service")
    try text.write(toFile: copy, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(analyzer, ["verify", copy])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(
      (result.stdout + result.stderr).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
      "\(result.stdout)\(result.stderr)")
  }
}

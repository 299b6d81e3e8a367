import Foundation
import TestSupport
import Testing

@Suite("meterdesk sim")
struct SimCommandTests {
  @Test(
    "prints one JSON line per bus and ready; SIGHUP with a bad fault file keeps running; SIGTERM saves and exits 0"
  )
  func runsAndStops() async throws {
    let site = try TestSite()
    let statePath = site.path("state.json")
    let faults = site.path("faults.toml")
    try "[meter.\"\(TestSite.tcpMeter)\"]\nsilent = true\n".write(
      toFile: faults, atomically: true, encoding: .utf8)
    let process = try BackgroundProcess.meterdesk([
      "sim", "--site", site.sitePath, "--any-port", "--state", statePath, "--keys", site.keyPath,
      "--faults", faults, "--speed", "60",
    ])
    var buses: [[String: Any]] = []
    var ready = false
    while !ready, let line = process.readLine(timeout: 20) {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
      if object["ready"] as? Bool == true { ready = true } else { buses.append(object) }
    }
    #expect(ready, "no ready line; stderr: \(process.standardError)")
    #expect(buses.map { $0["bus"] as? String } == ["T-1", "R-1"])
    #expect(buses.map { $0["framing"] as? String } == ["tcp", "rtu-over-tcp"])
    #expect(buses.allSatisfy { ($0["meters"] as? Int) == 4 })
    #expect(buses.allSatisfy { ($0["endpoint"] as? String)?.hasPrefix("127.0.0.1:") == true })
    #expect(buses.allSatisfy { Set($0.keys) == ["bus", "framing", "endpoint", "meters"] })

    let endpoint = try #require(buses.first?["endpoint"] as? String)
    let port = try #require(Int(endpoint.split(separator: ":").last ?? ""))
    let connection = try RawConnection(port: port)
    #expect(try readMain(connection, unit: 3, rtu: false)?.modelCode == 7)
    #expect(
      try connection.mbap(try mainBlock().request, unit: 2, timeout: 0.5) == .none, "silent from --faults")

    try "[meter.\"\(TestSite.tcpMeter)\"]\nsilent = maybe\n".write(
      toFile: faults, atomically: true, encoding: .utf8)
    process.send(signal: SIGHUP)
    let reported = try await eventually(within: 5) { process.standardError.contains("\(faults):2") }
    #expect(reported, "stderr: \(process.standardError)")
    #expect(process.isRunning)
    #expect(try connection.mbap(try mainBlock().request, unit: 2, timeout: 0.5) == .none, "old faults stay")

    try "# healed\n".write(toFile: faults, atomically: true, encoding: .utf8)
    process.send(signal: SIGHUP)
    let healed = try await eventually(within: 5) {
      (try connection.mbap(try mainBlock().request, unit: 2, timeout: 0.5)).registers != nil
    }
    #expect(healed)

    process.send(signal: SIGTERM)
    #expect(process.waitForExit(timeout: 10) == 0, "stderr: \(process.standardError)")
    let state = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: statePath)))
    let meters = try #require((state as? [String: Any])?["meters"] as? [String: Any])
    #expect(meters.count == 8)
  }

  @Test("a bus that cannot listen: the error names bus and endpoint and the exit status is non-zero")
  func portInUse() throws {
    let site = try TestSite()
    let listener = try RawListener()
    let text = try String(contentsOfFile: site.sitePath, encoding: .utf8)
      .replacingOccurrences(of: "127.0.0.1:15901", with: "127.0.0.1:\(listener.port)")
      .replacingOccurrences(of: "127.0.0.1:15902", with: "127.0.0.1:\(try RawListener().port)")
    try text.write(toFile: site.sitePath, atomically: true, encoding: .utf8)
    let result = try CommandRunner.meterdesk(["sim", "--site", site.sitePath])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("bus T-1: cannot listen on 127.0.0.1:\(listener.port)"), "\(result.stderr)")
    #expect(!result.stdout.contains("ready"))
  }
}

import Foundation
import TestSupport
import Testing

/// The console driven in tmux as an operator would: log in, search a shop, open its detail,
/// resize to 80×24, quit with F10, and find the terminal restored.
@Suite("Console in tmux", .serialized)
struct DemoConsoleTmuxTests {
  @Test("demo: login → grid in six colours → search → detail → resize → F10 restores the terminal")
  func operatorSession() throws {
    let directory = try TemporaryDirectory()
    let site = RepoPaths.sampleData.appendingPathComponent("site.toml").path
    let session = try TmuxSession(
      command: "\(RepoPaths.meterdesk) demo --data \(directory.path("demo")) --lang en --site \(site)",
      width: 160, height: 48, environment: ["LC_ALL": "C.UTF-8", "TERM": "screen-256color"])

    let login = session.waitFor("Operator login")
    #expect(login.found, "no login screen:\n\(login.screen)")
    #expect(login.screen.contains("cashier/cashier"), "demo accounts are shown in demo mode")
    session.type("cashier")
    session.send("Tab")
    session.type("cashier")
    session.send("Enter")
    let grid = session.waitFor("Meter status")
    #expect(grid.found, "no grid after login:\n\(grid.screen)")
    #expect(session.waitFor("Total 324").found)

    // The legend names the six states, each in its own colour.
    let coloured = session.capture(escapes: true)
    let states = ["Normal", "Alarm 1", "Alarm 2", "Arrears", "Not opened", "Offline"]
    var colours: [String] = []
    for state in states {
      let label = " \(state) "
      guard let range = coloured.range(of: label) else { continue }
      let before = coloured[coloured.startIndex..<range.lowerBound]
      guard let escape = before.range(of: "\u{1B}[", options: .backwards) else { continue }
      colours.append(String(before[escape.lowerBound...]))
    }
    #expect(colours.count == 6, "legend colours: \(colours)")
    #expect(Set(colours).count == 6, "six distinct colours: \(colours)")

    session.send("/")
    session.type("A-0809")
    session.send("Enter")
    #expect(session.waitFor("1 matches").found)
    session.send("Enter")
    let detail = session.waitFor("Meter detail")
    #expect(detail.found, "no detail:\n\(detail.screen)")
    #expect(detail.screen.contains("202411006167") && detail.screen.contains("上海观澜工程咨询有限公司"))

    session.resize(width: 80, height: 24)
    Thread.sleep(forTimeInterval: 0.5)
    let small = session.waitFor("202411006167")
    #expect(small.found)
    let lines = small.screen.split(separator: "\n")
    #expect(lines.count <= 24)
    #expect(lines.contains { $0.contains("F10") }, "the F-key bar stays on screen at 80×24")

    session.send("F10")
    let exited = session.waitFor("EXITED:", timeout: 15)
    #expect(exited.screen.contains("EXITED:0"), "\(exited.screen)")
    #expect(session.display("#{alternate_on}") == "0", "the terminal left the alternate screen")
    #expect(FileManager.default.fileExists(atPath: directory.path("demo/sim-state.json")))
  }
}

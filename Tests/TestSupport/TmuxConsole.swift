import Foundation

extension TmuxSession {
  /// `meterdesk ARGUMENTS` in tmux at `width`×`height`, English, UTF-8 and 256 colours.
  public static func meterdesk(_ arguments: String, width: Int = 160, height: Int = 48) throws -> TmuxSession
  {
    try TmuxSession(
      command: "\(RepoPaths.meterdesk) \(arguments) --lang en", width: width, height: height,
      environment: ["LC_ALL": "C.UTF-8", "TERM": "screen-256color"])
  }

  /// The demo site's console (sample data, simulator in-process) with its data in `data`.
  public static func demo(data: String, width: Int = 160, height: Int = 48) throws -> TmuxSession {
    let site = RepoPaths.sampleData.appendingPathComponent("site.toml").path
    return try meterdesk("demo --data \(data) --site \(site)", width: width, height: height)
  }

  /// Waits for the login screen and logs in; true when the grid appeared (its "Total" line).
  @discardableResult
  public func logIn(_ name: String, _ password: String) -> Bool {
    guard waitFor("Operator login").found else { return false }
    type(name)
    send("Tab")
    type(password)
    send("Enter")
    return waitFor("Total ").found
  }

  /// From the grid: searches `search`, opens the one match's detail and its sale window (F2), then
  /// waits until the window's meter line shows a read balance (¥); true when it did within `timeout`.
  @discardableResult
  public func openSaleWindow(search: String, meter: String, timeout: TimeInterval = 30) -> Bool {
    send("/")
    type(search)
    send("Enter")
    guard waitFor("1 matches").found else { return false }
    send("Enter")
    guard waitFor("Meter detail").found else { return false }
    send("F2")
    guard waitFor("In capitals").found else { return false }
    return waitForLine(containing: meter, with: "¥", timeout: timeout)
  }

  /// Waits until the screen line holding `key` also holds `text`.
  public func waitForLine(containing key: String, with text: String, timeout: TimeInterval) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let line = capture().split(separator: "\n").first { $0.contains(key) } ?? ""
      if line.contains(text) { return true }
      Thread.sleep(forTimeInterval: 0.2)
    }
    return false
  }
}

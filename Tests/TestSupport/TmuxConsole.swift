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
}

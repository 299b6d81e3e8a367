import Foundation

/// A tmux server of its own (a private socket) running one command in a fixed-size window;
/// killed on deinit, so a failing test leaves nothing behind.
public final class TmuxSession: @unchecked Sendable {
  private let socket: String
  /// The session name.
  public let name = "t"

  /// Starts `command` (a shell command line) in a `width`×`height` window.
  public init(command: String, width: Int, height: Int, environment: [String: String] = [:]) throws {
    socket = "meterdesk-test-\(UUID().uuidString.prefix(8))"
    let exports = environment.map { "export \($0)='\($1)'; " }.sorted().joined()
    // The first command starts the tmux server, which would inherit (and hold open) any pipe
    // given as its output; so it is spawned with /dev/null and only its status is awaited.
    let status = try Spawn.run(
      "/usr/bin/tmux",
      [
        "-L", socket, "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
        exports + command + "; echo EXITED:$?; sleep 600",
      ])
    guard status == 0 else { throw TmuxError.failed("tmux new-session exited with \(status)") }
  }

  /// The visible text (with `-e`, including colour escape sequences).
  public func capture(escapes: Bool = false) -> String {
    let arguments = ["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : [])
    return (try? run(arguments).stdout) ?? ""
  }

  /// Sends keys (tmux key names such as `Enter`, `Tab`, `F10`, or literal text).
  public func send(_ keys: String...) {
    _ = try? run(["send-keys", "-t", name] + keys)
  }

  /// Sends literal text, not interpreted as key names.
  public func type(_ text: String) {
    _ = try? run(["send-keys", "-t", name, "-l", text])
  }

  /// Resizes the window.
  public func resize(width: Int, height: Int) {
    _ = try? run(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
  }

  /// A tmux format value of the pane, e.g. `#{alternate_on}`.
  public func display(_ format: String) -> String {
    ((try? run(["display-message", "-p", "-t", name, format]).stdout) ?? "")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Waits until the screen contains `text`; returns the last capture either way.
  @discardableResult
  public func waitFor(_ text: String, timeout: TimeInterval = 20) -> (found: Bool, screen: String) {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = capture()
    while !screen.contains(text) && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.1)
      screen = capture()
    }
    return (screen.contains(text), screen)
  }

  private func run(_ arguments: [String]) throws -> CommandResult {
    try CommandRunner.run("/usr/bin/tmux", ["-L", socket] + arguments)
  }

  deinit { _ = try? run(["kill-server"]) }
}

/// Why a tmux session could not start.
public enum TmuxError: Error, CustomStringConvertible {
  /// tmux failed; the text says how.
  case failed(String)

  /// The reason.
  public var description: String {
    switch self {
    case .failed(let text): return text
    }
  }
}

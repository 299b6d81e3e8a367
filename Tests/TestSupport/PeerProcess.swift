import Foundation

/// A background process a test talks to (a Modbus peer, a pty pair), always stopped.
///
/// Its stdin stays open while the value lives: peers that exit when stdin closes therefore
/// also die if the test process crashes. `stop()` runs on release too, so a failing test
/// never leaves the process behind. Stderr goes to a file, shown by `diagnostics`.
public final class PeerProcess: @unchecked Sendable {
  /// The running process.
  private let process = Process()
  /// The write end of its stdin, closed by `stop()`.
  private let input = Pipe()
  /// Its stdout.
  private let output = Pipe()
  /// Where its stderr goes.
  private let logDirectory: TemporaryDirectory
  /// Stdout bytes read so far and not yet returned as lines.
  private let buffer = Locked(Data())
  /// Serialises `stop()`.
  private let stopped = Locked(false)

  /// Starts `executable` with `arguments` (resolved through PATH when not absolute).
  public init(_ executable: String, _ arguments: [String]) throws {
    logDirectory = try TemporaryDirectory()
    if executable.hasPrefix("/") {
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [executable] + arguments
    }
    process.standardInput = input
    process.standardOutput = output
    _ = FileManager.default.createFile(atPath: logDirectory.path("stderr"), contents: nil)
    process.standardError = FileHandle(forWritingAtPath: logDirectory.path("stderr"))
    try process.run()
    let reader = output.fileHandleForReading
    let buffer = self.buffer
    Thread.detachNewThread {
      while true {
        let chunk = reader.availableData
        if chunk.isEmpty { return }
        buffer.withLock { $0.append(chunk) }
      }
    }
  }

  /// Starts `Tests/Peers/<script>` with python3.
  public static func python(_ script: String, _ arguments: [String]) throws -> PeerProcess {
    let path = RepoPaths.root.appendingPathComponent("Tests/Peers").appendingPathComponent(script).path
    return try PeerProcess("python3", ["-u", path] + arguments)
  }

  /// The process id.
  public var pid: Int32 { process.processIdentifier }

  /// Whether it is still running.
  public var isRunning: Bool { process.isRunning }

  /// The next line it printed on stdout, waiting up to `timeout` seconds (polls, never blocks a thread).
  public func nextLine(timeout: TimeInterval = 10) async throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let line = takeLine() { return line }
      if !process.isRunning, let line = takeLine() { return line }
      if !process.isRunning { break }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    throw PeerProcessError.noLine(diagnostics)
  }

  /// The next stdout line parsed as a JSON object.
  public func nextJSON(timeout: TimeInterval = 10) async throws -> [String: Any] {
    let line = try await nextLine(timeout: timeout)
    guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
      throw PeerProcessError.notJSON(line)
    }
    return object
  }

  /// Removes and returns the first complete line read so far.
  private func takeLine() -> String? {
    buffer.withLock { data in
      guard let newline = data.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
      let text = String(decoding: data[data.startIndex..<newline], as: UTF8.self)
      data.removeSubrange(data.startIndex...newline)
      return text
    }
  }

  /// What it wrote on stderr so far.
  public var diagnostics: String {
    (try? String(contentsOfFile: logDirectory.path("stderr"), encoding: .utf8)) ?? ""
  }

  /// Closes its stdin, then terminates it (SIGTERM after 0.5 s, SIGKILL after 2 s more) and
  /// reaps it, on a thread of its own: returns at once and never blocks the test's thread.
  public func stop() {
    let first = stopped.withLock { wasStopped in
      defer { wasStopped = true }
      return !wasStopped
    }
    guard first else { return }
    try? input.fileHandleForWriting.close()
    let process = self.process
    Thread.detachNewThread {
      let deadline = Date().addingTimeInterval(0.5)
      while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
      if process.isRunning { process.terminate() }
      let killDeadline = Date().addingTimeInterval(2)
      while process.isRunning, Date() < killDeadline { Thread.sleep(forTimeInterval: 0.01) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
  }

  deinit { stop() }
}

/// Why a peer process could not be used.
public enum PeerProcessError: Error, CustomStringConvertible {
  /// It printed no line in time; its stderr follows.
  case noLine(String)
  /// Its line was not a JSON object.
  case notJSON(String)

  /// What went wrong.
  public var description: String {
    switch self {
    case .noLine(let stderr): "the peer printed nothing in time; stderr:\n\(stderr)"
    case .notJSON(let line): "the peer printed \"\(line)\", not a JSON object"
    }
  }
}

/// A value behind a lock.
private final class Locked<Value>: @unchecked Sendable {
  /// The guarded value.
  private var value: Value
  /// The lock.
  private let lock = NSLock()

  /// Wraps `value`.
  init(_ value: Value) { self.value = value }

  /// Runs `body` with exclusive access.
  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}

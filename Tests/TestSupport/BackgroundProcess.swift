import Foundation

/// A child process running beside a test: its output is read line by line as it comes, and it is
/// always terminated (SIGTERM, then SIGKILL) when the value is released, whatever path the test took.
public final class BackgroundProcess: @unchecked Sendable {
  private let process = Process()
  private let condition = NSCondition()
  private var stdoutBuffer = Data()
  private var stderrBuffer = Data()
  private var stdoutClosed = false
  private let stdinPipe = Pipe()

  /// Starts `executable` with `arguments`; standard input stays open until `closeInput()` or release.
  public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws {
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdinPipe
    out.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      self?.append(data, toStdout: true)
    }
    err.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      self?.append(data, toStdout: false)
    }
    try process.run()
  }

  /// Starts the built `meterdesk` with `arguments`.
  public static func meterdesk(_ arguments: [String]) throws -> BackgroundProcess {
    try BackgroundProcess(RepoPaths.meterdesk, arguments)
  }

  private func append(_ data: Data, toStdout: Bool) {
    condition.lock()
    if toStdout {
      if data.isEmpty { stdoutClosed = true } else { stdoutBuffer.append(data) }
    } else {
      stderrBuffer.append(data)
    }
    condition.broadcast()
    condition.unlock()
  }

  /// The process id.
  public var pid: Int32 { process.processIdentifier }

  /// Whether the process is still running.
  public var isRunning: Bool { process.isRunning }

  /// The next line of standard output (without the newline), or nil if none arrives within `timeout`
  /// seconds or the output ends.
  public func readLine(timeout: TimeInterval) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let newline = stdoutBuffer.firstIndex(of: 0x0A) {
        let line = stdoutBuffer[stdoutBuffer.startIndex..<newline]
        stdoutBuffer.removeSubrange(stdoutBuffer.startIndex...newline)
        return String(decoding: line, as: UTF8.self)
      }
      if stdoutClosed || !condition.wait(until: deadline) { return nil }
    }
  }

  /// Everything written to standard error so far.
  public var standardError: String {
    condition.lock()
    defer { condition.unlock() }
    return String(decoding: stderrBuffer, as: UTF8.self)
  }

  /// Sends a signal (e.g. `SIGTERM`, `SIGHUP`).
  public func send(signal: Int32) {
    guard process.isRunning else { return }
    kill(process.processIdentifier, signal)
  }

  /// Waits up to `timeout` seconds for the process to exit; its exit status, or nil if still running.
  public func waitForExit(timeout: TimeInterval) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
      if Date() > deadline { return nil }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return process.terminationStatus
  }

  /// Closes the child's standard input.
  public func closeInput() {
    try? stdinPipe.fileHandleForWriting.close()
  }

  /// Terminates the process: SIGTERM, then SIGKILL after two seconds.
  public func terminate() {
    guard process.isRunning else { return }
    process.terminate()
    if waitForExit(timeout: 2) == nil {
      kill(process.processIdentifier, SIGKILL)
      _ = waitForExit(timeout: 2)
    }
  }

  deinit {
    terminate()
    closeInput()
    if let out = process.standardOutput as? Pipe { out.fileHandleForReading.readabilityHandler = nil }
    if let err = process.standardError as? Pipe { err.fileHandleForReading.readabilityHandler = nil }
  }
}

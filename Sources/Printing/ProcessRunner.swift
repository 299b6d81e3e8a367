import Foundation

/// What a finished command printed and how it exited.
struct ProcessOutcome: Sendable {
  /// The exit status.
  var status: Int32
  /// Its standard output.
  var stdout: String
  /// Its standard error.
  var stderr: String

  /// The first non-empty of stderr and stdout, trimmed, or the exit status.
  var message: String {
    for text in [stderr, stdout] {
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      if !trimmed.isEmpty { return trimmed }
    }
    return "exit status \(status)"
  }
}

/// Runs a command with bytes on its standard input and a time limit.
enum ProcessRunner {
  /// Runs `executable`; standard input is `input` (passed through a temporary file, so a command that
  /// exits early cannot raise SIGPIPE here). The command is killed after `timeout` seconds.
  static func run(_ executable: String, _ arguments: [String], input: [UInt8], timeout: TimeInterval)
    throws(PrintError) -> ProcessOutcome
  {
    let inputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("meterdesk-print-\(UUID().uuidString)").path
    guard FileManager.default.createFile(atPath: inputPath, contents: Data(input)),
      let inputHandle = FileHandle(forReadingAtPath: inputPath)
    else {
      throw PrintError(message: "cannot write the print job to \(inputPath)")
    }
    defer {
      try? inputHandle.close()
      try? FileManager.default.removeItem(atPath: inputPath)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = inputHandle
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    do {
      try process.run()
    } catch {
      throw PrintError(message: "cannot run \(executable): \(error.localizedDescription)")
    }
    let readers = DispatchGroup()
    let collected = CollectedOutput()
    for (pipe, isError) in [(output, false), (errors, true)] {
      let handle = pipe.fileHandleForReading
      DispatchQueue.global().async(group: readers) {
        collected.store(handle.readDataToEndOfFile(), isError: isError)
      }
    }
    if exited.wait(timeout: .now() + timeout) == .timedOut {
      // SIGKILL: a child may have inherited a signal mask that blocks SIGTERM.
      kill(process.processIdentifier, SIGKILL)
      _ = exited.wait(timeout: .now() + 2)
      throw PrintError(message: "\(executable) did not finish within \(Int(timeout)) s")
    }
    _ = readers.wait(timeout: .now() + 5)
    return ProcessOutcome(
      status: process.terminationStatus, stdout: collected.text(isError: false),
      stderr: collected.text(isError: true))
  }
}

/// Standard output and error read on other threads.
private final class CollectedOutput: @unchecked Sendable {
  /// Guards the buffers.
  private let lock = NSLock()
  /// Standard output.
  private var out = Data()
  /// Standard error.
  private var err = Data()

  /// Keeps what one stream printed.
  func store(_ data: Data, isError: Bool) {
    lock.lock()
    defer { lock.unlock() }
    if isError { err = data } else { out = data }
  }

  /// One stream as text.
  func text(isError: Bool) -> String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: isError ? err : out, as: UTF8.self)
  }
}

/// Finds commands on PATH.
enum ExecutableLocator {
  /// The full path of `name` on PATH (or the usual system folders), or nil.
  static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/sbin"]
    for folder in folders where !folder.isEmpty {
      let candidate = folder + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

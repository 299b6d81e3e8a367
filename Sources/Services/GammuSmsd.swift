import Foundation
import Store

/// Gammu's SMS daemon as MeterDesk uses it: messages handed over with `gammu-smsd-inject`, and, with
/// the files backend, their fate read back from the daemon's sent and error folders.
public struct GammuSmsd: Sendable {
  /// The daemon's configuration file (`gammu-smsd-inject -c`).
  public var configPath: String
  /// The inject program.
  public var injectPath: String
  /// Seconds an inject may take.
  public var timeout: TimeInterval

  /// The daemon configured by `configPath`; `gammu-smsd-inject` is looked up on the PATH.
  public init(configPath: String, injectPath: String? = nil, timeout: TimeInterval = 30) {
    self.configPath = configPath
    self.injectPath = injectPath ?? Self.findOnPath("gammu-smsd-inject") ?? "/usr/bin/gammu-smsd-inject"
    self.timeout = timeout
  }

  /// Why a message could not be handed over.
  public struct InjectError: Error, Sendable, CustomStringConvertible {
    /// What the program said.
    public var description: String
  }

  /// Hands a Unicode text message to the daemon; returns the daemon's id for it (the outbox file
  /// name with the files backend).
  ///
  /// Runs `gammu-smsd-inject -c CONFIG TEXT NUMBER -len N -unicode -textutf8 TEXT`: `-textutf8` so the
  /// text does not depend on the locale, `-len` so a long text becomes a multi-part message.
  public func inject(number: String, text: String) throws(InjectError) -> String {
    let length = max(160, text.unicodeScalars.count)
    let arguments = [
      "-c", configPath, "TEXT", number, "-len", "\(length)", "-unicode", "-textutf8", text,
    ]
    let outcome: (status: Int32, stdout: String, stderr: String)
    do {
      outcome = try Self.run(injectPath, arguments, timeout: timeout)
    } catch {
      throw InjectError(description: "cannot run \(injectPath): \(error)")
    }
    guard outcome.status == 0 else {
      let lines = (outcome.stderr + "\n" + outcome.stdout).split(separator: "\n")
      let last = lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init)
      throw InjectError(
        description: "gammu-smsd-inject exited \(outcome.status): \(last ?? "no message")")
    }
    for line in outcome.stdout.split(separator: "\n") {
      if let range = line.range(of: "Written message with ID ") {
        let id = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
        return (id as NSString).lastPathComponent
      }
    }
    return ""
  }

  /// Where a message handed over stands, read from the files backend's folders; nil when the daemon
  /// does not use the files backend or the message is still in its outbox.
  public func fate(of daemonId: String) -> SmsState? {
    guard !daemonId.isEmpty, let folders = filesFolders() else { return nil }
    let manager = FileManager.default
    if manager.fileExists(atPath: folders.sent + "/" + daemonId) { return .sent }
    if manager.fileExists(atPath: folders.error + "/" + daemonId) { return .failed }
    return nil
  }

  /// The files backend's sent and error folders, from the `[smsd]` section of the configuration.
  public func filesFolders() -> (outbox: String, sent: String, error: String)? {
    guard let text = try? String(contentsOfFile: configPath, encoding: .utf8) else { return nil }
    let smsd = Self.section("smsd", of: text)
    guard smsd["service"]?.lowercased() == "files" else { return nil }
    let outbox = smsd["outboxpath"] ?? "/var/spool/gammu/outbox/"
    let sent = smsd["sentsmspath"] ?? outbox
    let error = smsd["errorsmspath"] ?? sent
    return (outbox, sent, error)
  }

  /// The keys (lower-cased) and values of one section of an ini file.
  static func section(_ name: String, of text: String) -> [String: String] {
    var inSection = false
    var values: [String: String] = [:]
    for raw in text.split(whereSeparator: \.isNewline) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
      if line.hasPrefix("[") {
        inSection = line.lowercased() == "[\(name.lowercased())]"
        continue
      }
      guard inSection, let equals = line.firstIndex(of: "=") else { continue }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = String(value.dropFirst().dropLast())
      }
      values[key] = value
    }
    return values
  }

  static func findOnPath(_ program: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(program)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs a program with no input, collecting its output; kills it after `timeout` seconds.
  static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws
    -> (status: Int32, stdout: String, stderr: String)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    let readers = DispatchGroup()
    let collected = Collected()
    for (pipe, isError) in [(output, false), (errors, true)] {
      let handle = pipe.fileHandleForReading
      DispatchQueue.global().async(group: readers) {
        collected.store(handle.readDataToEndOfFile(), isError: isError)
      }
    }
    if exited.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      exited.wait()
    }
    readers.wait()
    let (stdout, stderr) = collected.texts
    return (process.terminationStatus, stdout, stderr)
  }

  private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func store(_ data: Data, isError: Bool) {
      lock.withLock {
        if isError { err = data } else { out = data }
      }
    }

    var texts: (String, String) {
      lock.withLock { (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self)) }
    }
  }
}

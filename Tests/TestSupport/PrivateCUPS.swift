import Foundation

/// A private CUPS scheduler for one test: `cupsd -f` with its configuration, spool, cache, state and logs
/// in a temporary directory, listening on 127.0.0.1 at a free port only (no domain socket, no browsing,
/// no Bonjour), so parallel tests and the machine's own cupsd never meet. Stopped by `stop()` or on
/// release, whatever path the test took; the directory goes with it.
public final class PrivateCUPS: @unchecked Sendable {
  /// Where the configuration, spool and logs live.
  private let directory: TemporaryDirectory
  /// The running cupsd.
  private var process: SpawnedDaemon?
  /// The port cupsd listens on.
  public private(set) var port: UInt16 = 0

  /// "127.0.0.1:<port>", for `lp -h` and `CUPSPrinter(server:)`.
  public var server: String { "127.0.0.1:\(port)" }

  /// Starts cupsd and waits until it answers.
  public init() throws {
    directory = try TemporaryDirectory()
    for folder in ["spool", "tmp", "cache", "state", "log", "ppd"] {
      try FileManager.default.createDirectory(
        atPath: directory.path(folder), withIntermediateDirectories: true)
    }
    let cupsd = try Self.tool("cupsd")
    for _ in 0..<3 {  // a port picked free can be taken before cupsd binds it: try another
      port = try FreePort.pick()
      try writeConfiguration()
      let process = try SpawnedDaemon(
        cupsd, ["-f", "-c", directory.path("cupsd.conf"), "-s", directory.path("cups-files.conf")],
        logPath: directory.path("log/cupsd.out"))
      if try waitUntilRunning(process) {
        self.process = process
        return
      }
      process.stop()
    }
    throw CUPSTestError("cupsd did not start; error_log:\n\(errorLog)")
  }

  /// cupsd.conf and cups-files.conf for this instance.
  private func writeConfiguration() throws {
    let root = directory.url.path
    let daemon = """
      LogLevel info
      Listen 127.0.0.1:\(port)
      Browsing No
      BrowseLocalProtocols none
      WebInterface No
      DefaultShared No
      DefaultAuthType None
      JobRetryInterval 1
      <Location />
        Order allow,deny
        Allow 127.0.0.1
      </Location>
      <Policy default>
        <Limit All>
          Order allow,deny
          Allow 127.0.0.1
        </Limit>
      </Policy>

      """
    let files = """
      ServerRoot \(root)
      RequestRoot \(root)/spool
      TempDir \(root)/tmp
      CacheDir \(root)/cache
      StateDir \(root)/state
      ErrorLog \(root)/log/error_log
      AccessLog \(root)/log/access_log
      PageLog \(root)/log/page_log
      Sandboxing relaxed
      FileDevice No

      """
    try daemon.write(toFile: directory.path("cupsd.conf"), atomically: true, encoding: .utf8)
    try files.write(toFile: directory.path("cups-files.conf"), atomically: true, encoding: .utf8)
  }

  /// Polls `lpstat -r` until the scheduler answers (true) or cupsd exits or 10 s pass (false).
  private func waitUntilRunning(_ process: SpawnedDaemon) throws -> Bool {
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline && process.isRunning {
      let status = try run("lpstat", ["-r"])
      if status.stdout.contains("scheduler is running") { return true }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return false
  }

  /// Runs a CUPS client tool (`lpadmin`, `lpstat`, `cupsreject` …) against this scheduler.
  @discardableResult
  public func run(_ tool: String, _ arguments: [String]) throws -> CommandResult {
    try CommandRunner.run(try Self.tool(tool), ["-h", server] + arguments)
  }

  /// Adds an enabled, accepting raw queue `name` sending to `device` (e.g. socket://127.0.0.1:port).
  public func addRawQueue(_ name: String, device: String) throws {
    let result = try run("lpadmin", ["-p", name, "-E", "-v", device, "-m", "raw"])
    // CUPS 2.4 warns that raw queues are deprecated; only the exit status matters.
    guard result.status == 0 else { throw CUPSTestError("lpadmin failed: \(result.stderr)\n\(errorLog)") }
  }

  /// cupsd's error log so far, for failure messages.
  public var errorLog: String {
    ["log/cupsd.out", "log/error_log"].map { name in
      (try? String(contentsOfFile: directory.path(name), encoding: .utf8)) ?? "(no \(name))"
    }.joined(separator: "\n")
  }

  /// Stops cupsd (SIGTERM, then SIGKILL) and waits for it to exit.
  public func stop() {
    process?.stop()
    process = nil
  }

  deinit { stop() }

  /// The full path of a CUPS program.
  public static func tool(_ name: String) throws -> String {
    for folder in ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"] {
      let path = folder + "/" + name
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    throw CUPSTestError("\(name) is not installed (make deps installs cups, cups-client, cups-bsd)")
  }
}

/// A CUPS test set-up step that failed.
public struct CUPSTestError: Error, CustomStringConvertible {
  /// What failed.
  public var description: String

  /// Creates the error.
  public init(_ description: String) { self.description = description }
}

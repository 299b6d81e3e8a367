import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A daemon (cupsd) started with `posix_spawn` and a clean signal mask, always stopped on release.
///
/// `Foundation.Process` children inherit the test thread's mask, in which SIGTERM is blocked: cupsd then
/// ignores SIGTERM and only dies by SIGKILL, skipping its own clean-up of jobs and backends. Spawned here,
/// SIGTERM stops it at once. Output goes to `logPath`.
public final class SpawnedDaemon: @unchecked Sendable {
  /// Its process id.
  public let pid: pid_t
  /// Guards `exited`.
  private let lock = NSLock()
  /// Set once the process has been reaped.
  private var exited = false

  /// Starts `path` with `arguments`; stdin is /dev/null, stdout and stderr go to `logPath`.
  public init(_ path: String, _ arguments: [String], logPath: String) throws {
    pid = try Spawn.start(path, arguments, output: logPath)
  }

  /// Whether it is still running (reaps it when it has exited).
  public var isRunning: Bool {
    lock.withLock {
      if exited { return false }
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid { exited = true }
      return !exited
    }
  }

  /// SIGTERM, then SIGKILL if it has not exited within five seconds; reaps it.
  public func stop() {
    guard isRunning else { return }
    kill(pid, SIGTERM)
    let deadline = Date().addingTimeInterval(5)
    while isRunning && Date() < deadline { usleep(10_000) }
    lock.withLock {
      guard !exited else { return }
      kill(pid, SIGKILL)
      var status: Int32 = 0
      _ = waitpid(pid, &status, 0)
      exited = true
    }
  }

  deinit { stop() }
}

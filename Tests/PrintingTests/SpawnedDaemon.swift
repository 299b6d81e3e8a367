import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A daemon (cupsd) started with `posix_spawn` and a clean signal mask, always stopped on release.
///
/// `Foundation.Process` children inherit the test thread's mask, in which SIGTERM is blocked: cupsd then
/// ignores SIGTERM and only dies by SIGKILL, skipping its own clean-up of jobs and backends. Spawned here,
/// SIGTERM stops it at once. Output goes to `logPath`.
final class SpawnedDaemon: @unchecked Sendable {
  /// Its process id.
  let pid: pid_t
  /// Guards `exited`.
  private let lock = NSLock()
  /// Set once the process has been reaped.
  private var exited = false

  /// Starts `path` with `arguments`; stdin is /dev/null, stdout and stderr go to `logPath`.
  init(_ path: String, _ arguments: [String], logPath: String) throws {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var child = pid_t()
    let status = posix_spawn(&child, path, &actions, &attributes, argv, environ)
    guard status == 0 else { throw ListenerError.system("posix_spawn \(path)", status) }
    pid = child
  }

  /// Whether it is still running (reaps it when it has exited).
  var isRunning: Bool {
    lock.withLock {
      if exited { return false }
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid { exited = true }
      return !exited
    }
  }

  /// SIGTERM, then SIGKILL if it has not exited within five seconds; reaps it.
  func stop() {
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

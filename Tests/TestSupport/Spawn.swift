import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Starts programs with posix_spawn: a clean signal mask and default dispositions, standard
/// input on /dev/null, output to a file or /dev/null — never a pipe that a daemonising child
/// could hold open.
///
/// `Foundation.Process` children inherit the test thread's mask, in which SIGTERM is blocked;
/// daemons started that way ignore SIGTERM and only die by SIGKILL.
public enum Spawn {
  /// Starts `path` with `arguments`; stdout and stderr go to `output` (created, truncated) or
  /// /dev/null. Returns the child's pid; the caller reaps it.
  public static func start(_ path: String, _ arguments: [String], output: String? = nil) throws
    -> pid_t
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
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
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard spawned == 0 else {
      throw NSError(
        domain: NSPOSIXErrorDomain, code: Int(spawned),
        userInfo: [NSLocalizedDescriptionKey: "posix_spawn \(path): \(String(cString: strerror(spawned)))"])
    }
    return pid
  }

  /// Runs `path` with `arguments` to completion and returns its exit status.
  public static func run(_ path: String, _ arguments: [String]) throws -> Int32 {
    let pid = try start(path, arguments)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  }
}

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// How a shell starts a daemon: `cmd … &` or `setsid cmd … &`, from a non-interactive bash, which
/// starts background jobs with SIGINT ignored.
enum Launch: String, Sendable {
  case background
  case setsid
}

/// A way to start and stop a daemon: how it is launched and the signal that stops it.
struct StopWay: Sendable, CustomStringConvertible {
  var launch: Launch
  var signal: Int32

  /// `&` and `setsid … &`, each stopped by SIGTERM and by SIGINT.
  static let all = [
    StopWay(launch: .background, signal: SIGTERM), StopWay(launch: .background, signal: SIGINT),
    StopWay(launch: .setsid, signal: SIGTERM), StopWay(launch: .setsid, signal: SIGINT),
  ]

  var description: String { "\(launch.rawValue) + \(signal == SIGTERM ? "TERM" : "INT")" }
}

/// A daemon started the way a shell does: `bash -c '"$bin" … & echo $! >pid; wait $!; echo $? >status'`.
///
/// bash itself is spawned with a clean signal mask and default dispositions; it waits for the
/// daemon and writes its exit status to a file. On release, a daemon still running is killed
/// (SIGKILL) and bash reaped, whatever path the test took.
final class ShellDaemon: @unchecked Sendable {
  /// The daemon's output (stdout and stderr).
  let outputPath: String
  private let folder: TemporaryDirectory
  private let shell: pid_t
  /// The daemon's pid (read from the pid file bash wrote).
  private(set) var pid: pid_t = 0

  static let script = """
    bin=$1; out=$2; dir=$3; how=$4; shift 4
    if [ "$how" = setsid ]; then setsid "$bin" "$@" >"$out" 2>&1 &
    else "$bin" "$@" >"$out" 2>&1 &
    fi
    pid=$!
    echo $pid >"$dir/pid.tmp" && mv "$dir/pid.tmp" "$dir/pid"
    wait $pid
    echo $? >"$dir/status.tmp" && mv "$dir/status.tmp" "$dir/status"
    """

  /// Starts `binary arguments` from bash as `launch` says and waits for its pid.
  init(_ binary: String, _ arguments: [String], launch: Launch) throws {
    folder = try TemporaryDirectory()
    outputPath = folder.path("output.log")
    shell = try Spawn.start(
      "/bin/bash",
      ["-c", Self.script, "bash", binary, outputPath, folder.url.path, launch.rawValue] + arguments,
      output: folder.path("bash.log"))
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: folder.path("pid"), encoding: .utf8),
        let number = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        pid = number
        return
      }
      usleep(10_000)
    }
    throw DaemonTestError("bash wrote no pid within 10 s")
  }

  /// Everything the daemon wrote so far.
  var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

  /// Waits until the output contains `text`.
  func waitForOutput(_ text: String, timeout: TimeInterval = 20) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if output.contains(text) { return true }
      if exitStatus != nil { return output.contains(text) }
      usleep(20_000)
    }
    return false
  }

  /// The daemon's exit status once bash has written it.
  var exitStatus: Int32? {
    guard let text = try? String(contentsOfFile: folder.path("status"), encoding: .utf8) else { return nil }
    return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Checks that the pid bash reported runs `binary` itself (not a wrapper that forked) and,
  /// under `setsid`, leads its own session.
  func expectIsItself(_ binary: String, launch: Launch, sourceLocation: SourceLocation = #_sourceLocation) {
    let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
    let built = URL(fileURLWithPath: binary).resolvingSymlinksInPath().path
    #expect(running == built, "pid \(pid) runs \(running ?? "nothing")", sourceLocation: sourceLocation)
    if launch == .setsid {
      #expect(getsid(pid) == pid, "setsid made it a session leader", sourceLocation: sourceLocation)
    }
  }

  /// Sends `signal` and waits up to `limit` seconds for the exit status; returns it (nil when
  /// still running) and the seconds it took.
  func stop(with signal: Int32, limit: TimeInterval = 5) -> (status: Int32?, seconds: Double) {
    let start = Date()
    kill(pid, signal)
    while Date().timeIntervalSince(start) < limit {
      if let status = exitStatus { return (status, Date().timeIntervalSince(start)) }
      usleep(10_000)
    }
    return (exitStatus, Date().timeIntervalSince(start))
  }

  deinit {
    if exitStatus == nil, pid > 0 { kill(pid, SIGKILL) }
    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(5)
    while waitpid(shell, &status, WNOHANG) == 0 {
      guard Date() < deadline else {
        kill(shell, SIGKILL)
        _ = waitpid(shell, &status, 0)
        return
      }
      usleep(10_000)
    }
  }
}

/// A failure of the test harness itself.
struct DaemonTestError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

import Glibc

/// Wakes a thread sleeping in `NcursesTerminal.nextEvent` from any thread (e.g. when an
/// acquisition event arrives), through a self-pipe.
public final class TerminalWaker: Sendable {
  /// The end `nextEvent` polls.
  public let readDescriptor: Int32
  /// The end `wake()` writes.
  let writeDescriptor: Int32

  /// A new non-blocking pipe.
  public init() throws(TerminalError) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw .system(call: "pipe", errno: errno) }
    for fd in fds {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    readDescriptor = fds[0]
    writeDescriptor = fds[1]
  }

  deinit {
    close(readDescriptor)
    close(writeDescriptor)
  }

  /// Makes the sleeping (or next) `nextEvent` return nil; safe from any thread and cheap
  /// when called repeatedly (a full pipe already means "woken").
  public func wake() {
    var byte: UInt8 = 1
    _ = write(writeDescriptor, &byte, 1)
  }

  /// Empties the pipe; returns true if there was anything to read.
  @discardableResult
  public func drain() -> Bool {
    var scratch = [UInt8](repeating: 0, count: 64)
    var any = false
    while true {
      let count = scratch.withUnsafeMutableBytes { read(readDescriptor, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      any = true
    }
    return any
  }
}

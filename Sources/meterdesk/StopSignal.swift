import Foundation
import Glibc

/// SIGTERM and SIGINT as a request to stop cleanly, for `serve`, `sim`, `poll`, `console`, `demo`.
///
/// `install()` puts `sigaction` handlers on both signals — also when they were ignored (a
/// non-interactive shell starts `&` jobs with SIGINT ignored) and unblocks them. The handler only
/// writes one byte to a self-pipe, which is never read: the pipe's readability *is* the request,
/// so `wait()` (a blocking `poll(2)`), `isRequested` (a `poll(2)` with timeout 0) and every
/// `onStop` action see it, however many times they look. The state lives in process-wide
/// statics used by the handler itself, so no optimizer can drop what it relies on (unlike a
/// Dispatch signal source kept by `_ = sources`).
enum StopSignal {
  /// The signals that ask for a stop.
  static let signals: [Int32] = [SIGTERM, SIGINT]

  /// Installs the handlers (the first call; later calls do nothing). Exits with a message when
  /// the pipe cannot be made (out of descriptors at start: nothing else would work either).
  static func install() {
    StopState.lock.lock()
    defer { StopState.lock.unlock() }
    guard StopState.readDescriptor < 0 else { return }
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else {
      printError("meterdesk: cannot create the stop pipe: \(String(cString: strerror(errno)))")
      exit(1)
    }
    for fd in fds {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    // Written before any handler exists; the handler only reads them.
    StopState.writeDescriptor = fds[1]
    StopState.readDescriptor = fds[0]
    StopState.received = 0
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for number in signals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { number in StopSignal.handle(number) }
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_RESTART
      sigaction(number, &action, nil)
      sigaddset(&unblock, number)
    }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
  }

  /// True once a stop was requested (a signal arrived or `request()` was called).
  static var isRequested: Bool { isReadable(timeoutMilliseconds: 0) }

  /// The signal that asked for the stop, or 0 (none yet, or `request()`).
  static var signalNumber: Int32 { Int32(StopState.received) }

  /// Blocks the calling thread until a stop is requested.
  static func wait() {
    while !isReadable(timeoutMilliseconds: -1) {}
  }

  /// Blocks until a stop is requested or `seconds` have passed; true when requested.
  static func wait(seconds: Double) -> Bool {
    isReadable(timeoutMilliseconds: Int32(max(0, min(seconds * 1000, Double(Int32.max)))))
  }

  /// Asks for a stop from inside the program, as a signal would.
  static func request() {
    install()
    var byte: UInt8 = 0
    _ = write(StopState.writeDescriptor, &byte, 1)
  }

  /// Runs `action` once, on a watcher thread, when a stop is requested (at once, on that
  /// thread, if it already was). Used to wake loops that sleep on something else.
  static func onStop(_ action: @escaping @Sendable () -> Void) {
    install()
    StopState.lock.lock()
    if StopState.fired {
      StopState.lock.unlock()
      action()
      return
    }
    StopState.actions.append(action)
    let startWatcher = !StopState.watching
    StopState.watching = true
    StopState.lock.unlock()
    guard startWatcher else { return }
    let thread = Thread {
      StopSignal.wait()
      StopState.lock.lock()
      StopState.fired = true
      let actions = StopState.actions
      StopState.actions.removeAll()
      StopState.lock.unlock()
      for action in actions { action() }
    }
    thread.name = "meterdesk.stop"
    thread.start()
  }

  /// Whether the pipe is readable within the timeout (-1: no limit); EINTR retries.
  private static func isReadable(timeoutMilliseconds: Int32) -> Bool {
    let descriptor = StopState.readDescriptor
    guard descriptor >= 0 else { return false }
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    while true {
      let result = Glibc.poll(&entry, 1, timeoutMilliseconds)
      if result > 0 { return entry.revents & Int16(POLLIN) != 0 }
      if result == 0 || errno != EINTR { return false }
    }
  }

  /// The handler: async-signal-safe (a store and a `write(2)`), errno preserved.
  private static func handle(_ number: Int32) {
    let savedErrno = errno
    StopState.received = sig_atomic_t(number)
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(StopState.writeDescriptor, &byte, 1)
    errno = savedErrno
  }
}

/// Process-wide state of `StopSignal`: the descriptors are set once, under the lock, before the
/// handlers are installed; the handler reads them and sets `received`.
private enum StopState {
  static let lock = NSLock()
  nonisolated(unsafe) static var readDescriptor: Int32 = -1
  nonisolated(unsafe) static var writeDescriptor: Int32 = -1
  nonisolated(unsafe) static var received: sig_atomic_t = 0
  nonisolated(unsafe) static var actions: [@Sendable () -> Void] = []
  nonisolated(unsafe) static var watching = false
  nonisolated(unsafe) static var fired = false
}

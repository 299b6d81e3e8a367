import Glibc

/// SIGWINCH handling that cannot be missed: the handler sets a flag and writes to the
/// waker's pipe, so a `poll` in `nextEvent` wakes even if the signal arrives just before it.
enum TerminalResizeSignal {
  nonisolated(unsafe) static var pending: sig_atomic_t = 0
  nonisolated(unsafe) static var wakeDescriptor: Int32 = -1

  static func install(wakeDescriptor descriptor: Int32) {
    pending = 0
    wakeDescriptor = descriptor
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      TerminalResizeSignal.pending = 1
      var byte: UInt8 = 2
      _ = write(TerminalResizeSignal.wakeDescriptor, &byte, 1)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(SIGWINCH, &action, nil)
  }

  static func takePending() -> Bool {
    guard pending != 0 else { return false }
    pending = 0
    return true
  }
}

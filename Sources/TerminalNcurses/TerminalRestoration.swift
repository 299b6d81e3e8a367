import Foundation
import Glibc

/// Restores the terminal however the process ends: normal exit (`atexit`), SIGINT,
/// SIGTERM, SIGHUP and crashes (SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP).
///
/// Signal handlers take an async-signal-safe path: the tty modes saved before curses
/// started are put back with `tcsetattr` and reset sequences (attributes off, cursor
/// shown, mouse reporting off, keypad mode off, main screen) are written with `write(2)`;
/// then the signal is re-raised with its earlier action (default for SIGINT/SIGTERM/SIGHUP,
/// e.g. the Swift backtracer for crashes). The `restore` closure runs at normal exit.
///
/// A terminating signal (SIGINT, SIGTERM, SIGHUP) whose disposition is not the default when
/// `install` runs is left alone: ignored stays ignored (e.g. SIGHUP under `nohup`), and a
/// handler the program installed first — such as one that asks the main loop to stop and
/// wakes it — keeps the signal, so the program ends normally and the `restore` closure runs
/// at exit (the console flushes its readings instead of dying by the signal).
public enum TerminalRestoration {
  /// Installs the handlers (once) and sets the closure run at exit (replacing any earlier one).
  public static func install(_ restore: @escaping @Sendable () -> Void) {
    RestorationState.lock.lock()
    RestorationState.restore = restore
    let first = !RestorationState.installed
    RestorationState.installed = true
    RestorationState.lock.unlock()
    guard first else { return }
    saveTerminalModes()
    _ = RestorationState.resetSequence.utf8Start  // touch statics outside signal context
    atexit { TerminalRestoration.runAtExit() }
    for signal in RestorationState.terminatingSignals + RestorationState.crashSignals {
      var current = sigaction()
      sigaction(signal, nil, &current)
      if RestorationState.terminatingSignals.contains(signal), !isDefault(current) {
        continue  // ignored (nohup) or the program's own clean-stop handler: keep it
      }
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in TerminalRestoration.handle(signal) }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      var previous = sigaction()
      sigaction(signal, &action, &previous)
      if RestorationState.crashSignals.contains(signal), Int(signal) < RestorationState.maxSignal {
        RestorationState.previousActions[Int(signal)] = previous
      }
    }
  }

  /// True for SIG_DFL (a null handler without SA_SIGINFO).
  private static func isDefault(_ action: sigaction) -> Bool {
    action.sa_flags & SA_SIGINFO == 0 && action.__sigaction_handler.sa_handler == nil
  }

  /// Records the tty modes of standard input (before curses changes them); only the first
  /// call counts.
  public static func saveTerminalModes() {
    guard !RestorationState.hasSavedModes else { return }
    if tcgetattr(STDIN_FILENO, &RestorationState.savedModes) == 0 {
      RestorationState.hasSavedModes = true
    }
  }

  /// Marks the terminal as restored, so the signal path writes nothing more.
  static func markRestored() {
    RestorationState.restored = 1
  }

  private static func runAtExit() {
    RestorationState.lock.lock()
    let restore = RestorationState.restore
    RestorationState.lock.unlock()
    restore?()
  }

  /// The async-signal-safe restoration, then the signal again with its earlier action.
  private static func handle(_ signal: Int32) {
    if RestorationState.restored == 0 {
      RestorationState.restored = 1
      if RestorationState.hasSavedModes {
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &RestorationState.savedModes)
      }
      let sequence = RestorationState.resetSequence
      _ = write(STDOUT_FILENO, sequence.utf8Start, sequence.utf8CodeUnitCount)
    }
    if Int(signal) < RestorationState.maxSignal, var previous = RestorationState.previousActions[Int(signal)]
    {
      sigaction(signal, &previous, nil)
    } else {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = SIG_DFL
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
    }
    raise(signal)
  }
}

/// Process-wide state shared with the signal handlers (written before they are installed).
enum RestorationState {
  static let lock = NSLock()
  nonisolated(unsafe) static var restore: (@Sendable () -> Void)?
  nonisolated(unsafe) static var installed = false
  nonisolated(unsafe) static var hasSavedModes = false
  nonisolated(unsafe) static var savedModes = termios()
  nonisolated(unsafe) static var restored: sig_atomic_t = 0
  static let maxSignal = 65
  nonisolated(unsafe) static var previousActions: [sigaction?] = Array(repeating: nil, count: 65)
  static let terminatingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP]
  /// Attributes off, cursor visible, mouse reporting off, keypad/cursor keys normal,
  /// main screen, new line.
  static let resetSequence: StaticString =
    "\u{1B}[0m\u{1B}[?25h\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?1l\u{1B}>\u{1B}[?1049l\r\n"
}

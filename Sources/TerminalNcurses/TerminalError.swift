/// Why the curses terminal could not start.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The locale's codeset is not UTF-8, so Chinese text would be garbled.
  case notUTF8(codeset: String)
  /// Standard input or output is not a terminal.
  case notATerminal
  /// ncurses refused to start (e.g. unknown `TERM`).
  case initializationFailed(String)
  /// A system call failed.
  case system(call: String, errno: Int32)

  /// A message for the operator.
  public var description: String {
    switch self {
    case .notUTF8(let codeset):
      return "MeterDesk needs a UTF-8 locale, but the current codeset is \(codeset); "
        + "set LANG (e.g. LANG=zh_CN.UTF-8 or LANG=C.UTF-8) and try again"
    case .notATerminal:
      return "MeterDesk's console needs a terminal on standard input and output"
    case .initializationFailed(let reason):
      return "cannot start the terminal: \(reason)"
    case .system(let call, let errno):
      return "\(call) failed (errno \(errno))"
    }
  }
}

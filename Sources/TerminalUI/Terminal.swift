/// What every app loop needs from a terminal (implemented by `NcursesTerminal` and `TestTerminal`).
public protocol Terminal: AnyObject {
  /// The current size in cells.
  var size: Size { get }
  /// Shows `buffer` (the terminal computes the minimal update).
  func draw(_ buffer: Buffer)
  /// Waits for the next event up to `timeout` (forever when nil); nil on timeout or wake.
  func nextEvent(timeout: Duration?) -> InputEvent?
}

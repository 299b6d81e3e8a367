/// A key the operator pressed, independent of the terminal's encoding.
public enum Key: Sendable, Hashable {
  /// A printable character (any script, e.g. Chinese from an input method).
  case character(Character)
  /// Enter / Return.
  case enter
  /// Escape.
  case escape
  /// Tab.
  case tab
  /// Shift-Tab.
  case backTab
  /// Backspace.
  case backspace
  /// Delete (forward).
  case delete
  /// Cursor up.
  case up
  /// Cursor down.
  case down
  /// Cursor left.
  case left
  /// Cursor right.
  case right
  /// Page Up.
  case pageUp
  /// Page Down.
  case pageDown
  /// Home.
  case home
  /// End.
  case end
  /// A function key F1–F12.
  case function(Int)
  /// Control plus a lowercase letter, e.g. `.control("c")`.
  case control(Character)
}

/// Which mouse button (or wheel direction) an event reports.
public enum MouseButton: Sendable, Hashable {
  /// Primary button.
  case left
  /// Secondary button.
  case right
  /// Middle button.
  case middle
  /// Wheel scrolled up.
  case wheelUp
  /// Wheel scrolled down.
  case wheelDown
}

/// Something the terminal reports: a key, a mouse click, or a new size.
public enum InputEvent: Sendable, Hashable {
  /// A key press.
  case key(Key)
  /// A mouse click at cell (`x`, `y`).
  case mouse(x: Int, y: Int, button: MouseButton)
  /// The terminal now has this size; redraw everything.
  case resize(Size)
}

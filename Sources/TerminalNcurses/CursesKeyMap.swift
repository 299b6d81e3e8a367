import CNcursesw
import TerminalUI

/// Maps what `get_wch` returns to `Key`s and mouse states to `MouseButton`s.
public enum CursesKeyMap {
  /// The key for a character `get_wch` returned with `OK` (control characters included).
  public static func key(forCharacter value: UInt32) -> Key? {
    switch value {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return Unicode.Scalar(value + 96).map { .control(Character($0)) }
    case 0..<32, 0x80..<0xA0: return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }

  /// The key for a key code `get_wch` returned with `KEY_CODE_YES` (nil for codes the
  /// console does not use, and for `KEY_RESIZE` / `KEY_MOUSE`, which the terminal handles).
  public static func key(forKeyCode code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME, KEY_A1: return .home
    case KEY_END, KEY_C1: return .end
    case KEY_PPAGE, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_C3: return .pageDown
    case KEY_DC: return .delete
    case KEY_BACKSPACE: return .backspace
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    default:
      let number = code - meterdesk_key_f(0)
      if (1...12).contains(number) { return .function(Int(number)) }
      return nil
    }
  }

  /// The button a mouse event's `bstate` reports, if it is one the console handles.
  public static func button(forState state: mmask_t) -> MouseButton? {
    if state & (meterdesk_button1_pressed() | meterdesk_button1_clicked()) != 0 { return .left }
    if state & (meterdesk_button3_pressed() | meterdesk_button3_clicked()) != 0 { return .right }
    if state & (meterdesk_button2_pressed() | meterdesk_button2_clicked()) != 0 { return .middle }
    if state & meterdesk_button4_pressed() != 0 { return .wheelUp }
    if state & meterdesk_button5_pressed() != 0 { return .wheelDown }
    return nil
  }

  /// The mask of mouse events the terminal asks for.
  public static var mouseMask: mmask_t {
    meterdesk_button1_pressed() | meterdesk_button2_pressed() | meterdesk_button3_pressed()
      | meterdesk_button4_pressed() | meterdesk_button5_pressed()
  }
}

import TextWidth

/// A one-line text field with a label, an editing cursor and a validation message.
public struct FormField: Sendable, Hashable {
  /// Label shown before the value.
  public var label: String
  /// The text entered.
  public var value: String
  /// Cursor position in characters (0 … value.count).
  public var cursor: Int
  /// Shows each character as "•" (passwords, PINs).
  public var secure: Bool
  /// Validation message shown under the field; cleared by any edit.
  public var error: String?
  /// Longest value accepted, in characters.
  public var maxLength: Int?

  /// A field with the cursor at the end of `value`.
  public init(label: String, value: String = "", secure: Bool = false) {
    self.label = label
    self.value = value
    self.cursor = value.count
    self.secure = secure
    self.error = nil
    self.maxLength = nil
  }

  /// The character shown in place of each secure character.
  public static let secureMask: Character = "•"

  /// The value as displayed: masked when `secure`.
  public var displayValue: String {
    secure ? String(repeating: FormField.secureMask, count: value.count) : value
  }

  /// Runs `rule` on the value and stores its message (nil means valid); returns validity.
  @discardableResult
  public mutating func validate(_ rule: (String) -> String?) -> Bool {
    error = rule(value)
    return error == nil
  }

  /// Edits the value: characters insert, Backspace/Delete remove, Left/Right/Home/End and
  /// Ctrl-A/Ctrl-E move, Ctrl-U clears; returns true if the key was consumed.
  public mutating func handle(_ key: Key) -> Bool {
    cursor = min(max(0, cursor), value.count)
    switch key {
    case .character(let character):
      guard DisplayWidth.of(character) > 0 else { return false }
      if let maxLength, value.count >= maxLength { return true }
      value.insert(character, at: value.index(value.startIndex, offsetBy: cursor))
      cursor += 1
      error = nil
    case .backspace:
      guard cursor > 0 else { return true }
      value.remove(at: value.index(value.startIndex, offsetBy: cursor - 1))
      cursor -= 1
      error = nil
    case .delete, .control("d"):
      guard cursor < value.count else { return true }
      value.remove(at: value.index(value.startIndex, offsetBy: cursor))
      error = nil
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(value.count, cursor + 1)
    case .home, .control("a"): cursor = 0
    case .end, .control("e"): cursor = value.count
    case .control("u"):
      value = ""
      cursor = 0
      error = nil
    default:
      return false
    }
    return true
  }

  /// Renders "label value" on the first row of `rect` and the error, if any, on the second.
  ///
  /// The label takes `labelWidth` cells (role `.normal`), the value the rest (role `.input`,
  /// or `.inputFocused` with the cursor cell in `.cursor` when focused), scrolled
  /// horizontally to keep the cursor visible. The error row uses role `.error`.
  public func render(into buffer: inout Buffer, rect: Rect, focused: Bool, labelWidth: Int) {
    guard rect.width > 0, rect.height > 0 else { return }
    let (labelRect, inputRect) = rect.row(0).splitHorizontally(left: labelWidth)
    buffer.write(label, in: labelRect, role: .normal, bold: focused)
    let inputRole: StyleRole = focused ? .inputFocused : .input
    buffer.fill(inputRect, role: inputRole)
    guard inputRect.width > 0 else { return }
    let shown = displayValue
    let clampedCursor = min(max(0, cursor), shown.count)
    let beforeCursor = shown.prefix(clampedCursor)
    let cursorX = DisplayWidth.of(beforeCursor)
    // Scroll so the cursor (and one cell after it) fits.
    var skipCells = 0
    var skipCharacters = 0
    if cursorX + 1 > inputRect.width {
      for character in beforeCursor {
        if cursorX - skipCells + 1 <= inputRect.width { break }
        skipCells += DisplayWidth.of(character)
        skipCharacters += 1
      }
    }
    let visible = shown.dropFirst(skipCharacters)
    buffer.write(String(visible), x: inputRect.x, y: inputRect.y, role: inputRole, maxWidth: inputRect.width)
    if focused {
      let x = inputRect.x + cursorX - skipCells
      let cursorCharacter = shown.dropFirst(clampedCursor).first
      let cursorWidth = cursorCharacter.map { DisplayWidth.of($0) } ?? 1
      buffer.setRole(
        .cursor, in: Rect(x: x, y: inputRect.y, width: min(cursorWidth, inputRect.maxX - x), height: 1))
    }
    if let error, rect.height > 1 {
      let errorRect = Rect(x: inputRect.x, y: rect.y + 1, width: inputRect.width, height: 1)
      buffer.write(error, in: errorRect, role: .error)
    }
  }
}

import CNcursesw
import TerminalUI
import Testing

@testable import TerminalNcurses

@Suite("Curses key mapping")
struct KeyMapTests {
  @Test("characters and control codes")
  func characters() {
    #expect(CursesKeyMap.key(forCharacter: 0x61) == .character("a"))
    #expect(CursesKeyMap.key(forCharacter: 0x738B) == .character("王"))
    #expect(CursesKeyMap.key(forCharacter: 13) == .enter)
    #expect(CursesKeyMap.key(forCharacter: 10) == .enter)
    #expect(CursesKeyMap.key(forCharacter: 9) == .tab)
    #expect(CursesKeyMap.key(forCharacter: 27) == .escape)
    #expect(CursesKeyMap.key(forCharacter: 127) == .backspace)
    #expect(CursesKeyMap.key(forCharacter: 8) == .backspace)
    #expect(CursesKeyMap.key(forCharacter: 3) == .control("c"))
    #expect(CursesKeyMap.key(forCharacter: 21) == .control("u"))
    #expect(CursesKeyMap.key(forCharacter: 0) == nil)
    #expect(CursesKeyMap.key(forCharacter: 0x85) == nil)
    #expect(CursesKeyMap.key(forCharacter: 0xD800) == nil)
  }

  @Test("key codes")
  func keyCodes() {
    let expected: [(Int32, Key)] = [
      (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
      (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
      (KEY_DC, .delete), (KEY_BACKSPACE, .backspace), (KEY_ENTER, .enter), (KEY_BTAB, .backTab),
      (meterdesk_key_f(1), .function(1)), (meterdesk_key_f(10), .function(10)),
      (meterdesk_key_f(12), .function(12)),
    ]
    for (code, key) in expected {
      #expect(CursesKeyMap.key(forKeyCode: code) == key)
    }
    #expect(CursesKeyMap.key(forKeyCode: meterdesk_key_f(13)) == nil)
    #expect(CursesKeyMap.key(forKeyCode: KEY_IC) == nil)
  }

  @Test("mouse buttons")
  func mouse() {
    #expect(CursesKeyMap.button(forState: meterdesk_button1_pressed()) == .left)
    #expect(CursesKeyMap.button(forState: meterdesk_button1_clicked()) == .left)
    #expect(CursesKeyMap.button(forState: meterdesk_button3_pressed()) == .right)
    #expect(CursesKeyMap.button(forState: meterdesk_button2_pressed()) == .middle)
    #expect(CursesKeyMap.button(forState: meterdesk_button4_pressed()) == .wheelUp)
    #expect(CursesKeyMap.button(forState: meterdesk_button5_pressed()) == .wheelDown)
    #expect(CursesKeyMap.button(forState: 0) == nil)
  }

  @Test("colour mode detection")
  func colorMode() {
    #expect(ColorModeDetection.detect(noColor: "1", colors: 256, hasColors: true) == .monochrome)
    #expect(ColorModeDetection.detect(noColor: "", colors: 256, hasColors: true) == .colors256)
    #expect(ColorModeDetection.detect(noColor: nil, colors: 8, hasColors: true) == .colors8)
    #expect(ColorModeDetection.detect(noColor: nil, colors: 16, hasColors: true) == .colors8)
    #expect(ColorModeDetection.detect(noColor: nil, colors: 256, hasColors: false) == .monochrome)
  }

  @Test("UTF-8 codeset names")
  func codesets() {
    #expect(NcursesTerminal.isUTF8(codeset: "UTF-8"))
    #expect(NcursesTerminal.isUTF8(codeset: "utf8"))
    #expect(!NcursesTerminal.isUTF8(codeset: "ANSI_X3.4-1968"))
    #expect(!NcursesTerminal.isUTF8(codeset: "GB18030"))
  }

  @Test("colour pairs are allocated once per colour combination")
  func pairs() {
    var table = ColorPairTable(maxPairs: 3)
    let requests: [(TerminalColor, TerminalColor)] = [
      (.default, .default), (.indexed(1), .default), (.indexed(1), .default),
      (.indexed(2), .indexed(0)), (.indexed(3), .default),
    ]
    let results = requests.map { table.pair(foreground: $0.0, background: $0.1) }
    #expect(results.map(\.number) == [0, 1, 1, 2, 0])  // the last: pairs exhausted
    #expect(results.map(\.isNew) == [false, true, false, true, false])
    #expect(ColorPairTable.cursesColor(.default) == -1)
    #expect(ColorPairTable.cursesColor(.indexed(208)) == 208)
  }
}

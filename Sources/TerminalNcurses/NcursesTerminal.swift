import CNcursesw
import Glibc
import TerminalUI

/// The real terminal: paints `Buffer`s with ncursesw wide-character calls and colour pairs,
/// and sleeps in `nextEvent` until a key, a click, a resize or a `waker.wake()`.
///
/// A typical app loop (no busy polling, at most ~30 frames a second):
/// ```swift
/// var limiter = FrameLimiter()
/// var dirty = true
/// while running {
///   if dirty, limiter.shouldDraw(now: .now) { terminal.draw(view(state)); dirty = false }
///   let wait = dirty ? limiter.delayUntilNextFrame(now: .now) : nil  // nil: until input or wake
///   if let event = terminal.nextEvent(timeout: wait) { update(&state, event); dirty = true }
///   if mailbox.drain(into: &state) { dirty = true }  // acquisition called waker.wake()
/// }
/// ```
public final class NcursesTerminal: Terminal {
  /// The current size in cells (updated on resize).
  public private(set) var size: Size
  /// Wakes `nextEvent` from other threads (e.g. when acquisition reports something).
  public let waker: TerminalWaker
  /// The colour mode in use.
  public let colorMode: ColorMode
  /// The theme in use.
  public let theme: Theme

  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private var pairs: ColorPairTable
  private var styleCache: [StyleRole: (attributes: attr_t, pair: Int16)] = [:]
  private var characterScratch = [wchar_t](repeating: 0, count: 8)
  private var isRestored = false
  private let inputDescriptor: Int32
  private let outputDescriptor: Int32

  /// Starts curses on standard input/output.
  ///
  /// Sets the locale from the environment and refuses non-UTF-8 codesets; picks the colour
  /// mode (`colorMode`, or `NO_COLOR` → monochrome, 256 colours, 8 colours, monochrome);
  /// enables mouse clicks when `mouse`; installs `TerminalRestoration` with `restore()`.
  public convenience init(theme: Theme, colorMode: ColorMode? = nil, mouse: Bool = true)
    throws(TerminalError)
  {
    try self.init(
      theme: theme, colorMode: colorMode, mouse: mouse, input: STDIN_FILENO,
      output: STDOUT_FILENO, terminalType: nil, installsHandlers: true)
  }

  /// Starts curses on the terminal open on `input`/`output` (a pty in tests), with
  /// `terminalType` instead of `$TERM` when given; `installsHandlers` installs
  /// `TerminalRestoration` and the SIGWINCH handler.
  init(
    theme: Theme, colorMode: ColorMode?, mouse: Bool, input: Int32, output: Int32,
    terminalType: String?, installsHandlers: Bool
  ) throws(TerminalError) {
    setlocale(LC_ALL, "")
    let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? "unknown"
    guard NcursesTerminal.isUTF8(codeset: codeset) else { throw .notUTF8(codeset: codeset) }
    guard isatty(input) == 1, isatty(output) == 1 else { throw .notATerminal }
    inputDescriptor = input
    outputDescriptor = output
    waker = try TerminalWaker()
    if installsHandlers { TerminalRestoration.saveTerminalModes() }
    let outputFile =
      output == STDOUT_FILENO ? meterdesk_stdout() : fdopen(output, "w")
    let inputFile = input == STDIN_FILENO ? meterdesk_stdin() : fdopen(input, "r")
    guard let outputFile, let inputFile,
      let screen = newterm(terminalType, outputFile, inputFile)
    else {
      let term = terminalType ?? getenv("TERM").map { String(cString: $0) } ?? "(unset)"
      throw .initializationFailed("ncurses does not know TERM=\(term)")
    }
    self.screen = screen
    _ = set_term(screen)
    guard let window = meterdesk_stdscr() else {
      endwin()
      throw .initializationFailed("no standard screen")
    }
    self.window = window
    self.theme = theme
    cbreak()
    noecho()
    nonl()
    _ = keypad(window, true)
    _ = intrflush(window, false)
    _ = nodelay(window, true)
    _ = curs_set(0)
    _ = set_escdelay(25)
    let capability = ColorModeDetection.detect(
      noColor: nil, colors: Int(tigetnum("colors")), hasColors: has_colors())
    var mode =
      colorMode
      ?? ColorModeDetection.detect(
        noColor: getenv("NO_COLOR").map { String(cString: $0) },
        colors: Int(tigetnum("colors")), hasColors: has_colors())
    if mode == .colors256 && capability != .colors256 { mode = capability }
    if mode != .monochrome && has_colors() {
      _ = start_color()
      _ = use_default_colors()
      if meterdesk_colors() < 256 && mode == .colors256 { mode = .colors8 }
      self.colorMode = mode
    } else {
      self.colorMode = .monochrome
    }
    pairs = ColorPairTable(maxPairs: Int(min(meterdesk_color_pairs(), 32767)))
    if mouse {
      _ = mousemask(CursesKeyMap.mouseMask, nil)
      _ = mouseinterval(0)
    }
    size = Size(width: Int(meterdesk_cols()), height: Int(meterdesk_lines()))
    if installsHandlers {
      TerminalResizeSignal.install(wakeDescriptor: waker.writeDescriptor)
      TerminalRestoration.install {
        if !isendwin() { endwin() }
      }
    }
  }

  deinit {
    restore()
  }

  /// True for codesets naming UTF-8 ("UTF-8", "utf8").
  public static func isUTF8(codeset: String) -> Bool {
    let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
    return normalized == "utf8"
  }

  /// Paints `buffer` cell by cell (continuation cells skipped) and lets ncurses send the
  /// minimal update.
  public func draw(_ buffer: Buffer) {
    guard !isRestored else { return }
    let rows = min(buffer.size.height, size.height)
    let columns = min(buffer.size.width, size.width)
    guard rows > 0, columns > 0 else { return }
    if buffer.size != size { _ = werase(window) }  // a stale size: clear what the buffer misses
    var cell = cchar_t()
    for y in 0..<rows {
      for x in 0..<columns {
        let source = buffer[x, y]
        if source.isContinuation { continue }
        let style = resolvedStyle(source.role)
        var attributes = style.attributes
        if source.bold { attributes |= meterdesk_a_bold() }
        // A wide character in the last column cannot be shown; paint a space.
        let character: Character =
          x == columns - 1 && x + 1 < buffer.size.width
            && buffer[x + 1, y].isContinuation ? " " : source.character
        var count = 0
        for scalar in character.unicodeScalars where count < characterScratch.count - 1 {
          characterScratch[count] = wchar_t(bitPattern: scalar.value)
          count += 1
        }
        characterScratch[count] = 0
        characterScratch.withUnsafeBufferPointer { pointer in
          _ = setcchar(&cell, pointer.baseAddress, attributes, style.pair, nil)
        }
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
      }
    }
    _ = wrefresh(window)
  }

  /// Waits up to `timeout` (forever when nil) for input; returns the event, or nil on
  /// timeout or when woken by `waker`.
  public func nextEvent(timeout: Duration?) -> InputEvent? {
    guard !isRestored else { return nil }
    let deadline = timeout.map { ContinuousClock.now + $0 }
    while true {
      if TerminalResizeSignal.takePending(), let event = resizeEvent(fromSignal: true) {
        return event
      }
      if let event = readPendingInput() { return event }
      var descriptors = [
        pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: waker.readDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      var milliseconds: Int32 = -1
      if let deadline {
        let remaining = deadline - ContinuousClock.now
        if remaining <= .zero { return nil }
        let (seconds, attoseconds) = remaining.components
        milliseconds = Int32(
          clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
      }
      let ready = poll(&descriptors, 2, milliseconds)
      if ready < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if ready == 0 { return nil }
      if descriptors[1].revents != 0 {
        waker.drain()
        if TerminalResizeSignal.takePending() { return resizeEvent(fromSignal: true) }
        return nil
      }
    }
  }

  /// Ends curses and restores the terminal; safe to call more than once.
  public func restore() {
    guard !isRestored else { return }
    isRestored = true
    TerminalRestoration.markRestored()
    endwin()
  }

  private func readPendingInput() -> InputEvent? {
    while true {
      var character: wint_t = 0
      let status = wget_wch(window, &character)
      if status == ERR { return nil }
      if status == KEY_CODE_YES {
        let code = Int32(bitPattern: character)
        if code == KEY_RESIZE {
          if let event = resizeEvent(fromSignal: false) { return event }
          continue
        }
        if code == KEY_MOUSE {
          var event = MEVENT()
          guard getmouse(&event) == OK, let button = CursesKeyMap.button(forState: event.bstate)
          else { continue }
          return .mouse(x: Int(event.x), y: Int(event.y), button: button)
        }
        if let key = CursesKeyMap.key(forKeyCode: code) { return .key(key) }
        continue
      }
      if let key = CursesKeyMap.key(forCharacter: UInt32(character)) { return .key(key) }
    }
  }

  /// Takes the new terminal size after SIGWINCH (what the signal path does).
  func noteResize() -> InputEvent? { resizeEvent(fromSignal: true) }

  /// After SIGWINCH (`fromSignal`: ask the tty and resize curses) or curses' own
  /// `KEY_RESIZE` (already resized): `.resize` when the size changed, else nil.
  private func resizeEvent(fromSignal: Bool) -> InputEvent? {
    if fromSignal {
      var windowSize = winsize()
      if ioctl(outputDescriptor, UInt(TIOCGWINSZ), &windowSize) == 0, windowSize.ws_row > 0,
        windowSize.ws_col > 0,
        Int32(windowSize.ws_row) != meterdesk_lines() || Int32(windowSize.ws_col) != meterdesk_cols()
      {
        _ = resizeterm(Int32(windowSize.ws_row), Int32(windowSize.ws_col))
      }
    }
    let newSize = Size(width: Int(meterdesk_cols()), height: Int(meterdesk_lines()))
    guard newSize != size else { return nil }
    size = newSize
    _ = wclear(window)
    return .resize(newSize)
  }

  private func resolvedStyle(_ role: StyleRole) -> (attributes: attr_t, pair: Int16) {
    if let cached = styleCache[role] { return cached }
    let style = theme.style(for: role, colors: colorMode)
    var attributes = meterdesk_a_normal()
    if style.bold { attributes |= meterdesk_a_bold() }
    if style.underline { attributes |= meterdesk_a_underline() }
    if style.reverse { attributes |= meterdesk_a_reverse() }
    if style.dim { attributes |= meterdesk_a_dim() }
    var pair: Int16 = 0
    if colorMode != .monochrome {
      let (number, isNew) = pairs.pair(foreground: style.foreground, background: style.background)
      if isNew {
        _ = init_pair(
          number, ColorPairTable.cursesColor(style.foreground),
          ColorPairTable.cursesColor(style.background))
      }
      pair = number
    }
    let resolved = (attributes, pair)
    styleCache[role] = resolved
    return resolved
  }
}

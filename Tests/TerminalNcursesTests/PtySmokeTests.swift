import Foundation
import Glibc
import TerminalUI
import Testing

@testable import TerminalNcurses

/// A pseudo-terminal pair: the test plays the terminal emulator on `master`.
final class PseudoTerminal {
  let master: Int32
  let slave: Int32

  init(width: Int, height: Int) throws {
    // posix_openpt/unlockpt/ptsname through /dev/ptmx and its ioctls (TIOCSPTLCK,
    // TIOCGPTN): the Swift Glibc module does not export the XSI pty functions.
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard master >= 0, ioctl(master, UInt(0x4004_5431), &unlock) == 0,
      ioctl(master, UInt(0x8004_5430), &number) == 0
    else { throw TerminalError.system(call: "open /dev/ptmx", errno: errno) }
    slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard slave >= 0 else { throw TerminalError.system(call: "open pty", errno: errno) }
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    resize(width: width, height: height)
  }

  func resize(width: Int, height: Int) {
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
  }

  /// Everything the program wrote so far.
  func output() -> String {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    for _ in 0..<50 {
      let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count > 0 {
        bytes += chunk[0..<count]
      } else {
        if !bytes.isEmpty { break }
        usleep(2_000)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Types `text` as if on the keyboard.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  deinit {
    close(slave)
    close(master)
  }
}

@Suite("ncurses terminal on a pty", .serialized)
struct PtySmokeTests {
  // `swift test` sets NO_COLOR, so the colour mode is given explicitly here.
  @Test("paints wide characters with colours, reads keys, wakes, resizes")
  func smoke() throws {
    setenv("LC_ALL", "C.UTF-8", 1)
    let pty = try PseudoTerminal(width: 40, height: 10)
    let terminal = try NcursesTerminal(
      theme: .builtInDefault, colorMode: .colors256, mouse: true, input: pty.slave, output: pty.slave,
      terminalType: "xterm-256color", installsHandlers: false)
    defer { terminal.restore() }
    #expect(terminal.size == Size(width: 40, height: 10))
    #expect(terminal.colorMode == .colors256)

    var buffer = Buffer(size: terminal.size)
    buffer.write("王芳 A-101", x: 2, y: 1, role: .alarm2)
    buffer.write("ok", x: 0, y: 3, role: .normalStatus)
    terminal.draw(buffer)
    let painted = pty.output()
    #expect(painted.contains("王芳"))
    #expect(painted.contains("A-101"))
    #expect(painted.contains("196m"))  // alarm2 foreground, 256-colour palette

    pty.type("a")
    #expect(terminal.nextEvent(timeout: .seconds(2)) == .key(.character("a")))
    pty.type("中")
    #expect(terminal.nextEvent(timeout: .seconds(2)) == .key(.character("中")))
    pty.type("\u{1B}OP")
    #expect(terminal.nextEvent(timeout: .seconds(2)) == .key(.function(1)))
    pty.type("\u{1B}OB")
    #expect(terminal.nextEvent(timeout: .seconds(2)) == .key(.down))

    #expect(terminal.nextEvent(timeout: .milliseconds(30)) == nil)
    let waker = terminal.waker
    let thread = Thread { waker.wake() }
    let started = ContinuousClock.now
    thread.start()
    #expect(terminal.nextEvent(timeout: .seconds(5)) == nil)
    #expect(ContinuousClock.now - started < .seconds(4))

    pty.resize(width: 60, height: 12)
    #expect(terminal.noteResize() == .resize(Size(width: 60, height: 12)))
    #expect(terminal.size == Size(width: 60, height: 12))

    terminal.restore()
    terminal.restore()  // idempotent
    #expect(terminal.nextEvent(timeout: .milliseconds(1)) == nil)
  }
}

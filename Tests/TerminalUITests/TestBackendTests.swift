import TerminalUI
import Testing

@Suite("Test backend and terminal")
struct TestBackendTests {
  @Test("snapshot is text, a separator, then the role map")
  func snapshot() {
    var backend = TestBackend(size: Size(width: 4, height: 2))
    #expect(backend.snapshot().isEmpty)
    var buffer = Buffer(size: backend.size)
    buffer.write("王a", x: 0, y: 0, role: .alarm1)
    buffer.write("ok", x: 0, y: 1, role: .success)
    backend.draw(buffer)
    #expect(backend.frames.count == 1)
    #expect(backend.snapshot() == "王a \nok  \n--- roles ---\n111.\ngg..")
  }

  @Test("test terminal replays events, records frames, and reports resizes")
  func terminal() {
    let terminal = TestTerminal(size: Size(width: 80, height: 24), events: [.key(.function(1))])
    #expect(terminal.nextEvent(timeout: .seconds(1)) == .key(.function(1)))
    #expect(terminal.nextEvent(timeout: nil) == nil)
    terminal.resize(to: Size(width: 160, height: 48))
    #expect(terminal.size == Size(width: 160, height: 48))
    #expect(terminal.nextEvent(timeout: nil) == .resize(Size(width: 160, height: 48)))
    terminal.draw(Buffer(size: terminal.size))
    #expect(terminal.backend.frames.count == 1)
    let asProtocol: any Terminal = terminal
    #expect(asProtocol.size.width == 160)
  }
}

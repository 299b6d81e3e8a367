import Domain
import Screens
import TerminalUI
import Testing

/// Every screen rendered through `AppView` at 80×24 and 160×48 in both languages, against goldens.
@Suite struct GoldenScreenTests {
  static let cases: [(Language, Size)] = [
    (.zh, SampleSite.small), (.en, SampleSite.small), (.zh, SampleSite.large), (.en, SampleSite.large),
  ]

  static func name(_ screen: String, _ language: Language, _ size: Size) -> String {
    "\(screen)-\(language.rawValue)-\(size.width)x\(size.height)"
  }

  @discardableResult
  static func send(_ state: inout AppState, _ actions: AppAction...) -> [Effect] {
    actions.flatMap { AppReducer.update(&state, $0) }
  }

  static func key(_ key: Key) -> AppAction { .input(.key(key)) }

  static func type(_ text: String) -> [AppAction] { text.map { .input(.key(.character($0))) } }

  @Test(arguments: cases)
  func login(language: Language, size: Size) throws {
    var state = AppState(
      language: language, demoMode: true, size: size, now: SampleSite.now, clock: SampleSite.clock)
    for action in Self.type("cashier") + [Self.key(.tab)] + Self.type("secret") { Self.send(&state, action) }
    Self.send(&state, .loginRefused(.wrongPassword(attemptsLeft: 3)))
    try Golden.check(AppView.render(state), Self.name("login", language, size))
  }

  @Test(arguments: cases)
  func grid(language: Language, size: Size) throws {
    var state = SampleSite.app(language: language, size: size)
    Self.send(&state, Self.key(.down), Self.key(.character(" ")), Self.key(.down))
    try Golden.check(AppView.render(state), Self.name("grid", language, size))
  }

  @Test(arguments: cases)
  func detail(language: Language, size: Size) throws {
    var state = SampleSite.app(language: language, size: size)
    for action in [Self.key(.character("/"))] + Self.type("A103") + [Self.key(.enter), Self.key(.enter)] {
      Self.send(&state, action)
    }
    #expect(state.screen == .detail)
    Self.send(&state, .detailLoaded(SampleSite.detail), Self.key(.function(5)))
    try Golden.check(AppView.render(state), Self.name("detail", language, size))
  }

  @Test(arguments: cases)
  func buses(language: Language, size: Size) throws {
    var state = SampleSite.app(language: language, size: size, role: .electrician)
    Self.send(
      &state, Self.key(.function(8)), .busesLoaded(SampleSite.buses), Self.key(.down), Self.key(.enter))
    Self.send(&state, .traceReceived(bus: "B02", SampleSite.trace))
    try Golden.check(AppView.render(state), Self.name("buses", language, size))
  }

  @Test(arguments: cases)
  func help(language: Language, size: Size) throws {
    var state = SampleSite.app(language: language, size: size)
    Self.send(&state, Self.key(.function(1)))
    try Golden.check(AppView.render(state), Self.name("help", language, size))
  }

  @Test(arguments: cases)
  func quitConfirmation(language: Language, size: Size) throws {
    var state = SampleSite.app(language: language, size: size)
    Self.send(&state, .pendingWorkChanged(2), Self.key(.function(10)))
    try Golden.check(AppView.render(state), Self.name("quit", language, size))
  }
}

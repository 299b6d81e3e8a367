import Domain
import Foundation
import Screens
import TerminalUI
import Testing

@Suite struct LoginTests {
  func fresh(demo: Bool = false, language: Language = .en) -> AppState {
    AppState(
      language: language, demoMode: demo, size: SampleSite.small, now: SampleSite.now, clock: SampleSite.clock
    )
  }

  @Test func tabAndEnterMoveToPasswordAndEnterSubmits() {
    var state = fresh()
    #expect(state.login.focus == .operatorName)
    state.type("cashier")
    #expect(state.press(.tab).isEmpty)
    #expect(state.login.focus == .password)
    state.press(.backTab)
    #expect(state.login.focus == .operatorName)
    #expect(state.press(.enter).isEmpty)
    #expect(state.login.focus == .password)
    state.type("pa?ss")
    #expect(state.overlay == nil, "? is text on the login screen")
    #expect(state.press(.enter) == [.logIn(name: "cashier", password: "pa?ss")])
    #expect(state.login.submitting)
    #expect(state.rendered.find("Logging in…") != nil)
  }

  @Test func emptyOperatorIsRefusedLocally() {
    var state = fresh()
    state.press(.tab)
    state.type("x")
    #expect(state.press(.enter).isEmpty)
    #expect(state.login.focus == .operatorName)
    #expect(state.rendered.find("Enter the operator name") != nil)
  }

  @Test func refusalsAreShownAndPasswordCleared() throws {
    var state = fresh(language: .zh)
    state.type("admin")
    state.press(.enter)
    state.type("wrong")
    state.press(.enter)
    state.send(.loginRefused(.wrongPassword(attemptsLeft: nil)))
    #expect(state.login.passwordField.value.isEmpty)
    #expect(!state.login.submitting)
    let buffer = state.rendered
    let position = try #require(buffer.find("操作员或密码错误"))
    #expect(buffer[position.x, position.y].role == .error)
    let lockedUntil = SampleSite.now.addingTimeInterval(300)
    state.send(.loginRefused(.lockedUntil(lockedUntil)))
    #expect(state.rendered.find("已锁定至 12:05") != nil)
    state.type("a")
    #expect(state.rendered.find("已锁定至") == nil, "typing clears the message")
  }

  @Test func demoAccountsOnlyInDemoMode() {
    let accounts = ["cashier/cashier", "supervisor/supervisor", "electrician/electrician", "admin/admin"]
    let demo = fresh(demo: true).rendered
    let plain = fresh(demo: false).rendered
    for account in accounts {
      #expect(demo.find(account) != nil)
      #expect(plain.find(account) == nil)
    }
  }

  @Test func loggedInOpensTheGridAndLoadsMeters() {
    var state = fresh()
    state.type("admin")
    state.press(.enter)
    state.type("admin")
    state.press(.enter)
    #expect(state.send(.loggedIn(OperatorSession(name: "admin", role: .admin))) == [.loadMeters])
    #expect(state.screen == .grid)
    #expect(state.login.passwordField.value.isEmpty, "the password does not linger in memory")
    #expect(state.rendered.find("Loading meters…") != nil)
  }

  @Test func functionKeysOtherThanHelpAndQuitDoNothingBeforeLogin() {
    var state = fresh()
    #expect(state.press(.function(8), .function(3), .function(5)).isEmpty)
    #expect(state.screen == .login)
    #expect(state.press(.function(10)) == [.quit])
  }
}

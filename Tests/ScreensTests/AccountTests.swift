import Domain
import Foundation
import Screens
import TerminalUI
import Testing

/// The accounts screen (账户): list, search, meters, opening and closing.
@Suite struct AccountTests {
  static let rows = [
    AccountRow(
      account: "H00001", tenant: "上海星河物业管理有限公司", phone: "13800138000", shop: "A101",
      meters: ["202401000001"], closed: false),
    AccountRow(
      account: "H00002", tenant: "张记面馆", phone: "13912345678", shop: "A102",
      meters: ["202401000002", "202401000003"], closed: false),
    AccountRow(account: "H00009", tenant: "旧户", phone: "", shop: "B9", meters: [], closed: true),
  ]

  /// The accounts screen open for `role` with the sample rows loaded.
  static func open(_ language: Language = .en, role: Role = .admin) -> AppState {
    var state = SampleSite.app(language: language, size: SampleSite.large, role: role)
    let effects = state.press(.character("a"))
    #expect(effects == [.loadAccounts(search: "")])
    state.send(.accountsLoaded(rows))
    return state
  }

  @Test("q sets the selected account's kiosk query password: typed twice, masked, then saved")
  func queryPassword() {
    var state = Self.open()
    #expect(state.type("q").isEmpty)
    #expect(state.rendered.find("Kiosk query password of account H00001") != nil)
    state.type("246810")
    state.press(.tab)
    state.type("246811")
    #expect(state.press(.enter).isEmpty)
    #expect(state.rendered.find("The passwords differ") != nil && state.rendered.find("246810") == nil)
    state.press(.backspace)
    state.type("0")
    #expect(state.press(.enter) == [.setQueryPassword(account: "H00001", password: "246810")])
    state.send(.accountQueryPasswordSet(account: "H00001", error: nil))
    #expect(state.rendered.find("Query password of account H00001 set") != nil)
    var cashierClosed = Self.open(role: .cashier)
    cashierClosed.press(.end)
    #expect(cashierClosed.type("q").isEmpty)
    #expect(cashierClosed.rendered.find("This account is already closed") != nil)
  }

  @Test("a opens the accounts table; Esc goes back to the grid")
  func openAndLeave() {
    var state = Self.open()
    #expect(state.screen == .accounts)
    let frame = state.rendered
    #expect(frame.find("张记面馆") != nil)
    #expect(frame.find("202401000002 202401000003") != nil)
    #expect(frame.find("Closed") != nil)
    state.press(.escape)
    #expect(state.screen == .grid)
    #expect(state.accounts == nil)
  }

  @Test("/ searches through the services, Chinese included; Esc clears the search")
  func search() {
    var state = Self.open()
    state.press(.character("/"))
    #expect(state.accounts?.searching == true)
    #expect(state.type("张记") == [.loadAccounts(search: "张"), .loadAccounts(search: "张记")])
    state.send(.accountsLoaded([Self.rows[1]]))
    #expect(state.accounts?.rows.count == 1)
    #expect(state.press(.escape) == [.loadAccounts(search: "")])
    #expect(state.screen == .accounts)
  }

  @Test("Enter shows the account's meters with their live remaining amount")
  func meters() {
    var state = Self.open()
    state.press(.down, .enter)
    #expect(state.accounts?.phase == .meters)
    let frame = state.rendered
    #expect(frame.find("Account H00002") != nil)
    #expect(frame.find("202401000003") != nil)
    #expect(frame.find("25.00") != nil)
    state.press(.escape)
    #expect(state.accounts?.phase == .list)
    #expect(state.screen == .accounts)
  }

  @Test("The grid help lists the accounts key")
  func gridHelp() {
    #expect(GridScreen.help.contains { $0.keys == "a" && $0.text == .accounts })
  }
}

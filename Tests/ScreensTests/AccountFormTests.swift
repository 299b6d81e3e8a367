import Domain
import Foundation
import Screens
import TerminalUI
import Testing

/// Opening (开户) and closing (销户) accounts from the accounts screen.
@Suite struct AccountFormTests {
  @Test("The open form validates, shows capitals and sends the opening")
  func openForm() {
    var state = AccountTests.open()
    state.press(.character("n"))
    #expect(state.accounts?.phase == .opening)
    #expect(state.press(.enter).isEmpty)
    #expect(state.accounts?.problem == .missing(.tenant))
    state.type("李四")
    state.press(.tab, .tab)
    state.type("C301")
    state.press(.tab)
    state.type("202401000011, 202401000012")
    state.press(.tab)
    state.type("100.5")
    #expect(state.rendered.find("壹佰元伍角") != nil)
    state.press(.tab, .right)
    let effects = state.press(.enter)
    let opening = AccountOpening(
      tenant: "李四", phone: "", shop: "C301", meters: ["202401000011", "202401000012"],
      firstRecharge: Money(fen: 10_050), pay: PayMethod.allCases[1])
    #expect(effects == [.openAccount(opening)])
    #expect(state.accounts?.phase == .submitting)
    let after = state.send(.accountOpened(account: "H00010", firstSale: 77))
    #expect(after == [.loadAccounts(search: "H00010"), .loadMeters])
    #expect(state.rendered.find("Opened account H00010; first recharge bill 77") != nil)
  }

  @Test("A refused opening keeps the form and shows the reason")
  func refusedOpening() {
    var state = AccountTests.open()
    state.press(.character("n"))
    state.type("王五")
    state.press(.tab, .tab)
    state.type("D1")
    state.press(.tab)
    state.type("999")
    #expect(state.press(.enter).count == 1)
    state.send(.accountRefused("unknown meter 999"))
    #expect(state.accounts?.phase == .opening)
    #expect(state.rendered.find("unknown meter 999") != nil)
  }

  @Test("A supervisor closes after confirming; a cashier needs the approval dialog")
  func close() {
    var state = AccountTests.open(role: .supervisor)
    state.press(.character("x"))
    #expect(state.accounts?.phase == .confirmingClose(selected: 1))
    #expect(state.press(.character("y")) == [.closeAccount(account: "H00001", approval: nil)])
    #expect(state.send(.accountClosed(account: "H00001", settlements: 1)).contains(.loadMeters))

    var cashier = AccountTests.open(role: .cashier)
    cashier.press(.character("x"), .character("y"))
    #expect(cashier.accounts?.phase == .approving)
    #expect(cashier.rendered.find("A supervisor must approve") != nil)
    cashier.type("wang")
    cashier.press(.tab)
    cashier.type("pw")
    #expect(
      cashier.press(.enter) == [
        .closeAccount(account: "H00001", approval: SaleApproval(name: "wang", password: "pw"))
      ])
    cashier.send(.accountRefused("Supervisor name or password wrong; not approved"))
    #expect(cashier.accounts?.phase == .list)
    #expect(cashier.rendered.find("Supervisor name or password wrong") != nil)
  }

  @Test("Esc in the approval dialog refuses; a closed account cannot be closed again")
  func refusals() {
    var state = AccountTests.open(role: .cashier)
    state.press(.character("x"), .character("y"), .escape)
    #expect(state.accounts?.problem == .approvalCancelled)
    state.press(.down, .down, .character("x"))
    #expect(state.accounts?.problem == .alreadyClosed)
  }
}

import Domain
import Foundation
import Screens
import TerminalUI
import Testing

/// Refund (退电) and reversal (冲正) in the sale window: supervisor approval and refusals.
@Suite struct SaleRefundTests {
  /// The sale window open for `role` on the first meter with an account.
  static func open(_ language: Language = .en, role: Role = .cashier) -> AppState {
    var state = SampleSite.app(language: language, size: SampleSite.large, role: role)
    state.send(.hoardingCapLoaded(Money.yuan(20_000)))
    for _ in 0..<5 where state.selectedMeter == nil { state.press(.down) }
    state.press(.function(2))
    return state
  }

  @Test("R switches to refund, marks the supervisor need; a cashier's confirm opens the approval dialog")
  func refundApproval() throws {
    var state = Self.open()
    let meter = try #require(state.sale?.meter?.meter)
    state.press(.character("r"))
    #expect(state.sale?.mode == .refund)
    #expect(state.sale?.needsApproval == true)
    #expect(state.rendered.find("Refund (supervisor needed)") != nil)
    state.type("50")
    #expect(state.press(.enter).isEmpty)
    #expect(state.press(.enter).isEmpty)
    #expect(state.sale?.phase == .approving)
    #expect(state.rendered.find("Supervisor approval") != nil)
    state.type("wang")
    state.press(.tab)
    state.type("s3cret")
    #expect(state.rendered.find("s3cret") == nil)
    let effects = state.press(.enter)
    #expect(
      effects == [
        .refund(
          meter: meter, amount: Money.yuan(50), approval: SaleApproval(name: "wang", password: "s3cret"))
      ])
    #expect(state.sale?.phase == .submitting)
  }

  @Test("Esc in the approval dialog refuses the cashier clearly; empty credentials are refused")
  func refusals() {
    var state = Self.open()
    state.press(.character("r"))
    state.type("50")
    state.press(.enter, .enter)
    #expect(state.press(.enter).isEmpty)
    #expect(state.press(.enter).isEmpty)
    #expect(state.sale?.approvalProblem == .credentialsMissing)
    #expect(state.rendered.find("Enter the supervisor's name and password") != nil)
    state.press(.escape)
    #expect(state.screen == .sale)
    #expect(state.sale?.phase == .editing)
    #expect(state.rendered.find("a cashier cannot refund or reverse without a supervisor") != nil)
  }

  @Test("The services' refusal (wrong supervisor password) is shown and the form comes back")
  func servicesRefuse() {
    var state = Self.open()
    state.press(.character("r"))
    state.type("50")
    state.press(.enter, .enter)
    state.type("wang")
    state.press(.tab)
    state.type("bad")
    state.press(.enter)
    state.send(.saleRefused("Supervisor name or password wrong; not approved"))
    #expect(state.sale?.phase == .editing)
    #expect(state.rendered.find("Supervisor name or password wrong") != nil)
  }

  @Test("A supervisor refunds without the approval dialog")
  func supervisorDirect() throws {
    var state = Self.open(role: .supervisor)
    let meter = try #require(state.sale?.meter?.meter)
    state.press(.character("r"))
    #expect(state.sale?.needsApproval == false)
    state.type("20")
    state.press(.enter)
    #expect(state.press(.enter) == [.refund(meter: meter, amount: Money.yuan(20), approval: nil)])
  }

  @Test("V loads the meter's sales, picks a bill and reverses it with approval; progress follows")
  func reversal() throws {
    var state = Self.open()
    let meter = try #require(state.sale?.meter?.meter)
    #expect(state.press(.character("v")) == [.loadRecentSales(meter: meter)])
    #expect(state.rendered.find("This meter has no delivered sale to reverse") != nil)
    state.send(
      .recentSalesLoaded(
        meter: meter,
        [
          RecentSale(bill: 1002, amount: Money.yuan(30), at: SampleSite.now),
          RecentSale(bill: 1001, amount: Money.yuan(100), at: SampleSite.now),
        ]))
    #expect(state.rendered.find("Bill 1001") != nil)
    state.press(.down, .enter)
    #expect(state.rendered.find("Reverse bill 1001") != nil)
    state.press(.enter)
    state.type("wang")
    state.press(.enter)
    state.type("pw")
    let effects = state.press(.enter)
    #expect(
      effects == [.reverse(bill: 1001, meter: meter, approval: SaleApproval(name: "wang", password: "pw"))])
    let receipt = SaleReceipt(
      bill: 1003, meter: meter, amount: Money.yuan(100), pay: .cash, purchaseCount: 5, mode: .reversal)
    #expect(state.send(.saleRecorded(receipt)) == [.printReceipt(bill: 1003)])
    state.send(.saleProgress(bill: 1003, .delivered(balance: Money.yuan(10))))
    #expect(state.rendered.find("Delivered; the meter now holds") != nil)
  }

  @Test("Both languages render the refund mode and the approval dialog", arguments: [Language.zh, .en])
  func languages(language: Language) {
    var state = Self.open(language)
    state.press(.character("r"))
    let title = language == .zh ? "退电（需主管授权）" : "Refund (supervisor needed)"
    #expect(state.rendered.find(title) != nil)
    state.type("5")
    state.press(.enter, .enter)
    #expect(state.rendered.find(language == .zh ? "主管授权" : "Supervisor approval") != nil)
  }
}

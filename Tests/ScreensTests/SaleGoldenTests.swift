import Domain
import Screens
import TerminalUI
import Testing

/// The sale window against goldens: the form with an amount typed, and delivery confirmed.
@Suite struct SaleGoldenTests {
  @Test(arguments: GoldenScreenTests.cases)
  func form(language: Language, size: Size) throws {
    var state = SampleSite.app(language: language, size: size, role: .cashier)
    state.send(.hoardingCapLoaded(Money.yuan(20_000)))
    for _ in 0..<5 where state.selectedMeter == nil { state.press(.down) }
    state.press(.function(2))
    state.type("100")
    try Golden.check(state.rendered, GoldenScreenTests.name("sale-form", language, size))
  }

  @Test(arguments: GoldenScreenTests.cases)
  func delivered(language: Language, size: Size) throws {
    var state = SampleSite.app(language: language, size: size, role: .cashier)
    for _ in 0..<5 where state.selectedMeter == nil { state.press(.down) }
    state.press(.function(2))
    let meter = try #require(state.sale?.meter?.meter)
    state.type("100")
    state.press(.enter, .enter)
    state.send(
      .saleRecorded(
        SaleReceipt(bill: 1001, meter: meter, amount: Money.yuan(100), pay: .cash, purchaseCount: 4)),
      .saleProgress(bill: 1001, .delivered(balance: Money(fen: 1_244_550))),
      .receiptPrinted(bill: 1001, .printed("receipts.txt")))
    try Golden.check(state.rendered, GoldenScreenTests.name("sale-delivered", language, size))
  }
}

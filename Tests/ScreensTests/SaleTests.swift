import Domain
import Foundation
import Screens
import TerminalUI
import Testing

/// The sale window: opening with F2, validation, capitals as typed, confirm, progress, printing.
@Suite struct SaleTests {
  /// A cashier's console on the sample site with the first meter row selected.
  static func cashier(_ language: Language = .en, size: Size = SampleSite.large) -> AppState {
    var state = SampleSite.app(language: language, size: size, role: .cashier)
    state.send(.hoardingCapLoaded(Money.yuan(20_000)))
    for _ in 0..<5 where state.selectedMeter == nil { state.press(.down) }
    return state
  }

  /// The cashier's console with the sale window open on the selected meter.
  static func open(_ language: Language = .en) -> AppState {
    var state = cashier(language)
    state.press(.function(2))
    return state
  }

  @Test("F2 on a grid row opens the sale window on that meter; Esc goes back")
  func opensFromGrid() throws {
    var state = Self.cashier()
    let selected = try #require(state.selectedMeter)
    #expect(AppView.fKeyBar(state).items.first { $0.key == 2 }?.enabled == true)
    state.press(.function(2))
    #expect(state.screen == .sale)
    #expect(state.sale?.meter?.meter == selected)
    #expect(state.rendered.find(selected) != nil)
    state.press(.escape)
    #expect(state.screen == .grid)
    #expect(state.sale == nil)
  }

  @Test("F2 from a meter's detail returns to the detail")
  func opensFromDetail() throws {
    var state = Self.cashier()
    let selected = try #require(state.selectedMeter)
    state.press(.enter)
    #expect(state.screen == .detail)
    state.press(.function(2))
    #expect(state.sale?.meter?.meter == selected)
    state.press(.escape)
    #expect(state.screen == .detail)
  }

  @Test("an electrician may not sell: F2 is disabled and refused clearly")
  func electricianRefused() {
    var state = SampleSite.app(language: .en, size: SampleSite.large, role: .electrician)
    for _ in 0..<5 where state.selectedMeter == nil { state.press(.down) }
    #expect(AppView.fKeyBar(state).items.first { $0.key == 2 }?.enabled == false)
    state.press(.function(2))
    #expect(state.screen == .grid)
    #expect(state.overlay == .message("This operator may not sell"))
  }

  @Test(
    "the amount in capitals shows as it is typed",
    arguments: [
      ("100", "壹佰元整"), ("1010.5", "壹仟零壹拾元伍角"), ("0.05", "伍分"),
    ])
  func capitals(typed: String, capitals: String) {
    var state = Self.open()
    state.type(typed)
    #expect(state.rendered.find(capitals) != nil, "\(typed) → \(capitals)")
  }

  @Test("validation: positive, two decimals, under the hoarding cap less the balance")
  func validation() {
    #expect(SaleValidation.check("100", allowed: nil) == .success(Money.yuan(100)))
    #expect(SaleValidation.check("0", allowed: nil) == .failure(.notPositive))
    #expect(SaleValidation.check("-5", allowed: nil) == .failure(.notPositive))
    #expect(SaleValidation.check("1.234", allowed: nil) == .failure(.tooManyDecimals))
    #expect(SaleValidation.check("abc", allowed: nil) == .failure(.notANumber))
    #expect(SaleValidation.check("", allowed: nil) == .failure(.empty))
    #expect(
      SaleValidation.check("500.01", allowed: Money.yuan(500)) == .failure(.overCap(allowed: Money.yuan(500)))
    )
    #expect(SaleValidation.check("500", allowed: Money.yuan(500)) == .success(Money.yuan(500)))
    #expect(SaleValidation.check("30000000", allowed: nil) == .failure(.tooLarge))
  }

  @Test("Enter with a bad amount shows the reason and does not confirm")
  func badAmount() {
    var state = Self.open()
    state.type("12.345")
    #expect(state.press(.enter).isEmpty)
    #expect(state.sale?.phase == .editing)
    #expect(state.rendered.find("At most two decimals") != nil)
    state.press(.control("u"))
    state.type("99999")
    state.press(.enter)
    #expect(state.sale?.phase == .editing)
    #expect(state.rendered.find("Over the hoarding cap") != nil)
  }

  @Test("pay method, confirm, sell effect; recorded → print; progress to delivered with the balance")
  func saleFlow() throws {
    var state = Self.open()
    let meter = try #require(state.sale?.meter?.meter)
    state.type("100")
    state.press(.tab, .right)
    #expect(state.sale?.pay == .wechat)
    state.press(.character("1"))
    #expect(state.sale?.pay == .cash)
    state.press(.enter)
    #expect(state.sale?.phase == .confirming(selected: 0))
    #expect(state.rendered.find("Confirm sale") != nil)
    let effects = state.press(.enter)
    #expect(effects == [.sell(meter: meter, amount: Money.yuan(100), pay: .cash)])
    #expect(state.rendered.find("Recording the sale") != nil)
    let receipt = SaleReceipt(bill: 42, meter: meter, amount: Money.yuan(100), pay: .cash, purchaseCount: 3)
    #expect(state.send(.saleRecorded(receipt)) == [.printReceipt(bill: 42)])
    #expect(state.rendered.find("Queued for delivery") != nil)
    state.send(.saleProgress(bill: 42, .sent))
    #expect(state.rendered.find("Sending to the meter") != nil)
    state.send(.saleProgress(bill: 42, .delivered(balance: Money(fen: 1_334_550))))
    #expect(state.rendered.find("Delivered; the meter now holds ¥13,345.50") != nil)
    state.send(.receiptPrinted(bill: 42, .failed("lp: no such queue")))
    #expect(state.rendered.find("Receipt not printed") != nil)
    #expect(state.press(.character("p")) == [.printReceipt(bill: 42)])
    state.send(.receiptPrinted(bill: 42, .printed("/tmp/receipts.txt")))
    #expect(state.rendered.find("Receipt printed") != nil)
    state.press(.enter)
    #expect(state.sale?.phase == .editing)
    #expect(state.sale?.amountField.value == "")
  }

  @Test("pending while the meter is offline; a refusal goes back to the form with the reason")
  func pendingAndRefused() throws {
    var state = Self.open(.zh)
    let meter = try #require(state.sale?.meter?.meter)
    state.type("50")
    state.press(.enter, .character("n"))
    #expect(state.sale?.phase == .editing)
    state.press(.enter, .character("y"))
    state.send(.saleRefused("over the hoarding cap"))
    #expect(state.sale?.phase == .editing)
    #expect(state.rendered.find("over the hoarding cap") != nil)
    state.press(.enter, .character("y"))
    state.send(
      .saleRecorded(SaleReceipt(bill: 7, meter: meter, amount: Money.yuan(50), pay: .cash, purchaseCount: 1)))
    state.send(.saleProgress(bill: 7, .pending(reason: "timeout")))
    #expect(state.rendered.find("电表失联") != nil)
    state.send(.saleProgress(bill: 8, .delivered(balance: nil)))
    #expect(state.sale?.progress == .pending(reason: "timeout"), "another bill's progress is ignored")
  }

  @Test("every sale string has both languages")
  func strings() {
    for key in SaleText.allCases {
      #expect(!key.pair.zh.isEmpty && !key.pair.en.isEmpty)
    }
  }
}

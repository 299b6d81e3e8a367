import Domain
import Foundation
import Testing

@Suite struct MoneyTests {
  @Test func yuanAndZero() {
    #expect(Money.yuan(12).fen == 1_200)
    #expect(Money.yuan(-3).fen == -300)
    #expect(Money.zero.fen == 0)
    #expect(Money(fen: 42).fen == 42)
  }

  @Test(arguments: [(Int64(123_450), "1234.50"), (-305, "-3.05"), (0, "0.00"), (5, "0.05")])
  func descriptionIsDecimalString(fen: Int64, text: String) {
    #expect(Money(fen: fen).description == text)
    #expect(Money(fen: fen).decimalString == text)
  }

  @Test func groupedForScreens() {
    #expect(Money(fen: 123_450).grouped == "1,234.50")
    #expect(Money(fen: -100_000_000).grouped == "-1,000,000.00")
  }

  @Test(arguments: [(Int64(-1), true, false, false), (0, false, false, true), (1, false, true, false)])
  func signs(fen: Int64, negative: Bool, positive: Bool, zero: Bool) {
    let money = Money(fen: fen)
    #expect(money.isNegative == negative)
    #expect(money.isPositive == positive)
    #expect(money.isZero == zero)
  }

  @Test func operators() {
    var money = Money(fen: 150)
    #expect(money + Money(fen: 50) == Money(fen: 200))
    #expect(money - Money(fen: 200) == Money(fen: -50))
    #expect(-money == Money(fen: -150))
    money += Money(fen: 10)
    #expect(money == Money(fen: 160))
    money -= Money(fen: 60)
    #expect(money == Money(fen: 100))
    #expect(Money(fen: -1) < .zero)
    #expect(Money.yuan(1) > Money(fen: 99))
    #expect([Money.yuan(3), .zero, Money(fen: -5)].sorted() == [Money(fen: -5), .zero, .yuan(3)])
  }

  @Test func checkedArithmetic() throws {
    #expect(try Money(fen: 1).adding(Money(fen: 2)) == Money(fen: 3))
    #expect(try Money(fen: 1).subtracting(Money(fen: 2)) == Money(fen: -1))
    #expect(try Money(fen: 7).multiplied(by: -3) == Money(fen: -21))
    #expect(try Money(fen: 7).negated() == Money(fen: -7))
    #expect(try Money(fen: -7).magnitude() == Money(fen: 7))
    #expect(try Money(fen: Int64.max).negated() == Money(fen: -Int64.max))
  }

  @Test func checkedArithmeticReportsOverflow() {
    #expect(throws: MoneyError.overflow) { try Money(fen: .max).adding(Money(fen: 1)) }
    #expect(throws: MoneyError.overflow) { try Money(fen: .min).subtracting(Money(fen: 1)) }
    #expect(throws: MoneyError.overflow) { try Money(fen: .max / 2 + 1).multiplied(by: 2) }
    #expect(throws: MoneyError.overflow) { try Money(fen: .min).negated() }
    #expect(throws: MoneyError.overflow) { try Money(fen: .min).magnitude() }
    #expect(MoneyError.overflow.description == "amount out of range")
  }

  @Test func sumOfSequence() throws {
    #expect(try [Money(fen: 1), Money(fen: 20), Money(fen: -300)].sum() == Money(fen: -279))
    #expect(try [Money]().sum() == .zero)
    #expect(throws: MoneyError.overflow) { try [Money(fen: .max), Money(fen: 1)].sum() }
  }

  @Test func codableAsDecimalString() throws {
    let values = [Money(fen: 123_450), Money(fen: -305), .zero]
    let json = try JSONEncoder().encode(values)
    #expect(String(decoding: json, as: UTF8.self) == #"["1234.50","-3.05","0.00"]"#)
    #expect(try JSONDecoder().decode([Money].self, from: json) == values)
  }

  @Test(arguments: [#"["1.234"]"#, #"["abc"]"#, "[1234]", #"[""]"#])
  func decodingRefusesBadText(json: String) {
    #expect(throws: (any Error).self) { try JSONDecoder().decode([Money].self, from: Data(json.utf8)) }
  }
}

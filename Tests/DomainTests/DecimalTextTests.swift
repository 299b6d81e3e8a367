import Domain
import Testing

/// Fixed-point text formatting and parsing, seen through the three types that share it.
@Suite struct DecimalTextTests {
  @Test(arguments: [
    (Int64(0), "0.00", "0.00"),
    (1, "0.01", "0.01"),
    (99, "0.99", "0.99"),
    (100, "1.00", "1.00"),
    (99_999, "999.99", "999.99"),
    (100_000, "1000.00", "1,000.00"),
    (123_456_789, "1234567.89", "1,234,567.89"),
    (-1, "-0.01", "-0.01"),
    (-100_000, "-1000.00", "-1,000.00"),
    (Int64.min, "-92233720368547758.08", "-92,233,720,368,547,758.08"),
  ])
  func twoDecimals(fen: Int64, plain: String, grouped: String) {
    #expect(Money(fen: fen).decimalString == plain)
    #expect(Money(fen: fen).grouped == grouped)
    #expect(Energy(centiKWh: fen).decimalString == plain)
  }

  @Test(arguments: [
    (Int64(0), "0.0000"),
    (1, "0.0001"),
    (8_500, "0.8500"),
    (12_345, "1.2345"),
    (-7, "-0.0007"),
  ])
  func fourDecimals(value: Int64, text: String) {
    #expect(Price(tenThousandthsYuanPerKWh: value).decimalString == text)
  }

  @Test(arguments: [" 1 ", "\t1\n", "\u{3000}1\u{3000}", "1"])
  func whitespaceIsTrimmed(text: String) {
    #expect(Money.parse(text) == .success(.yuan(1)))
    #expect(Energy.parse(text) == .success(.kWh(1)))
    #expect(Price.parse(text) == .success(Price(tenThousandthsYuanPerKWh: 10_000)))
  }

  @Test(arguments: ["1,234", "12,345", "123,456", "1,234,567"])
  func wellGroupedIntegersParseLikeUngrouped(text: String) {
    let plain = text.filter { $0 != "," }
    #expect(Money.parse(text) == Money.parse(plain))
    #expect(Energy.parse(text) == Energy.parse(plain))
  }

  @Test(arguments: ["1,2", "1234,567", ",123", "123,", "1,,234", "12,34,567"])
  func badGroupingIsNotANumber(text: String) {
    #expect(Money.parse(text) == .failure(.notANumber(text)))
  }
}

import Domain
import Testing

@Suite struct MoneyParsingTests {
  @Test(arguments: [
    ("100", Int64(10_000)),
    ("100.5", 10_050),
    ("100.50", 10_050),
    ("1,000.00", 100_000),
    (" 12.3 ", 1_230),
    ("0.05", 5),
    ("0.1", 10),
    ("007", 700),
    ("+5", 500),
    ("1,234,567.89", 123_456_789),
    ("999,999", 99_999_900),
    ("92233720368547758.07", Int64.max),
  ])
  func accepts(text: String, fen: Int64) {
    #expect(Money.parse(text) == .success(Money(fen: fen)))
  }

  @Test(arguments: [
    ("1e3", MoneyParseError.notANumber("1e3")),
    ("100.555", .tooManyDecimals),
    ("1,000.555", .tooManyDecimals),
    ("100.500", .tooManyDecimals),
    ("", .empty),
    ("   ", .empty),
    ("abc", .notANumber("abc")),
    (" abc ", .notANumber("abc")),
    ("1,00.00", .notANumber("1,00.00")),
    ("--5", .notANumber("--5")),
    ("+-5", .notANumber("+-5")),
    ("+", .notANumber("+")),
    ("-", .notANumber("-")),
    (".5", .notANumber(".5")),
    ("5.", .notANumber("5.")),
    ("1.2.3", .notANumber("1.2.3")),
    ("1 000", .notANumber("1 000")),
    ("12.3e", .notANumber("12.3e")),
    ("１００", .notANumber("１００")),
    ("¥100", .notANumber("¥100")),
    ("92233720368547758.08", .overflow),
    ("100000000000000000000", .overflow),
    ("-5", .negative),
    ("-0", .negative),
    ("0", .notPositive),
    ("0.00", .notPositive),
  ])
  func refusesByDefault(text: String, error: MoneyParseError) {
    #expect(Money.parse(text) == .failure(error))
  }

  @Test(arguments: [
    ("0", false, false, Result<Money, MoneyParseError>.success(.zero)),
    ("0.00", false, true, .success(.zero)),
    ("-5", true, true, .success(Money(fen: -500))),
    ("-1,234.5", false, true, .success(Money(fen: -123_450))),
    ("-0", true, true, .failure(.notPositive)),
    ("-0", false, true, .success(.zero)),
    ("-92233720368547758.08", false, true, .failure(.overflow)),
    ("-92233720368547758.07", false, true, .success(Money(fen: -Int64.max))),
    ("-5", false, false, .failure(.negative)),
    ("--5", false, true, .failure(.notANumber("--5"))),
  ])
  func options(
    text: String, requirePositive: Bool, allowNegative: Bool, expected: Result<Money, MoneyParseError>
  ) {
    #expect(Money.parse(text, requirePositive: requirePositive, allowNegative: allowNegative) == expected)
  }

  @Test(arguments: [
    (MoneyParseError.empty, "empty"),
    (.notANumber("x"), "not a number: \"x\""),
    (.tooManyDecimals, "more than two decimals"),
    (.tooManyDecimalPlaces(allowed: 4), "more than 4 decimals"),
    (.notPositive, "must be more than zero"),
    (.negative, "must not be negative"),
    (.overflow, "too large"),
  ])
  func descriptions(error: MoneyParseError, text: String) {
    #expect(error.description == text)
  }
}

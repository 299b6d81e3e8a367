import Domain
import Foundation
import Testing

@Suite struct UnitsTests {
  @Test func energyBasics() {
    #expect(Energy.kWh(3).centiKWh == 300)
    #expect(Energy(centiKWh: 12_345).decimalString == "123.45")
    #expect(Energy(centiKWh: 12_345).description == "123.45")
    #expect(Energy.kWh(1) + Energy(centiKWh: 5) == Energy(centiKWh: 105))
    #expect(Energy.kWh(1) - Energy(centiKWh: 5) == Energy(centiKWh: 95))
    #expect(Energy(centiKWh: 1) > .zero)
  }

  @Test(arguments: [
    ("123.45", Result<Energy, MoneyParseError>.success(Energy(centiKWh: 12_345))),
    ("0", .success(.zero)),
    ("1,234.5", .success(Energy(centiKWh: 123_450))),
    ("1.234", .failure(.tooManyDecimals)),
    ("-1", .failure(.negative)),
    ("kWh", .failure(.notANumber("kWh"))),
    ("", .failure(.empty)),
  ])
  func energyParse(text: String, expected: Result<Energy, MoneyParseError>) {
    #expect(Energy.parse(text) == expected)
  }

  @Test func priceBasics() {
    #expect(Price(tenThousandthsYuanPerKWh: 8_500).decimalString == "0.8500")
    #expect(Price(tenThousandthsYuanPerKWh: 8_500).description == "0.8500")
    #expect(Price(tenThousandthsYuanPerKWh: 1) > .zero)
  }

  @Test(arguments: [
    ("0.85", Result<Price, MoneyParseError>.success(Price(tenThousandthsYuanPerKWh: 8_500))),
    ("0.8500", .success(Price(tenThousandthsYuanPerKWh: 8_500))),
    ("1.2", .success(Price(tenThousandthsYuanPerKWh: 12_000))),
    ("0.6171", .success(Price(tenThousandthsYuanPerKWh: 6_171))),
    ("0", .success(.zero)),
    ("0.12345", .failure(.tooManyDecimalPlaces(allowed: 4))),
    ("-0.5", .failure(.negative)),
    ("x", .failure(.notANumber("x"))),
  ])
  func priceParse(text: String, expected: Result<Price, MoneyParseError>) {
    #expect(Price.parse(text) == expected)
  }

  @Test(arguments: [
    (Int64(100), Int64(8_500), Int64(85)),  // 1.00 kWh × 0.85 = 0.85 yuan
    (1, 8_500, 1),  // 0.85 fen rounds up
    (1, 4_999, 0),  // 0.4999 fen
    (1, 5_000, 1),  // exactly half a fen rounds up
    (12_345, 6_170, 7_617),  // 123.45 kWh × 0.617 = 76.16865 yuan
    (3, 3_333, 1),  // 0.9999 fen
    (7, 714, 0),  // 0.4998 fen
    (0, 8_500, 0),
    (1_000_000, 10_000, 1_000_000),  // 10 000 kWh × 1 yuan
    (-100, 8_500, -85),
    (-1, 5_000, -1),  // symmetric half-up
  ])
  func costIsRoundedHalfUpOnce(centiKWh: Int64, price: Int64, fen: Int64) {
    let result = cost(of: Energy(centiKWh: centiKWh), at: Price(tenThousandthsYuanPerKWh: price))
    #expect(result == Money(fen: fen))
  }

  @Test func codableAsDecimalStrings() throws {
    struct Pair: Codable, Equatable {
      var energy: Energy
      var price: Price
    }
    let pair = Pair(energy: Energy(centiKWh: 12_345), price: Price(tenThousandthsYuanPerKWh: 8_500))
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = try encoder.encode(pair)
    #expect(String(decoding: json, as: UTF8.self) == #"{"energy":"123.45","price":"0.8500"}"#)
    #expect(try JSONDecoder().decode(Pair.self, from: json) == pair)
    let bad = Data(#"{"energy":"1.234","price":"0.85"}"#.utf8)
    #expect(throws: (any Error).self) { try JSONDecoder().decode(Pair.self, from: bad) }
  }
}

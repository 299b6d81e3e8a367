import Domain
import Foundation
import Testing

private func price(_ tenThousandths: Int64) -> Price {
  Price(tenThousandthsYuanPerKWh: tenThousandths)
}

/// Sharp 1.20, peak 1.00, flat 0.70, valley 0.30 yuan/kWh on the standard day.
private let standardPrices: [TariffPeriod: Price] = [
  .sharp: price(12_000), .peak: price(10_000), .flat: price(7_000), .valley: price(3_000),
]
private let standardTOU = Tariff.timeOfUse(prices: standardPrices, schedule: .standard)

@Suite struct TariffTests {
  @Test func singlePriceIgnoresIntervalAndMonth() {
    let tariff = Tariff.single(price(8_500))
    for interval in [
      LocalInterval(startMinuteOfDay: 0, durationMinutes: 0),
      LocalInterval(startMinuteOfDay: 1_290, durationMinutes: 600),
    ] {
      #expect(tariff.cost(of: .kWh(1), over: interval, monthEnergyBefore: .kWh(500)) == Money(fen: 85))
      #expect(tariff.cost(of: Energy(centiKWh: 1), over: interval, monthEnergyBefore: .zero) == Money(fen: 1))
    }
  }

  @Test func peakToValleyAt22() throws {
    let interval = try LocalInterval(from: "21:30", to: "22:30")
    // 1 kWh at peak 1.00 + 1 kWh at valley 0.30.
    #expect(standardTOU.cost(of: .kWh(2), over: interval, monthEnergyBefore: .zero) == Money(fen: 130))
  }

  @Test(arguments: [
    (Int64(3), Int64(2)),  // peak gets 1 (of 1.5), valley 2: 1.0 + 0.6 = 1.6 fen → 2
    (2, 1),  // 1 + 1: 1.0 + 0.3 = 1.3 fen → 1
    (1, 0),  // peak gets 0 (of 0.5), valley 1: 0.3 fen → 0
    (201, 130),  // 100 @1.00 + 101 @0.30 = 100 + 30.3 fen → 130
    (199, 129),  // 99 @1.00 + 100 @0.30 = 99 + 30 fen
  ])
  func oddEnergyIsSharedWithoutLoss(centiKWh: Int64, fen: Int64) throws {
    let interval = try LocalInterval(from: "21:30", to: "22:30")
    let result = standardTOU.cost(of: Energy(centiKWh: centiKWh), over: interval, monthEnergyBefore: .zero)
    #expect(result == Money(fen: fen))
  }

  @Test func crossingMidnightOnStandardDay() throws {
    let interval = try LocalInterval(from: "21:00", to: "09:00")
    // 720 minutes: peak 120 (21–22, 08–09), valley 600. 72 kWh → 12 kWh peak + 60 kWh valley = 12 + 18 yuan.
    #expect(standardTOU.cost(of: .kWh(72), over: interval, monthEnergyBefore: .zero) == Money.yuan(30))
  }

  @Test func crossingMidnightChangesPeriod() throws {
    let schedule = try TimeOfUseSchedule(slots: [
      .init(start: "00:00", period: .valley), .init(start: "01:00", period: .flat),
    ])
    let tariff = Tariff.timeOfUse(prices: [.valley: price(3_000), .flat: price(7_000)], schedule: schedule)
    let interval = try LocalInterval(from: "23:30", to: "00:30")
    // 0.5 kWh flat (23:30–24:00) + 0.5 kWh valley (00:00–00:30) = 0.35 + 0.15 yuan.
    #expect(tariff.cost(of: .kWh(1), over: interval, monthEnergyBefore: .zero) == Money(fen: 50))
  }

  @Test func roundsOnceNotPerSegment() throws {
    let tariff = Tariff.timeOfUse(
      prices: [.sharp: price(5_000), .peak: price(5_000), .flat: price(5_000), .valley: price(5_000)],
      schedule: .standard)
    let interval = try LocalInterval(from: "21:30", to: "22:30")
    // 0.01 kWh each side at 0.5 yuan: 0.5 + 0.5 fen = 1 fen (per-segment rounding would give 2).
    #expect(tariff.cost(of: Energy(centiKWh: 2), over: interval, monthEnergyBefore: .zero) == Money(fen: 1))
  }

  @Test(
    arguments: [Int64(0), 1, 2, 3, 7, 99, 100, 12_345, 999_999],
    [
      LocalInterval(startMinuteOfDay: 1_290, durationMinutes: 60),
      LocalInterval(startMinuteOfDay: 420, durationMinutes: 300),
      LocalInterval(startMinuteOfDay: 1_439, durationMinutes: 3_001),
      LocalInterval(startMinuteOfDay: 600, durationMinutes: 0),
    ])
  func equalPricesMatchSinglePrice(centiKWh: Int64, interval: LocalInterval) {
    let same = price(6_170)
    let tou = Tariff.timeOfUse(
      prices: [.sharp: same, .peak: same, .flat: same, .valley: same], schedule: .standard)
    let energy = Energy(centiKWh: centiKWh)
    #expect(tou.cost(of: energy, over: interval, monthEnergyBefore: .zero) == cost(of: energy, at: same))
  }

  @Test func instantUsesPeriodAtStart() {
    let noon = LocalInterval(startMinuteOfDay: 720, durationMinutes: 0)
    #expect(standardTOU.cost(of: .kWh(1), over: noon, monthEnergyBefore: .zero) == Money(fen: 120))
  }

  @Test func missingPriceCostsNothingAndIsRefusedByValidate() throws {
    var prices = standardPrices
    prices[.sharp] = nil
    let tariff = Tariff.timeOfUse(prices: prices, schedule: .standard)
    let noon = LocalInterval(startMinuteOfDay: 720, durationMinutes: 60)
    #expect(tariff.cost(of: .kWh(1), over: noon, monthEnergyBefore: .zero) == .zero)
    #expect(tariff.price(atMinuteOfDay: 720, monthEnergyBefore: .zero) == nil)
    #expect(throws: TariffError.missingPrice(.sharp)) { try tariff.validate() }
  }

  @Test func validate() throws {
    try standardTOU.validate()
    try Tariff.single(.zero).validate()
    #expect(throws: TariffError.negativePrice(price(-1))) { try Tariff.single(price(-1)).validate() }
    var prices = standardPrices
    prices[.flat] = price(-2)
    #expect(throws: TariffError.negativePrice(price(-2))) {
      try Tariff.timeOfUse(prices: prices, schedule: .standard).validate()
    }
    // A period the schedule never uses needs no price.
    let allValley = try TimeOfUseSchedule(slots: [.init(start: "00:00", period: .valley)])
    try Tariff.timeOfUse(prices: [.valley: price(3_000)], schedule: allValley).validate()
  }

  @Test(arguments: [
    (0, Int64(3_000)), (480, 10_000), (720, 12_000), (900, 7_000), (1_200, 10_000), (1_380, 3_000),
  ])
  func priceAtMinute(minute: Int, expected: Int64) {
    #expect(standardTOU.price(atMinuteOfDay: minute, monthEnergyBefore: .zero) == price(expected))
    #expect(
      Tariff.single(price(8_500)).price(atMinuteOfDay: minute, monthEnergyBefore: .zero) == price(8_500))
  }

  @Test(arguments: [
    Tariff.single(price(8_500)),
    standardTOU,
    .tiered([TierBand(upTo: .kWh(100), price: price(5_000)), TierBand(upTo: nil, price: price(6_000))]),
  ])
  func codableRoundTrip(tariff: Tariff) throws {
    let json = try JSONEncoder().encode(tariff)
    #expect(try JSONDecoder().decode(Tariff.self, from: json) == tariff)
  }
}

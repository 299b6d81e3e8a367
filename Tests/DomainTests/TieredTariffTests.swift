import Domain
import Testing

/// 0–100 kWh at 0.50, 100–200 kWh at 0.60, above 200 kWh at 0.80 yuan/kWh.
private let threeBands = [
  TierBand(upTo: .kWh(100), price: Price(tenThousandthsYuanPerKWh: 5_000)),
  TierBand(upTo: .kWh(200), price: Price(tenThousandthsYuanPerKWh: 6_000)),
  TierBand(upTo: nil, price: Price(tenThousandthsYuanPerKWh: 8_000)),
]

private let anyInterval = LocalInterval(startMinuteOfDay: 0, durationMinutes: 60)

@Suite struct TieredTariffTests {
  @Test(arguments: [
    (Int64(0), Int64(10_000), Int64(5_000)),  // exactly the first band: 100 × 0.5
    (9_000, 2_000, 1_100),  // 10 @0.5 + 10 @0.6 straddles 100 kWh
    (9_000, 15_000, 9_700),  // 10 @0.5 + 100 @0.6 + 40 @0.8 straddles both bounds
    (10_000, 1, 1),  // 0.01 kWh @0.6 = 0.6 fen → 1
    (9_999, 2, 1),  // 0.01 @0.5 + 0.01 @0.6 = 1.1 fen → 1 (rounded once)
    (25_000, 1_000, 800),  // all in the open band
    (20_000, 0, 0),
    (11_000, -2_000, -1_100),  // a negative correction removes 90–110 kWh
  ])
  func costStraddlesBands(before: Int64, energy: Int64, fen: Int64) {
    let tariff = Tariff.tiered(threeBands)
    let result = tariff.cost(
      of: Energy(centiKWh: energy), over: anyInterval, monthEnergyBefore: Energy(centiKWh: before))
    #expect(result == Money(fen: fen))
  }

  @Test func boundedLastBandExtendsUpward() {
    let bands = Array(threeBands.prefix(2))
    let result = Tariff.tiered(bands).cost(of: .kWh(20), over: anyInterval, monthEnergyBefore: .kWh(190))
    #expect(result == Money.yuan(12))  // 10 @0.6 + 10 more still @0.6
  }

  @Test func emptyTableCostsNothing() {
    #expect(Tariff.tiered([]).cost(of: .kWh(5), over: anyInterval, monthEnergyBefore: .zero) == .zero)
  }

  @Test(arguments: [
    (Int64(0), Int64(5_000)), (9_999, 5_000), (10_000, 6_000), (19_999, 6_000), (20_000, 8_000),
    (99_999, 8_000),
  ])
  func priceOfNextBand(before: Int64, price: Int64) {
    let result = Tariff.tiered(threeBands).price(
      atMinuteOfDay: 0, monthEnergyBefore: Energy(centiKWh: before))
    #expect(result == Price(tenThousandthsYuanPerKWh: price))
  }

  @Test func validTableValidates() throws {
    try Tariff.tiered(threeBands).validate()
  }

  @Test(arguments: [
    ([TierBand](), TariffError.emptyTiers),
    ([TierBand(upTo: .kWh(1), price: .zero)], .lastTierBounded),
    ([TierBand(upTo: nil, price: .zero), TierBand(upTo: nil, price: .zero)], .unboundedTierNotLast),
    (
      [
        TierBand(upTo: .kWh(200), price: .zero), TierBand(upTo: .kWh(100), price: .zero),
        TierBand(upTo: nil, price: .zero),
      ],
      .tiersNotIncreasing(.kWh(100))
    ),
    ([TierBand(upTo: .zero, price: .zero), TierBand(upTo: nil, price: .zero)], .tiersNotIncreasing(.zero)),
    (
      [
        TierBand(upTo: .kWh(1), price: .zero),
        TierBand(upTo: nil, price: Price(tenThousandthsYuanPerKWh: -1)),
      ],
      .negativePrice(Price(tenThousandthsYuanPerKWh: -1))
    ),
  ])
  func invalidTables(bands: [TierBand], error: TariffError) {
    #expect(throws: error) { try Tariff.tiered(bands).validate() }
  }
}

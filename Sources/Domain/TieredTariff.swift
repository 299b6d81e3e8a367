/// One band of a tiered (阶梯) tariff: the price of energy up to a monthly total.
public struct TierBand: Sendable, Hashable, Codable {
  /// The month's cumulative energy at which this band ends; nil for the open-ended last band.
  public var upTo: Energy?
  /// The price of energy within this band.
  public var price: Price

  /// Creates a band ending at `upTo` (nil: no upper bound) priced at `price`.
  public init(upTo: Energy?, price: Price) {
    self.upTo = upTo
    self.price = price
  }
}

/// Tier arithmetic shared by `Tariff`.
enum TieredPricing {
  /// Exact cost in 10^-6 yuan of the month's energy from `before` to `before + energy`.
  ///
  /// Band i covers month energy (previous bound, upTo]; the first band starts at minus infinity and the
  /// last band is treated as open-ended even when bounded. A bound at or below an earlier one leaves its
  /// band empty. Negative `energy` gives the negated cost of the range (before + energy, before].
  static func exactMicroYuan(bands: [TierBand], before: Energy, energy: Energy) -> Int64 {
    let low = min(before.centiKWh, before.centiKWh + energy.centiKWh)
    let high = max(before.centiKWh, before.centiKWh + energy.centiKWh)
    var total: Int64 = 0
    var lowerBound = Int64.min
    for (index, band) in bands.enumerated() {
      let isLast = index == bands.count - 1
      let upperBound = isLast ? Int64.max : max(lowerBound, band.upTo?.centiKWh ?? Int64.max)
      let overlap = min(high, upperBound) - max(low, lowerBound)
      if overlap > 0 {
        total += overlap * band.price.tenThousandthsYuanPerKWh
      }
      lowerBound = upperBound
      if lowerBound == Int64.max { break }
    }
    return energy.centiKWh < 0 ? -total : total
  }

  /// The band that prices the next 0.01 kWh after `before`, or nil for an empty table.
  static func band(after before: Energy, in bands: [TierBand]) -> TierBand? {
    bands.first(where: { band in band.upTo.map { $0 > before } ?? true }) ?? bands.last
  }

  /// Checks a tier table: non-empty, strictly increasing positive bounds, only the last open-ended, no
  /// negative price.
  static func validate(_ bands: [TierBand]) throws(TariffError) {
    guard let last = bands.last else { throw .emptyTiers }
    guard last.upTo == nil else { throw .lastTierBounded }
    var previous = Energy.zero
    for band in bands.dropLast() {
      guard let upTo = band.upTo else { throw .unboundedTierNotLast }
      guard upTo > previous else { throw .tiersNotIncreasing(upTo) }
      previous = upTo
    }
    for band in bands where band.price < .zero {
      throw .negativePrice(band.price)
    }
  }
}

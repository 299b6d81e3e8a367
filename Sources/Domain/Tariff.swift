/// How a site prices energy: one price, time-of-use (尖峰平谷) or monthly tiers (阶梯).
///
/// Build freely, then call `validate()` before storing or downloading a tariff; `cost` and `price` stay
/// defined for invalid tariffs (see their notes) so they never trap on bad configuration.
public enum Tariff: Sendable, Hashable, Codable {
  /// One price at all times.
  case single(Price)
  /// A price per period, applied by the schedule in the site's local time.
  case timeOfUse(prices: [TariffPeriod: Price], schedule: TimeOfUseSchedule)
  /// Prices by the energy already used this calendar month.
  case tiered([TierBand])
}

extension Tariff {
  /// Throws the first problem: a negative price, a schedule period without a price, or a bad tier table.
  public func validate() throws(TariffError) {
    switch self {
    case .single(let price):
      if price < .zero { throw .negativePrice(price) }
    case .timeOfUse(let prices, let schedule):
      for period in TariffPeriod.allCases where schedule.periods.contains(period) {
        guard let price = prices[period] else { throw .missingPrice(period) }
        if price < .zero { throw .negativePrice(price) }
      }
    case .tiered(let bands):
      try TieredPricing.validate(bands)
    }
  }

  /// The cost of `energy` consumed uniformly over `interval` of local time, rounded half-up to fen once.
  ///
  /// - single: energy × price.
  /// - timeOfUse: the interval (which may cross midnight and period boundaries) is split into minutes per
  ///   period; energy is shared out in proportion to those minutes in whole 0.01 kWh so the parts add up
  ///   exactly to `energy` (cumulative truncation, periods in `TariffPeriod.allCases` order); the exact
  ///   costs are summed in 10^-6 yuan and rounded once. A zero-length interval prices all energy at the
  ///   start minute. A period without a price costs nothing (`validate()` refuses such tariffs).
  /// - tiered: the energy occupies month energy from `monthEnergyBefore` onward and may straddle bands;
  ///   the interval is not used.
  public func cost(of energy: Energy, over interval: LocalInterval, monthEnergyBefore: Energy) -> Money {
    let microYuan: Int64
    switch self {
    case .single(let price):
      microYuan = exactMicroYuan(of: energy, at: price)
    case .timeOfUse(let prices, let schedule):
      let minutes = schedule.minutesByPeriod(over: interval)
      let periods = TariffPeriod.allCases.filter { minutes[$0] != nil }
      let totalMinutes = Int64(minutes.values.reduce(0, +))
      var sum: Int64 = 0
      if totalMinutes == 0 {
        for period in periods {
          sum += exactMicroYuan(of: energy, at: prices[period] ?? .zero)
        }
      } else {
        var cumulativeMinutes: Int64 = 0
        var allocated: Int64 = 0
        for period in periods {
          cumulativeMinutes += Int64(minutes[period] ?? 0)
          let share = Self.proportion(energy.centiKWh, cumulativeMinutes, totalMinutes)
          let part = Energy(centiKWh: share - allocated)
          allocated = share
          sum += exactMicroYuan(of: part, at: prices[period] ?? .zero)
        }
      }
      microYuan = sum
    case .tiered(let bands):
      microYuan = TieredPricing.exactMicroYuan(bands: bands, before: monthEnergyBefore, energy: energy)
    }
    return Money(fen: Rounding.divideHalfUp(microYuan, by: microYuanPerFen))
  }

  /// The price in force at a minute of local day: the single price, the time-of-use period's price, or the
  /// price of the band that the next 0.01 kWh after `monthEnergyBefore` falls in. Nil when the period has
  /// no price or the tier table is empty.
  public func price(atMinuteOfDay minute: Int, monthEnergyBefore: Energy) -> Price? {
    switch self {
    case .single(let price): price
    case .timeOfUse(let prices, let schedule): prices[schedule.period(atMinuteOfDay: minute)]
    case .tiered(let bands): TieredPricing.band(after: monthEnergyBefore, in: bands)?.price
    }
  }

  /// `value × numerator ÷ denominator` truncated toward zero, without intermediate overflow
  /// (requires 0 ≤ numerator ≤ denominator, so the result fits).
  private static func proportion(_ value: Int64, _ numerator: Int64, _ denominator: Int64) -> Int64 {
    let product = value.multipliedFullWidth(by: numerator)
    return denominator.dividingFullWidth(product).quotient
  }
}

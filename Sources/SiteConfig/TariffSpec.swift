import Domain

/// A tariff in a storable, human-readable form (prices as decimal strings).
public struct TariffSpec: Sendable, Hashable, Codable {
  /// `single`, `tou` or `tiered`.
  public var kind: String
  /// Single price, yuan/kWh.
  public var price: String?
  /// Time-of-use prices by period name (`sharp`, `peak`, `flat`, `valley`).
  public var prices: [String: String]?
  /// Time-of-use schedule entries, `HH:MM period`.
  public var schedule: [String]?
  /// Tier bands: upper bound in kWh (nil for the last) and price.
  public var tiers: [Tier]?

  /// One band of a tiered tariff.
  public struct Tier: Sendable, Hashable, Codable {
    /// Upper bound of the band in kWh, nil for the open last band.
    public var upTo: String?
    /// Price in the band, yuan/kWh.
    public var price: String
  }

  /// Builds the domain tariff, or says what is wrong.
  public func tariff() -> Result<Tariff, TariffSpecError> {
    switch kind {
    case "single":
      guard let price else { return .failure(.missing("price")) }
      return parsePrice(price, key: "price").map { .single($0) }
    case "tou":
      var byPeriod: [TariffPeriod: Price] = [:]
      for period in TariffPeriod.allCases {
        guard let text = prices?[period.rawValue] else {
          return .failure(.missing(period.rawValue))
        }
        switch parsePrice(text, key: period.rawValue) {
        case .success(let price): byPeriod[period] = price
        case .failure(let error): return .failure(error)
        }
      }
      guard let schedule, !schedule.isEmpty else { return .failure(.missing("schedule")) }
      var slots: [TimeOfUseSchedule.Slot] = []
      for entry in schedule {
        let parts = entry.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let period = TariffPeriod(rawValue: String(parts[1])) else {
          return .failure(.invalid("schedule", "\"\(entry)\" is not \"HH:MM period\""))
        }
        do {
          slots.append(try TimeOfUseSchedule.Slot(start: String(parts[0]), period: period))
        } catch {
          return .failure(.invalid("schedule", "\"\(entry)\": \(error)"))
        }
      }
      do {
        return .success(.timeOfUse(prices: byPeriod, schedule: try TimeOfUseSchedule(slots: slots)))
      } catch {
        return .failure(.invalid("schedule", "\(error)"))
      }
    case "tiered":
      guard let tiers, !tiers.isEmpty else { return .failure(.missing("tiers")) }
      var bands: [TierBand] = []
      for tier in tiers {
        var upTo: Energy?
        if let text = tier.upTo {
          switch Energy.parse(text) {
          case .success(let energy): upTo = energy
          case .failure(let error): return .failure(.invalid("up_to", "\"\(text)\": \(error)"))
          }
        }
        switch parsePrice(tier.price, key: "price") {
        case .success(let price): bands.append(TierBand(upTo: upTo, price: price))
        case .failure(let error): return .failure(error)
        }
      }
      if bands.dropLast().contains(where: { $0.upTo == nil }) || bands.last?.upTo != nil {
        return .failure(.invalid("tiers", "only the last band may omit up_to, and it must"))
      }
      return .success(.tiered(bands))
    default:
      return .failure(.invalid("kind", "\"\(kind)\" is not single, tou or tiered"))
    }
  }

  private func parsePrice(_ text: String, key: String) -> Result<Price, TariffSpecError> {
    Price.parse(text).mapError { .invalid(key, "\"\(text)\": \($0)") }
  }
}

/// Why a tariff specification cannot become a tariff.
public enum TariffSpecError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A required key is absent.
  case missing(String)
  /// A key holds a bad value.
  case invalid(String, String)

  /// A short English reason naming the key.
  public var description: String {
    switch self {
    case .missing(let key): return "missing key \"\(key)\""
    case .invalid(let key, let why): return "bad \(key): \(why)"
    }
  }
}

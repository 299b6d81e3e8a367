import Domain
import MeterProfiles
import SiteConfig

/// The deterministic starting state of a meter when there is no state file, chosen so a site shows
/// every state: most opened meters funded, some in alarm 1, alarm 2 and arrears; unopened meters empty.
enum InitialState {
  /// The share of opened meters (out of 100) in each state, by a hash of the meter number.
  static let arrearsShare: UInt64 = 5
  /// Alarm 2 share.
  static let alarm2Share: UInt64 = 6
  /// Alarm 1 share.
  static let alarm1Share: UInt64 = 7

  /// The starting state of `meter`.
  static func state(
    meter: MeterDefinition, opened: Bool, defaults: SiteDefaults, tariff: Tariff, profile: MeterProfile,
    simulatedTime: Double
  ) -> MeterState {
    let seed = DeterministicNoise.seed("initial:" + meter.number)
    var settings: [String: Int64] = [:]
    let alarm1 = (meter.alarm1 ?? defaults.alarm1).fen
    let alarm2 = (meter.alarm2 ?? defaults.alarm2).fen
    settings[SettingName.alarm1.rawValue] = alarm1
    settings[SettingName.alarm2.rawValue] = alarm2
    settings[SettingName.powerLimit.rawValue] = Int64(meter.powerThresholdW ?? defaults.powerThresholdW)
    for (period, price) in prices(of: tariff) {
      settings[MeterState.priceSetting(period).rawValue] = price.tenThousandthsYuanPerKWh
    }

    var remaining: Int64 = 0
    var count: UInt16 = 0
    if opened {
      count = UInt16(DeterministicNoise.integer(seed, 1, in: 1...40))
      let bucket = DeterministicNoise.mix(seed) % 100
      let low = max(1, alarm2)
      switch bucket {
      case 0..<arrearsShare:
        remaining = -DeterministicNoise.integer(seed, 2, in: 0...3000)
      case arrearsShare..<(arrearsShare + alarm2Share):
        remaining = DeterministicNoise.integer(seed, 2, in: 1...low)
      case (arrearsShare + alarm2Share)..<(arrearsShare + alarm2Share + alarm1Share):
        remaining = DeterministicNoise.integer(seed, 2, in: (low + 1)...max(low + 1, alarm1))
      default:
        let funded = DeterministicNoise.integer(seed, 2, in: 15_000...300_000)
        remaining = max(funded, alarm1 + 10_000)
      }
    }
    let totalCentiKWh =
      opened
      ? DeterministicNoise.integer(seed, 3, in: 50_000...3_000_000)
      : DeterministicNoise.integer(seed, 3, in: 0...5_000)
    let energy = split(totalCentiKWh, tariff: tariff, seed: seed)

    let keepPower = meter.keepPower
    var commandRegisters: [UInt16] = []
    if let area = profile.commandArea {
      commandRegisters = Array(repeating: 0, count: area.count)
      if let write = profile.commands[keepPower ? .keepPower : .restorePrepay] {
        for (offset, value) in write.values.enumerated() {
          let index = write.addresses.lowerBound - area.lowerBound + offset
          if commandRegisters.indices.contains(index) { commandRegisters[index] = value }
        }
      }
    }
    return MeterState(
      wallet: MeterWallet(remainingFen: remaining, energy: energy), energyCarry: 0,
      purchaseCount: count, forceControl: keepPower ? .keepPower : .prepay,
      commandRegisters: commandRegisters, settingValues: settings, rechargeLog: [], rechargeResult: 0,
      overloadUntil: nil, lastAdvanced: simulatedTime)
  }

  /// The four prices a meter is loaded with: TOU prices, a single price in every period, or a tiered
  /// tariff's first band (meters cannot count monthly tiers).
  static func prices(of tariff: Tariff) -> [TariffPeriod: Price] {
    var result: [TariffPeriod: Price] = [:]
    for period in TariffPeriod.allCases {
      switch tariff {
      case .single(let price): result[period] = price
      case .timeOfUse(let prices, _): result[period] = prices[period] ?? .zero
      case .tiered(let bands): result[period] = bands.first?.price ?? .zero
      }
    }
    return result
  }

  /// The day a meter follows: the TOU schedule, or all day flat for single and tiered tariffs.
  static func schedule(of tariff: Tariff) -> TimeOfUseSchedule {
    if case .timeOfUse(_, let schedule) = tariff { return schedule }
    return (try? TimeOfUseSchedule(slots: [.init(startMinute: 0, period: .flat)])) ?? .standard
  }

  /// Shares a starting total energy out over the periods the tariff uses.
  static func split(_ total: Int64, tariff: Tariff, seed: UInt64) -> [TariffPeriod: Int64] {
    guard case .timeOfUse = tariff else { return [.flat: total] }
    let weights: [TariffPeriod: Double] = [
      .sharp: 0.10 + 0.05 * DeterministicNoise.unit(seed, 4),
      .peak: 0.30 + 0.08 * DeterministicNoise.unit(seed, 5),
      .flat: 0.28 + 0.06 * DeterministicNoise.unit(seed, 6),
      .valley: 0.20 + 0.08 * DeterministicNoise.unit(seed, 7),
    ]
    let sum = weights.values.reduce(0, +)
    var result: [TariffPeriod: Int64] = [:]
    var allocated: Int64 = 0
    for period in TariffPeriod.allCases.dropLast() {
      let part = Int64(Double(total) * (weights[period] ?? 0) / sum)
      result[period] = part
      allocated += part
    }
    result[.valley] = total - allocated
    return result
  }
}

import Domain

/// A meter's energy registers and prepaid wallet, kept in fine units so rounding never drifts.
///
/// Energy is held in mWh per tariff period (0.01 kWh = 10 000 mWh); the money not yet taken off the
/// wallet is held in 10⁻¹⁰ yuan (mWh × 0.0001 yuan/kWh) and whole fen move to the wallet as they add up.
struct MeterWallet: Sendable, Hashable, Codable {
  /// mWh in one 0.01 kWh register step.
  static let milliWhPerCentiKWh: Int64 = 10_000
  /// Cost units (10⁻¹⁰ yuan) in one fen.
  static let costUnitsPerFen: Int64 = 100_000_000

  /// Energy used per tariff period, mWh.
  var energyMilliWh: [TariffPeriod: Int64]
  /// Remaining amount in fen; negative when overdrawn.
  var remainingFen: Int64
  /// Cost of energy used but not yet taken off the wallet, 10⁻¹⁰ yuan (always below one fen).
  var pendingCost: Int64

  /// A wallet with `remainingFen` and starting energy in 0.01 kWh per period.
  init(remainingFen: Int64, energy: [TariffPeriod: Int64]) {
    self.remainingFen = remainingFen
    energyMilliWh = energy.mapValues { $0 * Self.milliWhPerCentiKWh }
    pendingCost = 0
  }

  /// Energy of one period in 0.01 kWh (truncated, as a meter's register shows it).
  func energy(_ period: TariffPeriod) -> Int64 {
    (energyMilliWh[period] ?? 0) / Self.milliWhPerCentiKWh
  }

  /// Total energy in 0.01 kWh.
  var totalEnergy: Int64 {
    energyMilliWh.values.reduce(0, +) / Self.milliWhPerCentiKWh
  }

  /// Records `milliWh` used in `period` and charges it at `price`.
  mutating func consume(milliWh: Int64, period: TariffPeriod, price: Price) {
    guard milliWh > 0 else { return }
    energyMilliWh[period, default: 0] += milliWh
    let (cost, overflow) = milliWh.multipliedReportingOverflow(by: max(0, price.tenThousandthsYuanPerKWh))
    pendingCost += overflow ? Int64.max / 4 : cost
    let wholeFen = pendingCost / Self.costUnitsPerFen
    remainingFen -= wholeFen
    pendingCost -= wholeFen * Self.costUnitsPerFen
  }
}

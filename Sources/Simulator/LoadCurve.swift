/// The power a tenant draws at a moment of local time: a daily shape by tenant type, scaled per
/// meter, with deterministic noise per minute.
struct LoadCurve: Sendable, Hashable {
  /// The tenant type giving the daily shape.
  var type: TenantType
  /// The meter's peak demand in W before noise.
  var peakW: Double
  /// Seed for the noise (from the meter number).
  var seed: UInt64

  /// A curve for a meter: peak demand by type, scaled 0.4–1.8× by the meter number.
  init(type: TenantType, meterNumber: String) {
    self.type = type
    seed = DeterministicNoise.seed(meterNumber)
    let scale = 0.4 + 1.4 * DeterministicNoise.unit(seed, -1)
    peakW = Self.nominalPeakW(type) * scale
  }

  /// Typical peak demand of one tenant of a type, in W.
  static func nominalPeakW(_ type: TenantType) -> Double {
    switch type {
    case .office: 2500
    case .mall: 4000
    case .apartment: 1200
    case .other: 1500
    }
  }

  /// Fraction of peak at each local hour (0–23) on a working day.
  static func hourlyShape(_ type: TenantType, weekend: Bool) -> [Double] {
    switch type {
    case .office:
      let day: [Double] = [
        0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.10, 0.25, 0.60, 0.95, 1.00, 0.95,
        0.75, 0.90, 1.00, 1.00, 0.95, 0.80, 0.50, 0.30, 0.20, 0.12, 0.10, 0.08,
      ]
      return weekend ? day.map { max(0.08, $0 * 0.3) } : day
    case .mall:
      return [
        0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.08, 0.30, 0.85, 0.90,
        1.00, 0.95, 0.85, 0.85, 0.90, 0.95, 1.00, 1.00, 0.95, 0.90, 0.35, 0.08,
      ]
    case .apartment:
      return [
        0.15, 0.12, 0.12, 0.12, 0.12, 0.15, 0.35, 0.50, 0.30, 0.15, 0.15, 0.18,
        0.22, 0.18, 0.15, 0.15, 0.20, 0.45, 0.85, 1.00, 0.95, 0.85, 0.60, 0.30,
      ]
    case .other:
      return [
        0.30, 0.30, 0.30, 0.30, 0.30, 0.30, 0.40, 0.50, 0.60, 0.60, 0.60, 0.60,
        0.60, 0.60, 0.60, 0.60, 0.60, 0.60, 0.55, 0.50, 0.45, 0.40, 0.35, 0.30,
      ]
    }
  }

  /// Demand in W during the local minute `minuteIndex` (minutes since 1970 in local time),
  /// interpolating the hourly shape and adding ±12 % noise.
  func demandW(localMinute minuteIndex: Int64) -> Double {
    let minuteOfDay = Int(((minuteIndex % 1440) + 1440) % 1440)
    let day = (minuteIndex >= 0 ? minuteIndex : minuteIndex - 1439) / 1440
    // 1970-01-01 was a Thursday: day 0 → weekday index 3 (Mon = 0).
    let weekday = Int(((day + 3) % 7 + 7) % 7)
    let shape = Self.hourlyShape(type, weekend: weekday >= 5)
    let hour = minuteOfDay / 60
    let fraction = Double(minuteOfDay % 60) / 60
    let level = shape[hour] * (1 - fraction) + shape[(hour + 1) % 24] * fraction
    let noise = 1 + 0.12 * DeterministicNoise.signed(seed, minuteIndex)
    return max(0, peakW * level * noise)
  }

  /// Mains voltage in 0.1 V during a minute: 220 V ± 3 %.
  func voltageDeciV(localMinute minuteIndex: Int64) -> Int64 {
    2200 + Int64((66 * DeterministicNoise.signed(seed &+ 1, minuteIndex)).rounded())
  }

  /// Power factor in 0.001 during a minute: 0.86–0.99 by meter, with a little noise.
  func powerFactorMilli(localMinute minuteIndex: Int64) -> Int64 {
    let base = 860 + 110 * DeterministicNoise.unit(seed, -2)
    let value = base + 20 * DeterministicNoise.signed(seed &+ 2, minuteIndex)
    return min(999, max(500, Int64(value.rounded())))
  }
}

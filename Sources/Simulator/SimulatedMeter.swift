import Domain
import Foundation
import MeterProfiles

/// One simulated prepaid meter: it draws its load curve, fills its energy registers per tariff period,
/// charges its wallet at the price in force, and opens its relay on arrears or overload.
struct SimulatedMeter: Sendable {
  /// Simulated seconds an overload trip lasts before the meter restores itself.
  static let overloadRecoverySeconds: Double = 300
  /// Gaps longer than this are simulated in 15-minute steps instead of 1-minute steps.
  static let coarseGapSeconds: Double = 6 * 3600

  /// What never changes.
  let identity: MeterIdentity
  /// What changes and is saved.
  var state: MeterState
  /// The schedule in force: the TOU table as written, else the site tariff's.
  private(set) var schedule: TimeOfUseSchedule
  /// The meter's prices and schedule as a Domain tariff, rebuilt when prices or the schedule change.
  private(set) var tariff: Tariff

  /// A meter in `state`.
  init(identity: MeterIdentity, state: MeterState) {
    self.identity = identity
    self.state = state
    schedule = Self.schedule(identity: identity, state: state)
    tariff = Self.tariff(state: state, schedule: schedule)
  }

  /// The time-of-use tariff the meter charges by: its price settings on its schedule.
  static func tariff(state: MeterState, schedule: TimeOfUseSchedule) -> Tariff {
    var prices: [TariffPeriod: Price] = [:]
    for period in TariffPeriod.allCases {
      prices[period] = Price(tenThousandthsYuanPerKWh: state.setting(MeterState.priceSetting(period)))
    }
    return .timeOfUse(prices: prices, schedule: schedule)
  }

  /// Rebuilds the schedule and tariff after a price or TOU download.
  mutating func pricesChanged() {
    schedule = Self.schedule(identity: identity, state: state)
    tariff = Self.tariff(state: state, schedule: schedule)
  }

  // MARK: relay

  /// Whether the relay is closed at simulated time `t`.
  func relayClosed(at t: Double) -> Bool {
    switch state.forceControl {
    case .trip: return false
    case .keepPower: return true
    case .prepay: return state.wallet.remainingFen > 0 && !overloaded(at: t)
    }
  }

  /// Whether an overload trip holds the relay open at `t`.
  func overloaded(at t: Double) -> Bool {
    guard let until = state.overloadUntil else { return false }
    return t < until
  }

  /// Trips on overload when the demand exceeds the power limit in prepay mode.
  private mutating func checkOverload(at t: Double, demandW: Double) {
    if let until = state.overloadUntil, t >= until { state.overloadUntil = nil }
    let limit = state.setting(.powerLimit)
    guard state.forceControl == .prepay, limit > 0, state.wallet.remainingFen > 0, !overloaded(at: t),
      demandW > Double(limit)
    else { return }
    state.overloadUntil = t + Self.overloadRecoverySeconds
  }

  // MARK: time

  /// The load the tenant asks for at simulated time `t` (0 for unopened meters), W.
  func demandW(at t: Double, offset: Double) -> Double {
    guard identity.opened else { return 0 }
    return identity.curve.demandW(localMinute: Self.localMinute(t + offset))
  }

  /// Minutes since 1970 of a local time in seconds.
  static func localMinute(_ localSeconds: Double) -> Int64 {
    Int64((localSeconds / 60).rounded(.down))
  }

  /// Runs the meter forward to simulated time `target`: energy, wallet, overload trips.
  mutating func advance(to target: Double, zone: SiteTimeZone) {
    guard target.isFinite, target > state.lastAdvanced else { return }
    let offset = zone.offsetSeconds(at: target)
    var t = state.lastAdvanced
    let granularity: Double = target - t > Self.coarseGapSeconds ? 900 : 60
    while t < target {
      let local = t + offset
      let minuteOfDay = Int(
        (local.truncatingRemainder(dividingBy: 86_400) + 86_400)
          .truncatingRemainder(dividingBy: 86_400) / 60)
      var end = ((local / granularity).rounded(.down) + 1) * granularity - offset
      let dayStart =
        local
        - (local.truncatingRemainder(dividingBy: 86_400) + 86_400)
        .truncatingRemainder(dividingBy: 86_400)
      let nextSlot =
        schedule.slots.first { $0.startMinute > minuteOfDay }?.startMinute
        ?? TimeOfUseSchedule.minutesPerDay
      end = min(end, dayStart + Double(nextSlot * 60) - offset, target)
      if end <= t { end = min(target, t + granularity) }
      let demand = demandW(at: t, offset: offset)
      checkOverload(at: t, demandW: demand)
      if demand > 0, relayClosed(at: t) {
        let exact = demand * (end - t) / 3.6 + state.energyCarry
        let whole = exact.rounded(.down)
        state.energyCarry = exact - whole
        let period = schedule.period(atMinuteOfDay: minuteOfDay)
        let price =
          tariff.price(atMinuteOfDay: minuteOfDay, monthEnergyBefore: .zero) ?? .zero
        state.wallet.consume(milliWh: Int64(whole), period: period, price: price)
      }
      t = end
    }
    state.lastAdvanced = target
    checkOverload(at: target, demandW: demandW(at: target, offset: offset))
  }

  // MARK: values

  /// The meter's values at simulated time `t` in canonical units (advance first).
  func values(at t: Double, zone: SiteTimeZone) -> MeterValues {
    let offset = zone.offsetSeconds(at: t)
    let minute = Self.localMinute(t + offset)
    let closed = relayClosed(at: t)
    let power = closed ? Int64(demandW(at: t, offset: offset).rounded()) : 0
    let voltage = identity.curve.voltageDeciV(localMinute: minute)
    let factor = power > 0 ? identity.curve.powerFactorMilli(localMinute: minute) : 1000
    var values = MeterValues()
    values.modelCode = identity.profile.identity.modelCode
    values.voltageDeciV = voltage
    values.powerW = power
    values.powerFactorMilli = factor
    values.currentCentiA = power > 0 ? power * 1_000_000 / max(1, voltage * factor) : 0
    values.energySharp = state.wallet.energy(.sharp)
    values.energyPeak = state.wallet.energy(.peak)
    values.energyFlat = state.wallet.energy(.flat)
    values.energyValley = state.wallet.energy(.valley)
    values.energyTotal = state.wallet.totalEnergy
    let remaining = state.wallet.remainingFen
    values.remainingFen = remaining
    values.purchaseCount = Int64(state.purchaseCount)
    values.ctRatio = identity.ctRatio
    values.relayClosed = closed
    values.fault = false
    values.overPowerLimit = overloaded(at: t)
    values.arrears = remaining <= 0
    values.alarm1 = remaining <= state.setting(.alarm1)
    values.alarm2 = remaining <= state.setting(.alarm2)
    return values
  }

  /// A public snapshot at simulated time `t` (advance first).
  func snapshot(at t: Double, zone: SiteTimeZone) -> SimulatedMeterSnapshot {
    let values = values(at: t, zone: zone)
    var energy: [TariffPeriod: Energy] = [:]
    for period in TariffPeriod.allCases {
      energy[period] = Energy(centiKWh: state.wallet.energy(period))
    }
    return SimulatedMeterSnapshot(
      meterNumber: identity.number, bus: identity.bus, address: Int(identity.address),
      opened: identity.opened, remainingFen: state.wallet.remainingFen,
      purchaseCount: state.purchaseCount, relayClosed: values.relayClosed ?? false,
      forceControl: state.forceControl, overloaded: values.overPowerLimit,
      powerW: values.powerW ?? 0, energyTotal: Energy(centiKWh: state.wallet.totalEnergy),
      energy: energy, rechargeLog: state.rechargeLog, rechargeResult: state.rechargeResult,
      settings: SimulatedMeterSettings(state: state), schedule: schedule,
      period: schedule.period(atMinuteOfDay: Self.minuteOfDay(t + zone.offsetSeconds(at: t))),
      simulatedTime: Date(timeIntervalSince1970: t))
  }
}

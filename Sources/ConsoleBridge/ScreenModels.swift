import Acquisition
import Domain
import Foundation
import ModbusTransport
import Screens
import Services
import Store

/// Turns service data into the plain models the screens show (Screens cannot import Services).
public enum ScreenModels {
  /// A grid row from a meter summary.
  public static func grid(_ meter: MeterSummary, buildingNames: [String: String]) -> GridMeter {
    GridMeter(
      meter: meter.meter, building: meter.building,
      buildingName: buildingNames[meter.building] ?? meter.building, floor: meter.floor,
      shop: meter.shop, bus: meter.bus, address: meter.address, account: meter.account,
      tenant: meter.tenant, phone: meter.phone, status: meter.status, flags: meter.flags,
      remaining: meter.remaining, readAt: meter.readAt, powerW: meter.powerW, energy: meter.energy)
  }

  /// The detail screen model from the detail service's data.
  public static func detail(_ data: MeterDetailData, buildingNames: [String: String]) -> MeterDetail {
    let state = data.state
    var energy: [TariffPeriod: Energy] = [:]
    if let value = state?.energySharp { energy[.sharp] = Energy(centiKWh: value) }
    if let value = state?.energyPeak { energy[.peak] = Energy(centiKWh: value) }
    if let value = state?.energyFlat { energy[.flat] = Energy(centiKWh: value) }
    if let value = state?.energyValley { energy[.valley] = Energy(centiKWh: value) }
    return MeterDetail(
      grid: grid(data.summary, buildingNames: buildingNames), profile: data.meter.profile,
      circuit: data.meter.circuit, ctRatio: data.meter.ctRatio, alarm1: data.summary.alarm1,
      alarm2: data.summary.alarm2,
      powerThresholdW: data.meter.powerThresholdW ?? data.settings.powerThresholdW,
      hoardingCap: Money(fen: data.settings.hoardingCapFen), tariffName: data.tariffName,
      prices: data.prices, keepPower: data.meter.keepPower, voltageDeciV: state?.voltageDeciV,
      currentCentiA: state?.currentCentiA, powerW: state?.powerW,
      powerFactorMilli: state?.powerFactorMilli,
      energyTotal: state?.energyTotal.map(Energy.init(centiKWh:)), energyByPeriod: energy,
      purchaseCount: state?.purchaseCount, purchaseTotal: data.purchaseTotal,
      relayClosed: state?.relayClosed,
      recentAlarms: data.alarms.map {
        AlarmLine(at: $0.at, kind: $0.kind, entered: $0.entered, detail: $0.detail)
      },
      dailyEnergy: data.dailyEnergy, lastError: state?.lastError)
  }

  /// A bus-view row from acquisition statistics.
  public static func bus(_ stats: BusStatistics, framing: String) -> BusRow {
    BusRow(
      name: stats.bus, framing: framing, endpoint: stats.endpoint, meters: stats.meters,
      online: stats.online, offline: stats.meters - stats.online, requests: stats.requests,
      timeouts: stats.timeouts, crcErrors: stats.crcErrors, exceptions: stats.exceptions,
      p50: stats.p50, p90: stats.p90, p99: stats.p99, up: stats.up, lastError: stats.lastError)
  }

  /// A trace line from a transport frame.
  public static func trace(_ frame: FrameTrace, at: Date) -> TraceLine {
    let direction: String
    switch frame.direction {
    case .sent: direction = "→"
    case .received: direction = "←"
    case .discarded: direction = "✕"
    }
    return TraceLine(at: at, direction: direction, hex: frame.hex, note: frame.note)
  }
}

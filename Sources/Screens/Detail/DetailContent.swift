import Domain
import Foundation
import TerminalUI

/// One labelled value of the detail screen.
struct DetailPair {
  var label: String
  var value: String
  var role: StyleRole = .normal
  /// Takes a whole line even in the narrow layout (long values such as prices per period).
  var wide: Bool = false
}

/// One line of the detail screen as laid out.
enum DetailLine {
  case title(String)
  case pairs([DetailPair])
  case text(String, StyleRole)
  case sparkline([Int64])
  case blank
}

/// The detail's sections as labelled values, in the operator's language.
struct DetailContent {
  let state: DetailState
  let detail: MeterDetail
  let strings: Strings

  /// Cells for the labels: the indent, the longest label of any section, and a gap.
  func labelWidth() -> Int {
    let labels = (account() + live() + settings() + identity()).map { Format.cells($0.label) }
    return 2 + (labels.max() ?? 0) + 1
  }

  func account() -> [DetailPair] {
    let grid = detail.grid
    let never = strings[CommonText.never]
    let flags = strings.flags(grid.flags)
    let status = ([strings.status(grid.status)] + flags).joined(separator: " ")
    return [
      DetailPair(label: strings[DetailText.accountNumber], value: grid.account ?? never),
      DetailPair(label: strings[DetailText.tenant], value: grid.tenant ?? never),
      DetailPair(label: strings[DetailText.phone], value: grid.phone ?? never),
      DetailPair(label: strings[DetailText.status], value: status, role: grid.status.styleRole),
      DetailPair(
        label: strings[DetailText.remaining], value: Format.yuan(grid.remaining, strings: strings),
        role: grid.status == .normal ? .normal : grid.status.styleRole),
      DetailPair(
        label: strings[DetailText.purchaseCount], value: detail.purchaseCount.map { "\($0)" } ?? never),
      DetailPair(
        label: strings[DetailText.purchaseTotal], value: Format.yuan(detail.purchaseTotal, strings: strings)),
    ]
  }

  func live() -> [DetailPair] {
    let never = strings[CommonText.never]
    let grid = detail.grid
    let relay: String
    switch detail.relayClosed {
    case true?: relay = strings[DetailText.relayClosed]
    case false?: relay = strings[DetailText.relayOpen]
    case nil: relay = strings[DetailText.unknown]
    }
    let lastRead =
      grid.readAt.map {
        strings.format(
          DetailText.readAge, state.clock.dateTime($0),
          Format.age(since: $0, now: state.now, strings: strings))
      } ?? never
    var pairs = [
      DetailPair(
        label: strings[DetailText.voltage],
        value: Format.fixed(detail.voltageDeciV, scale: 1, unit: "V", strings: strings)),
      DetailPair(
        label: strings[DetailText.current],
        value: Format.fixed(detail.currentCentiA, scale: 2, unit: "A", strings: strings)),
      DetailPair(
        label: strings[DetailText.power],
        value: detail.powerW.map { Format.grouped(Int($0)) + " W" } ?? never),
      DetailPair(
        label: strings[DetailText.powerFactor],
        value: Format.fixed(detail.powerFactorMilli, scale: 3, unit: "", strings: strings)),
      DetailPair(
        label: strings[DetailText.energyTotal],
        value: detail.energyTotal.map { "\($0.decimalString) kWh" } ?? never),
      DetailPair(
        label: strings[DetailText.relay], value: relay, role: detail.relayClosed == false ? .tripped : .normal
      ),
      DetailPair(
        label: strings[DetailText.energyByPeriod],
        value: periods(detail.energyByPeriod.mapValues(\.decimalString)), wide: true),
      DetailPair(label: strings[DetailText.lastRead], value: lastRead, wide: true),
    ]
    if let error = detail.lastError {
      pairs.append(DetailPair(label: strings[DetailText.lastError], value: error, role: .error, wide: true))
    }
    return pairs
  }

  func settings() -> [DetailPair] {
    let yesNo = { (flag: Bool) in strings[flag ? DetailText.yes : DetailText.no] }
    return [
      DetailPair(label: strings[DetailText.alarm1], value: Format.yuan(detail.alarm1, strings: strings)),
      DetailPair(label: strings[DetailText.alarm2], value: Format.yuan(detail.alarm2, strings: strings)),
      DetailPair(
        label: strings[DetailText.hoardingCap], value: Format.yuan(detail.hoardingCap, strings: strings)),
      DetailPair(
        label: strings[DetailText.powerThreshold], value: Format.grouped(detail.powerThresholdW) + " W"),
      DetailPair(label: strings[DetailText.tariff], value: detail.tariffName),
      DetailPair(
        label: strings[DetailText.keepPower], value: yesNo(detail.keepPower),
        role: detail.keepPower ? .keepPower : .normal),
      DetailPair(
        label: strings[DetailText.prices], value: periods(detail.prices.mapValues(\.decimalString)),
        wide: true),
    ]
  }

  func identity() -> [DetailPair] {
    let grid = detail.grid
    return [
      DetailPair(label: strings[DetailText.meter], value: grid.meter),
      DetailPair(label: strings[DetailText.shop], value: grid.shop),
      DetailPair(label: strings[DetailText.location], value: grid.buildingName + " " + grid.floor),
      DetailPair(label: strings[DetailText.bus], value: "\(grid.bus):\(grid.address)"),
      DetailPair(label: strings[DetailText.profile], value: detail.profile),
      DetailPair(label: strings[DetailText.circuit], value: detail.circuit),
      DetailPair(label: strings[DetailText.ctRatio], value: "\(detail.ctRatio)"),
    ]
  }

  /// "尖 1.2000 峰 0.9000 …" for the periods present, in 尖峰平谷 order.
  func periods(_ values: [TariffPeriod: String]) -> String {
    let parts = TariffPeriod.allCases.compactMap { period in
      values[period].map { "\(strings.period(period)) \($0)" }
    }
    return parts.isEmpty ? strings[CommonText.never] : parts.joined(separator: "  ")
  }

  /// The sparkline caption: days shown, maximum and total in kWh.
  func dailySummary() -> String {
    let values = detail.dailyEnergy
    let maximum = Energy(centiKWh: values.max() ?? 0)
    let total = Energy(centiKWh: values.reduce(0, +))
    return strings.format(
      DetailText.dailySummary, "\(values.count)", maximum.decimalString, total.decimalString)
  }

  /// Recent alarms as text lines with their roles, newest first.
  func alarms() -> [DetailLine] {
    guard !detail.recentAlarms.isEmpty else { return [.text(strings[DetailText.noAlarms], .dim)] }
    return detail.recentAlarms.map { alarm in
      let status = MeterStatus(rawValue: alarm.kind)
      let kind: String
      switch alarm.kind {
      case "overload": kind = strings[CommonText.flagOverload]
      case "tripped": kind = strings[CommonText.flagTripped]
      case "keepPower": kind = strings[CommonText.flagKeepPower]
      default: kind = status.map { strings.status($0) } ?? alarm.kind
      }
      let change = strings[alarm.entered ? DetailText.alarmEntered : DetailText.alarmCleared]
      let text = [state.clock.shortDateTime(alarm.at), kind, change, alarm.detail].filter { !$0.isEmpty }
        .joined(separator: "  ")
      return .text(text, alarm.entered ? (status?.styleRole ?? .warning) : .dim)
    }
  }
}

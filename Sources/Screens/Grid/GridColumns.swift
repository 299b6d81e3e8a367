import Domain
import Foundation
import TerminalUI

/// The columns of the meter grid, from left to right.
enum GridColumnID: Hashable {
  case status, meter, busAddress, location, shop, tenant, phone, power, remaining, markers, age
}

extension GridScreen {
  /// The columns that fit `width`, dropping the least important first (power, phone, location …).
  static func columns(width: Int, strings: Strings) -> [FittedColumn<GridColumnID>] {
    let zh = strings.language == .zh
    let all: [FittedColumn<GridColumnID>] = [
      FittedColumn(
        id: .status, column: TableColumn(title: strings[GridText.colStatus], width: zh ? 6 : 10), priority: 0),
      FittedColumn(
        id: .meter, column: TableColumn(title: strings[GridText.colMeter], width: 12), priority: 1),
      FittedColumn(
        id: .busAddress, column: TableColumn(title: strings[GridText.colBusAddress], width: 9), priority: 7),
      FittedColumn(
        id: .location, column: TableColumn(title: strings[GridText.colLocation], width: 16), priority: 8),
      FittedColumn(id: .shop, column: TableColumn(title: strings[GridText.colShop], width: 8), priority: 6),
      FittedColumn(
        id: .tenant, column: TableColumn(title: strings[GridText.colTenant], width: 0), priority: 3,
        minimumWidth: 12),
      FittedColumn(
        id: .phone, column: TableColumn(title: strings[GridText.colPhone], width: 11), priority: 9),
      FittedColumn(
        id: .power, column: TableColumn(title: strings[GridText.colPower], width: 8, alignment: .right),
        priority: 10),
      FittedColumn(
        id: .remaining,
        column: TableColumn(title: strings[GridText.colRemaining], width: 10, alignment: .right),
        priority: 2),
      FittedColumn(
        id: .markers, column: TableColumn(title: strings[GridText.colMarkers], width: zh ? 8 : 4), priority: 5
      ),
      FittedColumn(
        id: .age, column: TableColumn(title: strings[GridText.colAge], width: 5, alignment: .right),
        priority: 4),
    ]
    return FittedColumn.fit(all, width: width)
  }

  /// The text of one cell.
  static func cell(_ id: GridColumnID, _ meter: GridMeter, now: Date, strings: Strings) -> String {
    switch id {
    case .status: strings.status(meter.status)
    case .meter: meter.meter
    case .busAddress: "\(meter.bus):\(meter.address)"
    case .location: meter.buildingName + " " + meter.floor
    case .shop: meter.shop
    case .tenant: meter.tenant ?? ""
    case .phone: meter.phone ?? ""
    case .power: meter.powerW.map { Format.grouped(Int($0)) } ?? strings[CommonText.never]
    case .remaining: meter.remaining?.grouped ?? strings[CommonText.never]
    case .markers: markerText(meter.flags, strings: strings)
    case .age: Format.age(since: meter.readAt, now: now, strings: strings)
    }
  }

  /// The markers in fixed places (keep power, tripped, pending, settings drift), blanks where a flag
  /// is not set.
  static func markerText(_ flags: MeterFlags, strings: Strings) -> String {
    let blank = strings.language == .zh ? "  " : " "
    return markerSlots.map { flag, text in flags.contains(flag) ? strings[text] : blank }.joined()
  }

  /// The marker slots in order, with their roles.
  static let markerSlots: [(MeterFlags, CommonText)] = [
    (.keepPower, .markerKeepPower), (.tripped, .markerTripped), (.pendingRecharge, .markerPending),
    (.settingsDrift, .markerDrift),
  ]

  /// The role of each marker slot.
  static let markerRoles: [StyleRole] = [.keepPower, .tripped, .pending, .alarm1]
}

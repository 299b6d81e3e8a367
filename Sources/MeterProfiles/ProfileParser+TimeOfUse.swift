import Domain
import ModbusCore

extension ProfileParser {
  /// The optional `[tou]` table (see acrel-ddsy1352.toml).
  func timeOfUse(_ root: TableReader) throws(ProfileError) -> TimeOfUseTable? {
    guard let table = try root.optionalTable("tou") else { return nil }
    try table.rejectUnknownKeys(["register", "slots", "slot_order", "tariffs", "unused", "time_format"])
    let register = try table.requiredWord("register")
    let slots = try table.requiredInt("slots", in: 1...255)
    guard Int(register) + slots * TimeOfUseTable.registersPerSlot <= ModbusLimits.addressSpace else {
      throw table.error("slots", "\(slots) slots from \(hex(Int(register))) run past 0xFFFF")
    }
    let unused = try choice("unused", in: table, default: TimeOfUseTable.UnusedSlots.repeatLast)
    return TimeOfUseTable(
      register: register, slotCount: slots, slotOrder: try slotOrder(table),
      tariffNumbers: try tariffNumbers(table, unused: unused), unused: unused,
      timeFormat: try choice("time_format", in: table, default: TimeOfUseTable.TimeFormat.binary))
  }

  private func slotOrder(_ table: TableReader) throws(ProfileError) -> [TimeOfUseTable.Item] {
    let names = TimeOfUseTable.Item.allCases.map(\.rawValue).joined(separator: ", ")
    guard let value = table.table["slot_order"] else { return [.tariff, .minute, .hour] }
    let items = value.array.map { array in array.map { $0.string.flatMap(TimeOfUseTable.Item.init) } }
    guard let items, items.count == 3, Set(items.compactMap { $0 }).count == 3 else {
      throw table.error(
        "slot_order", "must name each of \(names) once, e.g. [\"tariff\", \"minute\", \"hour\"]")
    }
    return items.compactMap { $0 }
  }

  private func tariffNumbers(
    _ table: TableReader, unused: TimeOfUseTable.UnusedSlots
  ) throws(ProfileError) -> [TariffPeriod: UInt16] {
    guard let numbers = try table.optionalTable("tariffs") else { return TimeOfUseTable.acrelTariffNumbers }
    try numbers.rejectUnknownKeys(TariffPeriod.allCases.map(\.rawValue))
    var result: [TariffPeriod: UInt16] = [:]
    for period in TariffPeriod.allCases {
      guard let number = try numbers.int(period.rawValue, in: 0...Int(UInt16.max)) else {
        throw numbers.error(period.rawValue, "missing: give a number for each of sharp, peak, flat, valley")
      }
      if unused == .zero, number == 0 {
        throw numbers.error(period.rawValue, "0 marks an unused slot (unused = \"zero\"); use another number")
      }
      if let other = result.first(where: { $0.value == number })?.key {
        throw numbers.error(period.rawValue, "\(number) is already tou.tariffs.\(other.rawValue)")
      }
      result[period] = UInt16(number)
    }
    return result
  }

  private func choice<Choice: RawRepresentable & CaseIterable>(
    _ key: String, in table: TableReader, default fallback: Choice
  ) throws(ProfileError) -> Choice where Choice.RawValue == String {
    guard let text = try table.string(key) else { return fallback }
    guard let choice = Choice(rawValue: text) else {
      let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
      throw table.error(key, "\"\(text)\" is not one of \(names)")
    }
    return choice
  }
}

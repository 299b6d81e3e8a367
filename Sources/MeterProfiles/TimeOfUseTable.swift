import Domain
import ModbusCore

/// A meter's time-of-use (TOU) schedule table: a row of slots, each (tariff number, minute, hour) in its
/// own register, in the order the profile gives.
///
/// A slot says "from hour:minute on, this tariff". Slots the schedule does not need are filled as
/// `unused` says. Decoding sorts the slots by start, drops exact repeats and, when no slot starts at
/// 00:00, starts the day with the last slot's tariff (the table wraps round midnight).
public struct TimeOfUseTable: Sendable, Hashable {
  /// One item of a slot; each takes one register.
  public enum Item: String, Sendable, Hashable, CaseIterable {
    /// The tariff number (see `tariffNumbers`).
    case tariff
    /// The minute of the start, 0...59.
    case minute
    /// The hour of the start, 0...23.
    case hour
  }

  /// How slots beyond the schedule's are written.
  public enum UnusedSlots: String, Sendable, Hashable, CaseIterable {
    /// Every unused slot repeats the last used slot (the habit of Acrel's tools).
    case repeatLast = "repeat-last"
    /// Every unused slot is (0, 0, 0); tariff 0 then marks an unused slot when decoding.
    case zero
  }

  /// How hour and minute are stored.
  public enum TimeFormat: String, Sendable, Hashable, CaseIterable {
    /// Plain binary: 23 is 0x0017.
    case binary
    /// BCD: 23 is 0x0023.
    case bcd
  }

  /// The first register of the table.
  public var register: UInt16
  /// The number of slots.
  public var slotCount: Int
  /// The register order inside one slot; each item exactly once.
  public var slotOrder: [Item]
  /// The number the meter uses for each tariff period.
  public var tariffNumbers: [TariffPeriod: UInt16]
  /// How unused slots are written.
  public var unused: UnusedSlots
  /// How hour and minute are stored.
  public var timeFormat: TimeFormat

  /// Registers in one slot.
  public static let registersPerSlot = 3
  /// Acrel's numbering: sharp 1, peak 2, flat 3, valley 4.
  public static let acrelTariffNumbers: [TariffPeriod: UInt16] = [.sharp: 1, .peak: 2, .flat: 3, .valley: 4]

  /// Creates a table; (tariff, minute, hour) slots, Acrel's tariff numbers, repeat-last, binary by default.
  public init(
    register: UInt16, slotCount: Int, slotOrder: [Item] = [.tariff, .minute, .hour],
    tariffNumbers: [TariffPeriod: UInt16] = Self.acrelTariffNumbers, unused: UnusedSlots = .repeatLast,
    timeFormat: TimeFormat = .binary
  ) {
    self.register = register
    self.slotCount = slotCount
    self.slotOrder = slotOrder
    self.tariffNumbers = tariffNumbers
    self.unused = unused
    self.timeFormat = timeFormat
  }

  /// The addresses the whole table occupies.
  public var addresses: Range<Int> {
    Int(register)..<Int(register) + slotCount * Self.registersPerSlot
  }

  /// The registers of the whole table holding `schedule`.
  public func encode(_ schedule: TimeOfUseSchedule) throws(TimeOfUseTableError) -> [UInt16] {
    guard schedule.slots.count <= slotCount else {
      throw .tooManySlots(needed: schedule.slots.count, available: slotCount)
    }
    var words: [UInt16] = []
    var last: [UInt16] = []
    for slot in schedule.slots {
      guard let tariff = tariffNumbers[slot.period] else { throw .noTariffNumber(slot.period) }
      last = slotWords(tariff: tariff, hour: slot.startMinute / 60, minute: slot.startMinute % 60)
      words += last
    }
    let filler = unused == .repeatLast ? last : [0, 0, 0]
    for _ in schedule.slots.count..<slotCount { words += filler }
    return words
  }

  /// The schedule held by the table's registers (the first register first).
  public func decode(_ registers: [UInt16]) throws(TimeOfUseTableError) -> TimeOfUseSchedule {
    guard registers.count >= addresses.count else {
      throw .wrongRegisterCount(expected: addresses.count, got: registers.count)
    }
    var starts: [(minute: Int, period: TariffPeriod)] = []
    for index in 0..<slotCount {
      let words = registers[(index * Self.registersPerSlot)..<((index + 1) * Self.registersPerSlot)]
      let item = { (wanted: Item) -> UInt16 in
        words[words.startIndex + (slotOrder.firstIndex(of: wanted) ?? 0)]
      }
      let tariff = item(.tariff)
      if unused == .zero, tariff == 0 { continue }
      guard let period = tariffNumbers.first(where: { $0.value == tariff })?.key else {
        throw .unknownTariff(slot: index + 1, value: tariff)
      }
      guard let hour = time(item(.hour)), let minute = time(item(.minute)), hour < 24, minute < 60 else {
        throw .badTime(slot: index + 1, hour: item(.hour), minute: item(.minute))
      }
      starts.append((hour * 60 + minute, period))
    }
    return try Self.schedule(from: starts)
  }

  /// The FC16 writes that put `schedule` in the table: whole slots, at most 123 registers each.
  public func writeRequests(_ schedule: TimeOfUseSchedule) throws(TimeOfUseTableError) -> [ModbusRequest] {
    let words = try encode(schedule)
    let perWrite =
      ModbusLimits.writeRegisters.upperBound / Self.registersPerSlot * Self.registersPerSlot
    return stride(from: 0, to: words.count, by: perWrite).map { offset in
      .writeMultipleRegisters(
        address: register + UInt16(offset), values: Array(words[offset..<min(words.count, offset + perWrite)])
      )
    }
  }

  /// The FC03 reads of the whole table, at most 125 registers each; join their registers in order.
  public var readRequests: [ModbusRequest] {
    let total = addresses.count
    let perRead = ModbusLimits.readRegisters.upperBound
    return stride(from: 0, to: total, by: perRead).map { offset in
      .readHoldingRegisters(address: register + UInt16(offset), count: UInt16(min(perRead, total - offset)))
    }
  }

  private func slotWords(tariff: UInt16, hour: Int, minute: Int) -> [UInt16] {
    slotOrder.map { item in
      switch item {
      case .tariff: tariff
      case .hour: stored(hour)
      case .minute: stored(minute)
      }
    }
  }

  private func stored(_ value: Int) -> UInt16 {
    timeFormat == .bcd ? UInt16(value / 10 * 16 + value % 10) : UInt16(value)
  }

  /// An hour or minute from its register; nil for a BCD nibble above 9.
  private func time(_ word: UInt16) -> Int? {
    guard timeFormat == .bcd else { return Int(word) }
    let high = Int(word >> 4)
    let low = Int(word & 0x0F)
    guard high <= 9, low <= 9 else { return nil }
    return high * 10 + low
  }

  private static func schedule(
    from starts: [(minute: Int, period: TariffPeriod)]
  ) throws(TimeOfUseTableError) -> TimeOfUseSchedule {
    var slots: [TimeOfUseSchedule.Slot] = []
    for start in starts.sorted(by: { $0.minute < $1.minute }) {
      if let previous = slots.last, previous.startMinute == start.minute {
        guard previous.period == start.period else { throw .conflictingSlots(minute: start.minute) }
        continue
      }
      slots.append(TimeOfUseSchedule.Slot(startMinute: start.minute, period: start.period))
    }
    guard let first = slots.first, let last = slots.last else { throw .empty }
    if first.startMinute != 0 {
      slots.insert(TimeOfUseSchedule.Slot(startMinute: 0, period: last.period), at: 0)
    }
    do {
      return try TimeOfUseSchedule(slots: slots)
    } catch {
      throw .empty
    }
  }
}

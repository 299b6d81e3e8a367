import Domain
import ModbusCore
import Testing

@testable import MeterProfiles

@Suite struct TimeOfUseTableTests {
  /// The test site's nine-slot day.
  static func nineSlots() throws -> TimeOfUseSchedule {
    let starts: [(String, TariffPeriod)] = [
      ("00:00", .valley), ("08:00", .flat), ("10:00", .peak), ("12:00", .sharp), ("14:00", .peak),
      ("17:00", .flat), ("19:00", .sharp), ("21:00", .peak), ("22:30", .valley),
    ]
    return try TimeOfUseSchedule(slots: starts.map { try .init(start: $0.0, period: $0.1) })
  }

  @Test func shippedDDSYTable() throws {
    let ddsy = try Fixtures.ddsy()
    let table = try #require(ddsy.timeOfUse)
    #expect(table.register == 0x2006 && table.slotCount == 14)
    #expect(table.slotOrder == [.tariff, .minute, .hour])
    #expect(table.tariffNumbers == [.sharp: 1, .peak: 2, .flat: 3, .valley: 4])
    #expect(table.unused == .repeatLast && table.timeFormat == .binary)
    #expect(table.addresses == 0x2006..<0x2006 + 42)
    #expect(ddsy.isImplemented(0x2006) && ddsy.isImplemented(0x2006 + 41) && !ddsy.isImplemented(0x2006 + 42))
    #expect(ddsy.timeOfUseReadRequests == [.readHoldingRegisters(address: 0x2006, count: 42)])
    #expect(try Fixtures.adf().timeOfUse == nil)
    #expect(try Fixtures.adf().timeOfUseReadRequests.isEmpty)
    #expect(throws: TimeOfUseTableError.noTable) { _ = try Fixtures.adf().timeOfUseRequests(.standard) }
  }

  @Test func encodesTheStandardDayAsOneWrite() throws {
    let ddsy = try Fixtures.ddsy()
    let requests = try ddsy.timeOfUseRequests(.standard)
    // valley 00:00, peak 08:00, sharp 11:00, flat 13:00, peak 19:00, valley 22:00; then 8 × the last.
    let used: [UInt16] = [4, 0, 0, 2, 0, 8, 1, 0, 11, 3, 0, 13, 2, 0, 19, 4, 0, 22]
    let filler = Array([[UInt16]](repeating: [4, 0, 22], count: 8).joined())
    #expect(requests == [.writeMultipleRegisters(address: 0x2006, values: used + filler)])
  }

  @Test(arguments: [1, 6, 9, 14])
  func roundTrips(slotCount: Int) throws {
    let ddsy = try Fixtures.ddsy()
    let periods = TariffPeriod.allCases
    let schedule = try TimeOfUseSchedule(
      slots: (0..<slotCount).map { .init(startMinute: $0 * 97, period: periods[$0 % 4]) })
    guard
      case .writeMultipleRegisters(_, let words) = try #require(try ddsy.timeOfUseRequests(schedule).first)
    else {
      Issue.record("not an FC16 write")
      return
    }
    #expect(try ddsy.decodeTimeOfUse(words) == schedule)
    #expect(
      try ddsy.decodeTimeOfUse(try #require(ddsy.timeOfUse).encode(try Self.nineSlots())) == Self.nineSlots())
  }

  @Test func refusesWhatTheTableCannotHold() throws {
    let table = try #require(try Fixtures.ddsy().timeOfUse)
    let fifteen = try TimeOfUseSchedule(slots: (0..<15).map { .init(startMinute: $0 * 60, period: .flat) })
    #expect(throws: TimeOfUseTableError.tooManySlots(needed: 15, available: 14)) { try table.encode(fifteen) }
    #expect(throws: TimeOfUseTableError.wrongRegisterCount(expected: 42, got: 41)) {
      try table.decode(Array(repeating: 4, count: 41))
    }
    var words = try table.encode(.standard)
    words[3] = 9
    #expect(throws: TimeOfUseTableError.unknownTariff(slot: 2, value: 9)) { try table.decode(words) }
    words = try table.encode(.standard)
    words[5] = 24
    #expect(throws: TimeOfUseTableError.badTime(slot: 2, hour: 24, minute: 0)) { try table.decode(words) }
    words = try table.encode(.standard)
    words[3...5] = [1, 0, 0]  // sharp at 00:00 beside valley at 00:00
    #expect(throws: TimeOfUseTableError.conflictingSlots(minute: 0)) { try table.decode(words) }
    #expect(TimeOfUseTableError.conflictingSlots(minute: 90).description.contains("01:30"))
  }

  @Test func decodingSortsAndWrapsRoundMidnight() throws {
    let table = TimeOfUseTable(register: 0x2006, slotCount: 3)
    // peak 08:00, valley 22:00, peak 08:00 again: no 00:00 slot, so the day starts in valley.
    let schedule = try table.decode([4, 0, 22, 2, 0, 8, 2, 0, 8])
    #expect(
      schedule.slots == [
        .init(startMinute: 0, period: .valley), .init(startMinute: 480, period: .peak),
        .init(startMinute: 1320, period: .valley),
      ])
  }

  @Test func zeroFillBCDAndOtherSlotOrder() throws {
    let table = TimeOfUseTable(
      register: 0x3000, slotCount: 4, slotOrder: [.hour, .minute, .tariff],
      tariffNumbers: [.sharp: 4, .peak: 3, .flat: 2, .valley: 1], unused: .zero, timeFormat: .bcd)
    let schedule = try TimeOfUseSchedule(slots: [
      .init(startMinute: 0, period: .valley), .init(startMinute: 23 * 60 + 45, period: .sharp),
    ])
    let words = try table.encode(schedule)
    #expect(words == [0, 0, 1, 0x23, 0x45, 4, 0, 0, 0, 0, 0, 0])
    #expect(try table.decode(words) == schedule)
    #expect(throws: TimeOfUseTableError.badTime(slot: 2, hour: 0x23, minute: 0x4A)) {
      try table.decode([0, 0, 1, 0x23, 0x4A, 4, 0, 0, 0, 0, 0, 0])
    }
    #expect(throws: TimeOfUseTableError.empty) { try table.decode(Array(repeating: 0, count: 12)) }
  }

  @Test func splitsLongTablesIntoWholeSlotWrites() throws {
    let table = TimeOfUseTable(register: 0x1000, slotCount: 50)
    let requests = try table.writeRequests(.standard)
    #expect(requests.map(\.quantity) == [123, 27])
    #expect(requests.map(\.address) == [0x1000, 0x1000 + 123])
    #expect(
      table.readRequests == [
        .readHoldingRegisters(address: 0x1000, count: 125),
        .readHoldingRegisters(address: 0x1000 + 125, count: 25),
      ])
  }
}

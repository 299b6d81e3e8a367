import Testing

@testable import ModbusCore

@Suite("Register value conversions")
struct RegisterValuesTests {
  static let known: [(type: RegisterType, order: WordOrder, registers: [UInt16], value: RegisterValue)] = [
    (.u16, .highFirst, [0xFFFF], .integer(65535)),
    (.i16, .highFirst, [0xFFFF], .integer(-1)),
    (.i16, .lowFirst, [0x8000], .integer(-32768)),
    (.u32, .highFirst, [0x1234, 0x5678], .integer(0x1234_5678)),
    (.u32, .lowFirst, [0x5678, 0x1234], .integer(0x1234_5678)),
    (.u32, .highFirst, [0x0001, 0xE240], .integer(123_456)),
    (.i32, .highFirst, [0xFFFF, 0xFFFE], .integer(-2)),
    (.i32, .lowFirst, [0xFFFE, 0xFFFF], .integer(-2)),
    (.f32, .highFirst, [0x4366, 0x0000], .float(230.0)),
    (.f32, .lowFirst, [0x0000, 0x4366], .float(230.0)),
    (.f32, .highFirst, [0x3F80, 0x0000], .float(1.0)),
    (.f32, .highFirst, [0xC2C8, 0x0000], .float(-100.0)),
    (.f32, .highFirst, [0x4248, 0x0000], .float(50.0)),
    (.bcd16, .highFirst, [0x1234], .integer(1234)),
    (.bcd16, .highFirst, [0x9999], .integer(9999)),
    (.bcd32, .highFirst, [0x1234, 0x5678], .integer(12_345_678)),
    (.bcd32, .lowFirst, [0x5678, 0x1234], .integer(12_345_678)),
  ]

  @Test("known register images decode and encode", arguments: known)
  func knownValue(type: RegisterType, order: WordOrder, registers: [UInt16], value: RegisterValue) {
    #expect(RegisterValues.decode(registers[...], as: type, order: order) == value)
    #expect(RegisterValues.encode(value, as: type, order: order) == registers)
    #expect(registers.count == type.registerCount)
  }

  static func samples(for type: RegisterType) -> [RegisterValue] {
    guard let range = type.integerRange else {
      return [0, 1, -1, 230.0, 0.001, -273.15, Float.greatestFiniteMagnitude, -Float.infinity].map {
        .float($0)
      }
    }
    let middle = range.lowerBound / 2 + range.upperBound / 2
    return [range.lowerBound, range.upperBound, middle, range.lowerBound + 1, range.upperBound - 1]
      .map { .integer($0) }
  }

  @Test("every type round-trips in both word orders", arguments: RegisterType.allCases, WordOrder.allCases)
  func roundTrip(type: RegisterType, order: WordOrder) throws {
    for value in Self.samples(for: type) {
      let registers = try #require(RegisterValues.encode(value, as: type, order: order))
      #expect(registers.count == type.registerCount)
      #expect(RegisterValues.decode(registers[...], as: type, order: order) == value)
      let padded = registers + [0xDEAD]
      #expect(RegisterValues.decode(padded[...], as: type, order: order) == value)
    }
  }

  @Test("the two word orders are mirror images")
  func orderMirrors() throws {
    for type in RegisterType.allCases where type.registerCount == 2 {
      let value = try #require(Self.samples(for: type).first)
      let high = try #require(RegisterValues.encode(value, as: type, order: .highFirst))
      #expect(RegisterValues.encode(value, as: type, order: .lowFirst) == high.reversed())
    }
  }

  static let unencodable: [(type: RegisterType, value: RegisterValue)] = [
    (.u16, .integer(65_536)), (.u16, .integer(-1)), (.i16, .integer(32_768)), (.u32, .integer(-1)),
    (.u32, .integer(0x1_0000_0000)), (.i32, .integer(Int64(Int32.max) + 1)), (.bcd16, .integer(10_000)),
    (.bcd32, .integer(100_000_000)), (.bcd32, .integer(-1)), (.u16, .float(1.5)), (.i32, .float(.nan)),
  ]

  @Test("values that do not fit the type do not encode", arguments: unencodable)
  func outOfRange(type: RegisterType, value: RegisterValue) {
    #expect(RegisterValues.encode(value, as: type, order: .highFirst) == nil)
  }

  @Test("undecodable register images give nil")
  func undecodable() {
    #expect(RegisterValues.decode([0x12A4], as: .bcd16, order: .highFirst) == nil)
    #expect(RegisterValues.decode([0x1234, 0x567F], as: .bcd32, order: .highFirst) == nil)
    #expect(RegisterValues.decode([0x1234], as: .u32, order: .highFirst) == nil)
    #expect(RegisterValues.decode([], as: .u16, order: .highFirst) == nil)
  }

  @Test("decodes a field inside a block read (remaining amount at 0x021F of the main block)")
  func fieldInBlock() {
    var block = [UInt16](repeating: 0, count: 48)
    block[0x1F] = 0xFFFF
    block[0x20] = 0xFC18
    let value = RegisterValues.decode(block[0x1F...], as: .i32, order: .highFirst)
    #expect(value == .integer(-1000))
    #expect(value?.doubleValue == -1000)
  }

  @Test("accessors")
  func accessors() {
    #expect(RegisterValue.integer(5).integerValue == 5)
    #expect(RegisterValue.integer(5).floatValue == nil)
    #expect(RegisterValue.float(2.0).integerValue == 2)
    #expect(RegisterValue.float(2.5).integerValue == nil)
    #expect(RegisterValue.float(2.5).floatValue == 2.5)
    #expect(RegisterType.allCases.map(\.registerCount) == [1, 1, 2, 2, 2, 1, 2])
    #expect(RegisterType(rawValue: "bcd32") == .bcd32)
    #expect(WordOrder(rawValue: "low-first") == .lowFirst)
    #expect(RegisterValues.encode(.integer(230), as: .f32, order: .highFirst) == [0x4366, 0x0000])
  }
}

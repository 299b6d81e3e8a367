import ModbusCore
import Testing

@testable import MeterProfiles

@Suite struct SimulatorEncodingTests {
  /// Values for every field the profile maps, with some flags set.
  static func sample(for profile: MeterProfile) -> MeterValues {
    let samples: [FieldName: Int64] = [
      .modelCode: 7, .voltage: 2_215, .current: 1_234, .power: -2_500, .powerFactor: 955,
      .energyTotal: 1_234_567, .energySharp: 11, .energyPeak: 22, .energyFlat: 33, .energyValley: 44,
      .remaining: -12_345, .purchaseCount: 17, .ctRatio: 40,
    ]
    var values = MeterValues()
    for field in profile.fields where field.name != .status {
      values[field.name] = samples[field.name]
    }
    values.relayClosed = true
    values.alarm1 = true
    values.arrears = true
    return values
  }

  @Test(arguments: ["acrel-ddsy1352", "acrel-adf400l-1p"])
  func encodeDecodeRoundTrip(name: String) throws {
    let profile = try #require(try Fixtures.shipped()[name])
    let values = Self.sample(for: profile)
    var decoded = MeterValues()
    for block in profile.pollBlocks {
      let registers = profile.encode(values, block: block)
      #expect(registers.count == Int(block.count))
      profile.decode(block: block, registers: registers, into: &decoded)
    }
    var expected = values
    expected.rawStatus = profile.statusBits.word(from: values)
    #expect(decoded == expected)
    #expect(decoded.normalizedStatus == 0x2000 | 0x0040 | 0x0020)
  }

  @Test func encodeBuildsTheDdsyStatusWordAndKeepsUnknownBits() throws {
    let ddsy = try Fixtures.ddsy()
    let main = try #require(ddsy.block(named: "main"))
    var values = MeterValues()
    values.relayClosed = true
    values.fault = true
    values.alarm2 = true
    values.rawStatus = 0x0001 | 0x0040  // an unnamed bit stays; alarm 1 is cleared by the flags
    let registers = ddsy.encode(values, block: main)
    #expect(registers[0x24] == 0xE000 | 0x0100 | 0x0080 | 0x0001)
    #expect(registers[0x00] == 7)  // model code from the identity when not given
    #expect(registers[0x1F] == 0 && registers[0x20] == 0)
  }

  @Test func encodeClampsOutOfRangeValues() throws {
    let ddsy = try Fixtures.ddsy()
    let main = try #require(ddsy.block(named: "main"))
    var values = MeterValues()
    values.voltageDeciV = 70_000
    values.purchaseCount = -3
    let registers = ddsy.encode(values, block: main)
    #expect(registers[0x01] == 0xFFFF)
    #expect(registers[0x21] == 0)
  }

  @Test func registerMapServesImplementedRangesOnly() throws {
    let ddsy = try Fixtures.ddsy()
    let values = Self.sample(for: ddsy)
    func read(_ start: UInt16, _ count: UInt16) -> [UInt16]? {
      ddsy.registers(
        start: start, count: count, values: values, meterNumber: "000012345678",
        settings: [.priceSharp: 13_500, .alarm1: 2_000], forceControl: [1, 0], rechargeResult: 3)
    }
    #expect(read(0x0043, 3) == [0x0000, 0x1234, 0x5678])
    #expect(read(0x0030, 1) == nil)
    #expect(read(0x0040, 6) == nil)  // 0x0040–0x0042 are not implemented
    #expect(read(0x022F, 2) == nil)  // runs past the main block
    #expect(read(0x0059, 2) == [0, 135])
    #expect(read(0x0046, 2) == [0, 2_000])
    #expect(read(0x0048, 2) == [0, 0])  // a setting not given reads 0
    #expect(read(0x0057, 2) == [1, 0])
    #expect(read(0x040C, 1) == [3])
    #expect(read(0x0400, 12) == [UInt16](repeating: 0, count: 12))
    let main = try #require(ddsy.block(named: "main"))
    #expect(read(0x0200, 48) == ddsy.encode(values, block: main))
    #expect(read(0x0043, 3 + 28)?.count == 31)  // meter number and prepaid block are adjacent
  }

  @Test func adfRegisterMap() throws {
    let adf = try Fixtures.adf()
    func read(_ start: UInt16, _ count: UInt16) -> [UInt16]? {
      adf.registers(
        start: start, count: count, values: MeterValues(), meterNumber: "1", settings: [.powerLimit: 3_000],
        forceControl: [0x8000], rechargeResult: 0)
    }
    #expect(read(0x1C10, 3) == [0, 0, 1])
    #expect(read(0x0801, 1) == [0x8000])
    #expect(read(0x0802, 1) == nil)
    #expect(read(0x0700, 3) == [0, 3_000, 0])
    #expect(read(0x1C0D, 1) == nil)
  }

  @Test func meterNumberHelpers() {
    #expect(Identity.registers(meterNumber: "202400000123") == [0x2024, 0x0000, 0x0123])
    #expect(Identity.registers(meterNumber: "12a") == nil)
    #expect(Identity.registers(meterNumber: "1234567890123") == nil)
    #expect(Identity.meterNumber(from: [0x2024, 0x0000, 0x0123]) == "202400000123")
    #expect(Identity.meterNumber(from: [0x2024, 0x000A, 0x0123]) == nil)
    #expect(
      Identity(meterNumberRegister: 0x43).meterNumberRequest == .readHoldingRegisters(address: 0x43, count: 3)
    )
  }

  @Test func meterValuesSubscriptCoversEveryField() {
    var values = MeterValues()
    for (index, name) in FieldName.allCases.enumerated() {
      values[name] = Int64(index + 1)
    }
    for (index, name) in FieldName.allCases.enumerated() {
      #expect(values[name] == Int64(index + 1))
    }
    #expect(values.rawStatus == UInt16(FieldName.allCases.firstIndex(of: .status).map { $0 + 1 } ?? 0))
  }
}

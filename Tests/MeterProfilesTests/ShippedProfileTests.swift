import Domain
import ModbusCore
import Testing

@testable import MeterProfiles

@Suite struct ShippedProfileTests {
  @Test func bothShippedProfilesLoad() throws {
    let profiles = try Fixtures.shipped()
    #expect(Set(profiles.keys) == ["acrel-ddsy1352", "acrel-adf400l-1p"])
    let ddsy = try Fixtures.ddsy()
    #expect(ddsy.vendor == "Acrel")
    #expect(ddsy.model == "DDSY1352")
    #expect(ddsy.serial == SerialDefaults(baud: 9600, parity: "N", turnaroundMs: 20))
    #expect(ddsy.identity == Identity(meterNumberRegister: 0x0043, modelCode: 7))
    #expect(
      ddsy.recharge == RechargeBlock(scheme: "meterdesk-3des-v1", register: 0x0400, resultRegister: 0x040C))
    let adf = try Fixtures.adf()
    #expect(adf.identity.modelCode == nil)
    #expect(adf.field(.remaining)?.type == .i32)
    #expect(adf.field(.energySharp) == nil)
  }

  @Test func ddsyMainBlockIsOneRequest() throws {
    let ddsy = try Fixtures.ddsy()
    #expect(ddsy.routineBlocks.count == 1)
    let main = try #require(ddsy.routineBlocks.first)
    #expect(main.name == "main")
    #expect(main.request == .readHoldingRegisters(address: 0x0200, count: 48))
    let prepaid = try #require(ddsy.block(named: "prepaid"))
    #expect(!prepaid.routine)
    #expect(prepaid.request == .readHoldingRegisters(address: 0x0046, count: 28))
  }

  @Test func ddsyFieldsFollowMetersTable() throws {
    let ddsy = try Fixtures.ddsy()
    let expected: [(FieldName, UInt16, RegisterType)] = [
      (.modelCode, 0x0200, .u16), (.voltage, 0x0201, .u16), (.current, 0x0204, .u16),
      (.power, 0x020A, .i16), (.powerFactor, 0x0212, .i16), (.ctRatio, 0x0214, .u16),
      (.energyTotal, 0x0215, .u32), (.energySharp, 0x0217, .u32), (.energyPeak, 0x0219, .u32),
      (.energyFlat, 0x021B, .u32), (.energyValley, 0x021D, .u32), (.remaining, 0x021F, .u32),
      (.purchaseCount, 0x0221, .u16), (.status, 0x0224, .u16),
    ]
    for (name, register, type) in expected {
      let field = try #require(ddsy.field(name))
      #expect(field.register == register, "\(name)")
      #expect(field.type == type, "\(name)")
      #expect(field.order == .highFirst)
      #expect(field.scale == .one)
    }
    #expect(ddsy.field(.remaining)?.signedWhenOverdrawn == true)
    #expect(
      ddsy.statusBits
        == StatusBits(
          fault: 8, relayClosed: [13, 14, 15], overPowerLimit: 4, arrears: 5, alarm1: 6, alarm2: 7))
  }

  @Test func ddsyDecodesAHandBuiltMainBlock() throws {
    let ddsy = try Fixtures.ddsy()
    let main = try #require(ddsy.block(named: "main"))
    var registers = [UInt16](repeating: 0, count: 48)
    registers[0x00] = 7
    registers[0x01] = 2200  // 220.0 V
    registers[0x04] = 523  // 5.23 A
    registers[0x0A] = UInt16(bitPattern: -1500)  // exporting 1.5 kW
    registers[0x12] = 980
    registers[0x14] = 50
    registers[0x15] = 0x0001
    registers[0x16] = 0x86A0  // 100000 = 1000.00 kWh
    registers[0x17] = 0x0000
    registers[0x18] = 0x0064
    registers[0x1F] = 0x0000
    registers[0x20] = 0x2710  // 10000 fen = 100.00 yuan
    registers[0x21] = 3
    registers[0x24] = 0x2040  // relay L1 closed, alarm 1
    let values = ddsy.decode(block: main, registers: registers)
    #expect(values.modelCode == 7)
    #expect(values.voltageDeciV == 2200)
    #expect(values.currentCentiA == 523)
    #expect(values.powerW == -1500)
    #expect(values.powerFactorMilli == 980)
    #expect(values.ctRatio == 50)
    #expect(values.energyTotal == 100_000)
    #expect(values.energySharp == 100)
    #expect(values.energyPeak == 0)
    #expect(values.remainingFen == 10_000)
    #expect(values.purchaseCount == 3)
    #expect(values.rawStatus == 0x2040)
    #expect(values.relayClosed == true)
    #expect(values.alarm1 && !values.alarm2 && !values.arrears && !values.fault && !values.overPowerLimit)
    #expect(values.normalizedStatus == 0x2040)

    registers[0x1F] = 0xFFFF
    registers[0x20] = 0xFF9C  // overdrawn by 1.00 yuan
    // L3 closed, fault, alarm 2, arrears, over power.
    registers[0x24] = 0x8000 | 0x0100 | 0x0080 | 0x0020 | 0x0010
    let overdrawn = ddsy.decode(block: main, registers: registers)
    #expect(overdrawn.remainingFen == -100)
    #expect(overdrawn.relayClosed == true)
    #expect(
      overdrawn.fault && overdrawn.alarm2 && overdrawn.arrears && overdrawn.overPowerLimit
        && !overdrawn.alarm1)
    #expect(overdrawn.normalizedStatus == 0x2000 | 0x0100 | 0x0080 | 0x0020 | 0x0010)

    registers[0x24] = 0x0000
    let open = ddsy.decode(block: main, registers: registers)
    #expect(open.relayClosed == false)
    #expect(open.normalizedStatus == 0)
  }

  @Test func decodeIntoMergesAndLeavesOtherFields() throws {
    let ddsy = try Fixtures.ddsy()
    var values = MeterValues()
    values.remainingFen = 42
    let prepaid = try #require(ddsy.block(named: "prepaid"))
    ddsy.decode(block: prepaid, registers: [UInt16](repeating: 9, count: 28), into: &values)
    #expect(values.remainingFen == 42)
    #expect(values.voltageDeciV == nil)
    // A short reply decodes only the fields it fully holds.
    let main = try #require(ddsy.block(named: "main"))
    ddsy.decode(block: main, registers: [7, 2300, 0, 0, 100], into: &values)
    #expect(values.modelCode == 7)
    #expect(values.voltageDeciV == 2300)
    #expect(values.currentCentiA == 100)
    #expect(values.remainingFen == 42)
  }

  @Test func adfStatusBitsNormalise() throws {
    let adf = try Fixtures.adf()
    let user = try #require(adf.block(named: "user"))
    #expect(user.request == .readHoldingRegisters(address: 0x0300, count: 33))
    var registers = [UInt16](repeating: 0, count: 33)
    registers[0x11] = 0x0003  // relay closed, alarm 1
    registers[0x0A] = 0xFFFF
    registers[0x0B] = 0xFFFE  // I32 -2 fen
    let values = adf.decode(block: user, registers: registers)
    #expect(values.relayClosed == true && values.alarm1)
    #expect(values.normalizedStatus == 0x2040)
    #expect(values.remainingFen == -2)
  }

  @Test func commandRequests() throws {
    let ddsy = try Fixtures.ddsy()
    #expect(ddsy.commandRequest(.trip) == .writeMultipleRegisters(address: 0x0057, values: [1, 1]))
    #expect(ddsy.commandRequest(.keepPower) == .writeMultipleRegisters(address: 0x0057, values: [1, 0]))
    #expect(ddsy.commandRequest(.restorePrepay) == .writeMultipleRegisters(address: 0x0057, values: [0, 0]))
    for command in RemoteCommand.allCases where ddsy.commands[command] != nil {
      let request = try #require(ddsy.commandRequest(command))
      #expect(ddsy.command(matching: request) == command)
    }
    #expect(ddsy.command(matching: .writeMultipleRegisters(address: 0x0057, values: [0, 1])) == nil)
    #expect(ddsy.setting(at: 0x005B) == .pricePeak)
    #expect(ddsy.setting(at: 0x005C) == nil)
    let adf = try Fixtures.adf()
    #expect(adf.command(matching: .writeSingleRegister(address: 0x0801, value: 0x8000)) == .trip)
    #expect(adf.commandRequest(.trip) == .writeSingleRegister(address: 0x0801, value: 0x8000))
    #expect(adf.commandRequest(.keepPower) == .writeSingleRegister(address: 0x0801, value: 0x0001))
    #expect(adf.commandRequest(.restorePrepay) == .writeSingleRegister(address: 0x0801, value: 0x0000))
  }

  @Test func settingsRequestsScalePrices() throws {
    let ddsy = try Fixtures.ddsy()
    let price = try Price.parse("1.3500").get()
    #expect(price.tenThousandthsYuanPerKWh == 13_500)
    let requests = ddsy.settingsRequests([
      .priceSharp: price.tenThousandthsYuanPerKWh, .alarm1: 2_000, .powerLimit: 4_400,
      .priceValley: 3_555,  // 0.3555 yuan/kWh → 35.55 → 36 (half-up)
    ])
    #expect(
      requests == [
        .writeMultipleRegisters(address: 0x0046, values: [0, 2_000]),
        .writeMultipleRegisters(address: 0x0061, values: [4_400]),
        .writeMultipleRegisters(address: 0x0059, values: [0, 135]),
        .writeMultipleRegisters(address: 0x005F, values: [0, 36]),
      ])
    #expect(ddsy.decodeSetting(.priceSharp, registers: [0, 135]) == 13_500)
    #expect(ddsy.decodeSetting(.alarm2, registers: [0x0001, 0x0000]) == 65_536)
    #expect(ddsy.settingRegisters(.powerLimit, 70_000) == nil)  // beyond u16
    #expect(ddsy.settingsRequests([.powerLimit: 70_000]).isEmpty)

    let adf = try Fixtures.adf()
    #expect(
      adf.settingsRequests([.pricePeak: 8_500, .powerLimit: 5_000]) == [
        .writeMultipleRegisters(address: 0x0701, values: [5_000]),
        .writeMultipleRegisters(address: 0x0503, values: [0, 85]),
      ])
  }

  @Test func rechargeAndPurchaseCountRequests() throws {
    let ddsy = try Fixtures.ddsy()
    let token: [UInt16] = Array(1...12)
    let request = ddsy.rechargeRequest(tokenRegisters: token)
    #expect(request == .writeMultipleRegisters(address: 0x0400, values: token))
    #expect(request.functionCode == .writeMultipleRegisters && request.quantity == 12)
    #expect(ddsy.rechargeResultRequest == .readHoldingRegisters(address: 0x040C, count: 1))
    #expect(ddsy.purchaseCountRequest == .readHoldingRegisters(address: 0x021F, count: 3))
    let values = ddsy.decode(block: ddsy.purchaseCountBlock, registers: [0, 500, 4])
    #expect(values.purchaseCount == 4 && values.remainingFen == 500 && values.voltageDeciV == nil)

    let adf = try Fixtures.adf()
    #expect(
      adf.rechargeRequest(tokenRegisters: token) == .writeMultipleRegisters(address: 0x1C00, values: token))
    #expect(adf.rechargeResultRequest == .readHoldingRegisters(address: 0x1C0C, count: 1))
    #expect(adf.purchaseCountRequest == .readHoldingRegisters(address: 0x030A, count: 5))
  }
}

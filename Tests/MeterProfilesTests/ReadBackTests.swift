import Domain
import ModbusCore
import Testing

@testable import MeterProfiles

@Suite struct ReadBackTests {
  @Test func closeFallsBackToRestorePrepay() throws {
    let ddsy = try Fixtures.ddsy()
    #expect(ddsy.commands[.close] == nil)
    #expect(ddsy.resolvedCommand(.close) == .restorePrepay)
    #expect(ddsy.resolvedCommand(.trip) == .trip)
    #expect(ddsy.commandRequest(.close) == .writeMultipleRegisters(address: 0x0057, values: [0, 0]))
    #expect(ddsy.commandWrite(.close) == ddsy.commands[.restorePrepay])
    let adf = try Fixtures.adf()
    #expect(adf.commandRequest(.close) == .writeSingleRegister(address: 0x0801, value: 0))

    let bare = try ProfileCatalog.parse(Fixtures.baseText, file: "acme.toml")
    #expect(bare.resolvedCommand(.close) == nil && bare.commandRequest(.close) == nil)
    #expect(bare.commandReadBackRequest(.close) == nil)
  }

  @Test func aProfileMayDefineItsOwnClose() throws {
    let text = Fixtures.baseText + "[commands.close]\nfunction = 6\nregister = 0x0057\nvalues = [2]\n"
    let profile = try ProfileCatalog.parse(text, file: "acme.toml")
    #expect(profile.resolvedCommand(.close) == .close)
    #expect(profile.commandRequest(.close) == .writeSingleRegister(address: 0x0057, value: 2))
    #expect(profile.commandReadBackRequest(.close) == .readHoldingRegisters(address: 0x0057, count: 1))
    #expect(profile.command(matching: .writeSingleRegister(address: 0x0057, value: 2)) == .close)
  }

  @Test func commandReadBack() throws {
    let ddsy = try Fixtures.ddsy()
    for command in RemoteCommand.allCases {
      #expect(ddsy.commandReadBackRequest(command) == .readHoldingRegisters(address: 0x0057, count: 2))
    }
    #expect(ddsy.commandReadBackMatches(.trip, registers: [1, 1]))
    #expect(!ddsy.commandReadBackMatches(.trip, registers: [1, 0]))
    #expect(ddsy.commandReadBackMatches(.keepPower, registers: [1, 0]))
    #expect(ddsy.commandReadBackMatches(.close, registers: [0, 0]))
    #expect(!ddsy.commandReadBackMatches(.restorePrepay, registers: [0]))
    let adf = try Fixtures.adf()
    #expect(adf.commandReadBackRequest(.trip) == .readHoldingRegisters(address: 0x0801, count: 1))
    #expect(adf.commandReadBackMatches(.trip, registers: [0x8000]))
  }

  @Test func settingsFromThePrepaidBlock() throws {
    let ddsy = try Fixtures.ddsy()
    let block = try #require(ddsy.block(named: "prepaid"))
    var registers = [UInt16](repeating: 0, count: Int(block.count))
    registers[0x46 - 0x46 + 1] = 5_000  // alarm 1, 50.00 yuan
    registers[0x48 - 0x46 + 1] = 2_000
    registers[0x59 - 0x46 + 1] = 135  // sharp 1.35 yuan/kWh
    registers[0x5F - 0x46 + 1] = 35
    registers[0x61 - 0x46] = 8_000
    let settings = ddsy.decodeSettings(block: block, registers: registers)
    #expect(settings[.alarm1] == 5_000 && settings[.alarm2] == 2_000 && settings[.powerLimit] == 8_000)
    #expect(settings[.priceSharp] == 13_500 && settings[.priceValley] == 3_500 && settings[.pricePeak] == 0)
    #expect(settings.count == SettingName.allCases.count)
    #expect(
      ddsy.decodeSettings(block: block, registers: Array(registers.prefix(4))).keys.sorted {
        $0.rawValue < $1.rawValue
      } == [.alarm1, .alarm2])
  }
}

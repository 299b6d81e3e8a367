import Foundation
import MeterCrypto
import MeterProfiles
import ModbusCore
import ModbusTransport
import NIOPosix
import Simulator
import Testing

@Suite("secure recharge on the simulated meter")
struct RechargeTests {
  /// A sealed token for `meter` with the given count and amount.
  static func token(
    for meter: String, count: UInt16, amountFen: Int32, key: SiteMasterKey
  ) throws -> [UInt16] {
    let plaintext = RechargePlaintext(
      meterNumber: meter, purchaseCount: count, amountFen: amountFen, issuedAt: 1_700_000_000,
      billLow32: 42)
    return try RechargeToken.sealRegisters(plaintext, master: key)
  }

  /// Writes a token over Modbus TCP and reads the result register.
  static func recharge(_ registers: [UInt16], unit: UInt8, on connection: RawConnection) throws -> UInt16? {
    let profile = try ddsyProfile()
    let written = try connection.mbap(profile.rechargeRequest(tokenRegisters: registers), unit: unit)
    #expect(written.exceptionCode == nil, "token write: \(written)")
    return try connection.mbap(profile.rechargeResultRequest, unit: unit).registers?.first
  }

  @Test("a valid token credits once; replayed it is refused with a count mismatch")
  func validThenReplay() async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(speed: 1e-9)) { running in
      let simulator = running.simulator
      simulator.setRemaining(TestSite.tcpMeter, fen: 1_000)
      let before = try #require(simulator.meterSnapshot(TestSite.tcpMeter))
      let token = try Self.token(
        for: TestSite.tcpMeter, count: before.purchaseCount &+ 1, amountFen: 20_000, key: site.masterKey)
      let connection = try RawConnection(port: try running.port("T-1"))

      #expect(try Self.recharge(token, unit: 2, on: connection) == RechargeResult.accepted.rawValue)
      let credited = try #require(simulator.meterSnapshot(TestSite.tcpMeter))
      #expect(credited.remainingFen == 21_000)
      #expect(credited.purchaseCount == before.purchaseCount &+ 1)
      let entry = try #require(credited.rechargeLog.last)
      #expect(
        entry.amountFen == 20_000 && entry.balanceAfterFen == 21_000 && entry.count == credited.purchaseCount)

      #expect(try Self.recharge(token, unit: 2, on: connection) == RechargeResult.countMismatch.rawValue)
      let replayed = try #require(simulator.meterSnapshot(TestSite.tcpMeter))
      #expect(replayed.remainingFen == 21_000)
      #expect(replayed.purchaseCount == credited.purchaseCount)
      #expect(replayed.rechargeLog.count == credited.rechargeLog.count)
    }
  }

  @Test("a token sealed for another meter is refused and credits nothing")
  func tokenForAnotherMeter() async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(speed: 1e-9)) { running in
      let simulator = running.simulator
      simulator.setRemaining(TestSite.tcpMeter, fen: 1_000)
      let other = try #require(simulator.meterSnapshot(TestSite.tcpMeter2))
      let target = try #require(simulator.meterSnapshot(TestSite.tcpMeter))
      let token = try Self.token(
        for: TestSite.tcpMeter2, count: target.purchaseCount &+ 1, amountFen: 50_000, key: site.masterKey)
      let connection = try RawConnection(port: try running.port("T-1"))
      let result = try #require(try Self.recharge(token, unit: 2, on: connection))
      #expect([RechargeResult.badToken.rawValue, RechargeResult.wrongMeter.rawValue].contains(result))
      let after = try #require(simulator.meterSnapshot(TestSite.tcpMeter))
      #expect(after.remainingFen == 1_000 && after.purchaseCount == target.purchaseCount)
      #expect(simulator.meterSnapshot(TestSite.tcpMeter2)?.remainingFen == other.remainingFen)
    }
  }

  @Test("tokens under a wrong key, or with no key loaded, are bad tokens")
  func wrongKey() async throws {
    let site = try TestSite()
    let otherKey = try SiteMasterKey.generate()
    for key in [Optional(otherKey), nil] {
      try await withSimulator(site, options: SimulatorOptions(speed: 1e-9), key: key, useSiteKey: false) {
        running in
        let before = try #require(running.simulator.meterSnapshot(TestSite.tcpMeter))
        let token = try Self.token(
          for: TestSite.tcpMeter, count: before.purchaseCount &+ 1, amountFen: 10_000, key: site.masterKey)
        let connection = try RawConnection(port: try running.port("T-1"))
        #expect(try Self.recharge(token, unit: 2, on: connection) == RechargeResult.badToken.rawValue)
        let after = try #require(running.simulator.meterSnapshot(TestSite.tcpMeter))
        #expect(after.remainingFen == before.remainingFen && after.purchaseCount == before.purchaseCount)
      }
    }
  }

  @Test(
    "through ModbusTransport's client on RTU over TCP: a refund larger than the balance is refused, a sale accepted"
  )
  func busClientRecharge() async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(speed: 1e-9)) { running in
      let simulator = running.simulator
      let profile = try ddsyProfile()
      simulator.setRemaining(TestSite.rtuMeter, fen: 500)
      let count = try #require(simulator.meterSnapshot(TestSite.rtuMeter)).purchaseCount
      let client = ModbusBusClient(
        endpoint: .rtuOverTCP(host: "127.0.0.1", port: try running.port("R-1")),
        eventLoop: MultiThreadedEventLoopGroup.singleton.next())
      do {
        let refund = try Self.token(
          for: TestSite.rtuMeter, count: count &+ 1, amountFen: -600, key: site.masterKey)
        _ = try await client.send(profile.rechargeRequest(tokenRegisters: refund), unit: 1)
        let refused = try await client.readRegisters(
          unit: 1, address: profile.recharge.resultRegister, count: 1)
        #expect(refused == [RechargeResult.insufficientBalance.rawValue])

        let sale = try Self.token(
          for: TestSite.rtuMeter, count: count &+ 1, amountFen: 9_500, key: site.masterKey)
        _ = try await client.send(profile.rechargeRequest(tokenRegisters: sale), unit: 1)
        let accepted = try await client.readRegisters(
          unit: 1, address: profile.recharge.resultRegister, count: 1)
        #expect(accepted == [RechargeResult.accepted.rawValue])
        let block = try mainBlock()
        let values = profile.decode(
          block: block,
          registers: try await client.readRegisters(unit: 1, address: block.start, count: block.count))
        #expect(values.remainingFen == 10_000)
        #expect(values.purchaseCount == Int64(count &+ 1))
        try await client.close().get()
      } catch {
        try? await client.close().get()
        throw error
      }
    }
  }
}

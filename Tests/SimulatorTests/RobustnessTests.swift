import Foundation
import ModbusCore
import Simulator
import SiteConfig
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("garbage, unknown units, endpoints and the serial line")
struct RobustnessTests {
  @Test("garbage on an RTU-over-TCP socket is skipped; the next good request is answered")
  func rtuGarbage() async throws {
    let site = try TestSite()
    try await withSimulator(site) { running in
      let connection = try RawConnection(port: try running.port("R-1"))
      var generator = SystemRandomNumberGenerator()
      try connection.send((0..<700).map { _ in UInt8.random(in: 0...255, using: &generator) })
      try connection.send([0x01, 0x03, 0x02, 0x00, 0x00, 0x30, 0xFF, 0xFF])  // bad CRC
      try await Task.sleep(for: .milliseconds(300))
      #expect(try connection.rtu(try mainBlock().request, unit: 2).registers?.count == 48)
    }
  }

  @Test("a corrupt MBAP stream closes that connection only; the server keeps serving")
  func mbapGarbage() async throws {
    let site = try TestSite()
    try await withSimulator(site) { running in
      let port = try running.port("T-1")
      let bystander = try RawConnection(port: port)
      let bad = try RawConnection(port: port)
      try bad.send([0x00, 0x01, 0x12, 0x34, 0x00, 0x06, 0x02, 0x03, 0x02, 0x00, 0x00, 0x30])
      #expect(bad.receive(timeout: 2) { _ in nil } == [])
      #expect(try bystander.mbap(try mainBlock().request, unit: 2).registers != nil)
      let fresh = try RawConnection(port: port)
      #expect(try fresh.mbap(try mainBlock().request, unit: 3).registers != nil)
    }
  }

  @Test(
    "an unknown unit: exception 0x0B from a Modbus TCP gateway, silence on RTU; illegal requests get exceptions"
  )
  func unknownUnitsAndIllegalRequests() async throws {
    let site = try TestSite()
    try await withSimulator(site) { running in
      let block = try mainBlock()
      let tcp = try RawConnection(port: try running.port("T-1"))
      #expect(try tcp.mbap(block.request, unit: 77).exceptionCode == .gatewayTargetFailedToRespond)
      let rtu = try RawConnection(port: try running.port("R-1"))
      #expect(try rtu.rtu(block.request, unit: 77, timeout: 0.5) == .none)
      #expect(try tcp.mbap(.readCoils(address: 0, count: 8), unit: 2).exceptionCode == .illegalFunction)
      #expect(
        try tcp.mbap(.readHoldingRegisters(address: 0x7F00, count: 4), unit: 2).exceptionCode
          == .illegalDataAddress)
      #expect(
        try tcp.mbap(.writeMultipleRegisters(address: block.start, values: [1, 2]), unit: 2).exceptionCode
          == .illegalDataAddress)
      // Quantity 200 breaks the Modbus limit: illegal data value.
      try tcp.send(MBAPFramer.encode(transaction: 9, unit: 2, pdu: [0x03, 0x02, 0x00, 0x00, 0xC8]))
      let frame = try #require(tcp.receive(timeout: 2) { $0.count >= 6 ? 6 + Int($0[5]) : nil })
      #expect(Array(frame.suffix(2)) == [0x83, 0x03])
    }
  }

  @Test("endpoints outside loopback are refused")
  func loopbackOnly() throws {
    let site = try TestSite()
    let text = try String(contentsOfFile: site.sitePath, encoding: .utf8)
      .replacingOccurrences(of: "127.0.0.1:15901", with: "10.1.2.3:502")
    try text.write(toFile: site.sitePath, atomically: true, encoding: .utf8)
    #expect {
      _ = try SiteSimulator(
        site: try site.definition(), profiles: try TestSite.profiles(), masterKey: nil,
        options: SimulatorOptions(anyPort: true))
    } throws: { error in
      guard let error = error as? SimulatorError, case .badEndpoint(let bus, _, _) = error else {
        return false
      }
      return bus == "T-1" && error.description.contains("loopback")
    }
  }

  @Test("a port in use: the error names the bus and endpoint, and nothing stays open")
  func portInUse() async throws {
    let site = try TestSite()
    let holder = try SiteSimulator(
      site: try site.definition(), profiles: try TestSite.profiles(), masterKey: nil,
      options: SimulatorOptions(anyPort: true, threads: 1))
    let taken = try await holder.start()
    do {
      let port = try #require(taken.first { $0.bus == "R-1" }?.port)
      let text = try String(contentsOfFile: site.sitePath, encoding: .utf8)
        .replacingOccurrences(of: "127.0.0.1:15902", with: "127.0.0.1:\(port)")
        .replacingOccurrences(of: "127.0.0.1:15901", with: "127.0.0.1:\(try RawListener().port)")
      try text.write(toFile: site.sitePath, atomically: true, encoding: .utf8)
      let second = try SiteSimulator(
        site: try site.definition(), profiles: try TestSite.profiles(), masterKey: nil,
        options: SimulatorOptions(threads: 1))
      do {
        _ = try await second.start()
        Issue.record("a second simulator listened on a port in use")
        await second.stop()
      } catch let error as SimulatorError {
        guard case .cannotListen(let bus, let endpoint, _) = error else {
          Issue.record("unexpected \(error)")
          await holder.stop()
          return
        }
        #expect(bus == "R-1" && endpoint == "127.0.0.1:\(port)")
      }
      await holder.stop()
    } catch {
      await holder.stop()
      throw error
    }
  }

  @Test("--serial serves a bus as RTU on a pseudo-terminal")
  func serialOnPseudoTerminal() async throws {
    let site = try TestSite()
    try await withSimulator(site, options: SimulatorOptions(serialBus: "R-1")) { running in
      let info = try #require(running.listeners["R-1"])
      #expect(info.framing == .rtu && info.endpoint.hasPrefix("/dev/pts/") && info.meters == 4)
      #expect(
        info.jsonLine
          == "{\"bus\": \"R-1\", \"framing\": \"rtu\", \"endpoint\": \"\(info.endpoint)\", \"meters\": 4}")
      let fd = open(info.endpoint, O_RDWR | O_NOCTTY)
      try #require(fd >= 0, "cannot open \(info.endpoint)")
      defer { close(fd) }
      var settings = termios()
      tcgetattr(fd, &settings)
      cfmakeraw(&settings)
      tcsetattr(fd, TCSANOW, &settings)
      let request = try mainBlock().request
      let garbage: [UInt8] = [0xFF, 0x00, 0x13, 0x37]
      let frame = garbage + RTUFramer.encode(unit: 2, pdu: request.encodePDU())
      #expect(frame.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == frame.count)
      let start = ContinuousClock.now
      var received: [UInt8] = []
      while received.count < 101, secondsSince(start) < 3 {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 200) > 0 else { continue }
        var chunk = [UInt8](repeating: 0, count: 256)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 { received.append(contentsOf: chunk.prefix(count)) }
      }
      #expect(received.count == 101)
      #expect(received.first == 2 && received.dropFirst().first == 0x03)
      #expect(CRC16.modbus(received.dropLast(2)) == UInt16(received[99]) | UInt16(received[100]) << 8)
    }
  }
}

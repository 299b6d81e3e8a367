import Domain
import Foundation
import MeterProfiles
import Simulator
import Testing

@Suite("the TOU table in the state file")
struct TimeOfUseStateTests {
  @Test("a written TOU table is saved and resumed; a state file without one keeps the site tariff's")
  func savedAndResumed() async throws {
    let site = try TestSite()
    let statePath = site.path("state.json")
    let options = SimulatorOptions(statePath: statePath, speed: 1e-9)
    let valley = try TimeOfUseSchedule(slots: [
      .init(startMinute: 0, period: .valley), .init(startMinute: 12 * 60 + 30, period: .flat),
    ])
    let siteSchedule = try await withSimulator(site, options: options) { running in
      let connection = try RawConnection(port: try running.port("R-1"))
      for request in try ddsyProfile().timeOfUseRequests(valley) {
        #expect(try connection.rtu(request, unit: 2).exceptionCode == nil)
      }
      return try #require(running.simulator.meterSnapshot(TestSite.rtuMeter)).schedule
    }
    let saved = try String(contentsOfFile: statePath, encoding: .utf8)
    #expect(saved.contains("timeOfUseRegisters"))

    try await withSimulator(site, options: options) { running in
      #expect(running.simulator.meterSnapshot(TestSite.rtuMeter2)?.schedule == valley)
      #expect(running.simulator.meterSnapshot(TestSite.rtuMeter)?.schedule == siteSchedule)
      let connection = try RawConnection(port: try running.port("R-1"))
      let profile = try ddsyProfile()
      var words: [UInt16] = []
      for request in profile.timeOfUseReadRequests {
        words += try #require(try connection.rtu(request, unit: 2).registers)
      }
      #expect(try profile.decodeTimeOfUse(words) == valley)
    }
  }
}

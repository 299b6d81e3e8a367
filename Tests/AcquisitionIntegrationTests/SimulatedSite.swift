import Acquisition
import Foundation
import MeterCrypto
import MeterProfiles
import NIOCore
import Services
import SimulatedSiteSupport
import Simulator
import SiteConfig
import Store
import TestSupport

/// A simulated site (see ``RunningSite``) with an acquisition engine writing to its database.
typealias SimulatedSite = RunningSite

extension RunningSite {
  /// An engine over the database, writing through the store sink.
  func makeEngine() throws -> (AcquisitionEngine, StoreReadingSink) {
    let plan = try AcquisitionSetup.plan(database: database, profiles: profiles)
    let sink = StoreReadingSink(
      database: database, timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current)
    return (AcquisitionEngine(plan: plan, sink: sink), sink)
  }
}

/// Runs `body` with an engine and always shuts it down.
func withEngine<T: Sendable>(
  _ site: SimulatedSite, _ body: (AcquisitionEngine, StoreReadingSink) async throws -> T
) async throws -> T {
  let (engine, sink) = try site.makeEngine()
  do {
    let result = try await body(engine, sink)
    try await engine.shutdown().get()
    return result
  } catch {
    try? await engine.shutdown().get()
    throw error
  }
}

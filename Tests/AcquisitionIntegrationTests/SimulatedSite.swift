import Acquisition
import Foundation
import MeterCrypto
import MeterProfiles
import NIOCore
import Services
import Simulator
import SiteConfig
import Store
import TestSupport

/// A small site served by the in-process simulator on ephemeral loopback ports, imported into a
/// real SQLite file, with an acquisition engine writing to it.
final class SimulatedSite: @unchecked Sendable {
  let directory: TemporaryDirectory
  let sitePath: String
  let faultsPath: String
  let dbPath: String
  let simulator: SiteSimulator
  let database: AppDatabase
  let profiles: [String: MeterProfile]

  private init(
    directory: TemporaryDirectory, sitePath: String, faultsPath: String, dbPath: String,
    simulator: SiteSimulator, database: AppDatabase, profiles: [String: MeterProfile]
  ) {
    self.directory = directory
    self.sitePath = sitePath
    self.faultsPath = faultsPath
    self.dbPath = dbPath
    self.simulator = simulator
    self.database = database
    self.profiles = profiles
  }

  /// Starts the simulator, imports the site pointed at its ports, and runs `body`; always stops.
  static func with<T: Sendable>(
    buses: [SmallSite.Bus], faults: String = "",
    _ body: (SimulatedSite) async throws -> T
  ) async throws -> T {
    let directory = try TemporaryDirectory()
    let sitePath = try SmallSite.write(into: directory, buses: buses)
    let faultsPath = directory.path("faults.toml")
    try faults.write(toFile: faultsPath, atomically: true, encoding: .utf8)
    let profiles = try ProfileCatalog.shipped()
    var definition = try SiteFileReader.read(path: sitePath, knownProfiles: Set(profiles.keys))
    let dbPath = directory.path("site.db")
    let key = try KeyFile.create(at: dbPath + ".key")
    let simulator = try SiteSimulator(
      site: definition, profiles: profiles, masterKey: key,
      options: SimulatorOptions(faultsPath: faultsPath, anyPort: true))
    let listeners = try await simulator.start()
    do {
      let endpoints = Dictionary(uniqueKeysWithValues: listeners.map { ($0.bus, $0.endpoint) })
      for index in definition.buses.indices {
        definition.buses[index].endpoint = endpoints[definition.buses[index].name] ?? ""
      }
      try SmallSite.pointBuses(site: sitePath, at: endpoints)
      let database = try AppDatabase.open(path: dbPath)
      _ = try SiteImportService(database: database).importSite(definition, by: "test", at: Date())
      let site = SimulatedSite(
        directory: directory, sitePath: sitePath, faultsPath: faultsPath, dbPath: dbPath,
        simulator: simulator, database: database, profiles: profiles)
      let result = try await body(site)
      await simulator.stop()
      return result
    } catch {
      await simulator.stop()
      throw error
    }
  }

  /// An engine over the database, writing through the store sink.
  func makeEngine() throws -> (AcquisitionEngine, StoreReadingSink) {
    let plan = try AcquisitionSetup.plan(database: database, profiles: profiles)
    let sink = StoreReadingSink(
      database: database, timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current)
    return (AcquisitionEngine(plan: plan, sink: sink), sink)
  }

  /// Replaces the simulator's faults and makes it re-read them.
  func setFaults(_ text: String) throws {
    try text.write(toFile: faultsPath, atomically: true, encoding: .utf8)
    try simulator.reloadFaults()
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

import Foundation
import MeterCrypto
import MeterProfiles
import Services
import Simulator
import SiteConfig
import Store
import TestSupport

/// A small site served by the in-process simulator on loopback ports it picked, with the site
/// imported into a real SQLite file pointed at those ports, and the site master key on disk.
public struct RunningSite: Sendable {
  /// The scratch folder holding the site files, the database and the key.
  public let directory: TemporaryDirectory
  /// The site file (its bus endpoints rewritten to the simulator's ports).
  public let sitePath: String
  /// The simulator's fault file.
  public let faultsPath: String
  /// The database file; its key is `dbPath.key`.
  public let dbPath: String
  /// The running simulator.
  public let simulator: SiteSimulator
  /// The imported database.
  public let database: AppDatabase
  /// The shipped profiles.
  public let profiles: [String: MeterProfile]
  /// The site master key the simulator checks tokens with.
  public let masterKey: SiteMasterKey

  /// Starts a simulated site, runs `body`, and stops the simulator on every path.
  public static func with<T: Sendable>(
    buses: [SmallSite.Bus], timeoutMs: Int = 1000, faults: String = "", savingState: Bool = true,
    _ body: (RunningSite) async throws -> T
  ) async throws -> T {
    let directory = try TemporaryDirectory()
    let sitePath = try SmallSite.write(into: directory, buses: buses, timeoutMs: timeoutMs)
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
      let site = RunningSite(
        directory: directory, sitePath: sitePath, faultsPath: faultsPath, dbPath: dbPath,
        simulator: simulator, database: database, profiles: profiles, masterKey: key)
      let result = try await body(site)
      await simulator.stop(savingState: savingState)
      return result
    } catch {
      await simulator.stop(savingState: savingState)
      throw error
    }
  }

  /// Replaces the simulator's faults and makes it re-read them.
  public func setFaults(_ text: String) throws {
    try text.write(toFile: faultsPath, atomically: true, encoding: .utf8)
    try simulator.reloadFaults()
  }
}

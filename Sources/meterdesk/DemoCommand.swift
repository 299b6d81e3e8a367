import ArgumentParser
import Foundation
import MeterCrypto
import MeterProfiles
import NIOCore
import Services
import Simulator
import SiteConfig
import Store

/// `meterdesk demo`: the console on the built-in demo site, with the simulator in-process.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open the console on the demo site: sample data, simulated meters, demo operators.",
    discussion: """
      Creates DATA/meterdesk.db from sample-data/ when missing, creates the demo operators \
      (cashier/cashier, supervisor/supervisor, electrician/electrician, admin/admin), starts \
      the simulator in-process at --speed with sample-data/faults.toml, sweeps every \
      --interval seconds and opens the console. Simulator state is kept in DATA/sim-state.json.
      """)

  @Option(help: "Data folder (default: ~/.meterdesk/demo).") var data: String?
  @Option(help: "Language: zh or en (default: from the locale).") var lang: String?
  @Option(help: "Theme name or path.") var theme: String?
  @Option(help: "Simulated time runs this many times faster.") var speed: Double = 60
  @Option(help: "Seconds between sweeps.") var interval: Int = 10
  @Option(help: "The sample site (default: sample-data/site.toml found near the program).")
  var site: String?

  func run() throws {
    StopSignal.install()  // a stop while the demo site is prepared still ends it cleanly
    let folder = data ?? (NSHomeDirectory() as NSString).appendingPathComponent(".meterdesk/demo")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    guard let sitePath = site ?? SampleData.find("site.toml") else {
      throw fail("meterdesk demo: cannot find sample-data/site.toml; pass --site")
    }
    let db = (folder as NSString).appendingPathComponent("meterdesk.db")
    let demo = try DemoSite.prepare(db: db, sitePath: sitePath)
    let simulator = try SiteSimulator(
      site: demo.site, profiles: demo.profiles, masterKey: demo.key,
      options: SimulatorOptions(
        statePath: (folder as NSString).appendingPathComponent("sim-state.json"),
        faultsPath: SampleData.sibling(of: sitePath, named: "faults.toml"), speed: speed,
        anyPort: true))
    let listeners = try DemoSite.startBlocking(simulator)
    defer { DemoSite.stopBlocking(simulator) }
    try demo.database.updateBusEndpoints(
      Dictionary(uniqueKeysWithValues: listeners.map { ($0.bus, $0.endpoint) }), by: "demo",
      at: Date())
    let status = try ConsoleLauncher.run(
      ConsoleLauncher.Options(
        db: db, theme: theme, lang: lang, demo: true,
        interval: .seconds(Int64(max(1, interval))),
        logPath: (folder as NSString).appendingPathComponent("meterdesk.log"), profilesFolder: nil))
    if status != 0 { throw ExitCode(status) }
  }
}

/// Finds the shipped sample data from the working folder or the executable's location.
enum SampleData {
  static func find(_ name: String) -> String? {
    var candidates = [FileManager.default.currentDirectoryPath + "/sample-data/" + name]
    var folder = ((CommandLine.arguments[0] as NSString).resolvingSymlinksInPath as NSString)
      .deletingLastPathComponent
    while !folder.isEmpty && folder != "/" {
      candidates.append(folder + "/sample-data/" + name)
      folder = (folder as NSString).deletingLastPathComponent
    }
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }

  static func sibling(of path: String, named name: String) -> String? {
    let candidate = ((path as NSString).deletingLastPathComponent as NSString)
      .appendingPathComponent(name)
    return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
  }
}

/// The demo database, key and operators.
struct DemoSite {
  let database: AppDatabase
  let site: SiteDefinition
  let profiles: [String: MeterProfile]
  let key: SiteMasterKey

  /// The demo operators: name = password = role.
  static let operators = ["cashier", "supervisor", "electrician", "admin"]

  static func prepare(db: String, sitePath: String) throws -> DemoSite {
    let profiles = try ProfileCatalog.shipped()
    let site: SiteDefinition
    do {
      site = try SiteFileReader.read(path: sitePath, knownProfiles: Set(profiles.keys))
    } catch {
      throw fail(error.description)
    }
    // The key comes first: the import's operation-log entries are signed with it.
    let keyPath = db + ".key"
    let key =
      FileManager.default.fileExists(atPath: keyPath)
      ? try KeyFile.load(from: keyPath) : try KeyFile.create(at: keyPath)
    let database = try AppDatabase.open(path: db, keyFile: keyPath)
    if try database.siteSettings() == nil {
      _ = try SiteImportService(database: database, knownProfiles: Set(profiles.keys))
        .importSite(site, by: "demo", at: Date())
    }
    let operators = OperatorService(database: database)
    for name in operators.names where try database.operator(named: name) == nil {
      try operators.add(name: name, role: name, password: name, by: "demo", at: Date())
    }
    return DemoSite(database: database, site: site, profiles: profiles, key: key)
  }

  /// Starts the simulator from synchronous code.
  static func startBlocking(_ simulator: SiteSimulator) throws -> [BusListenerInfo] {
    try Blocking.run { try await simulator.start() }
  }

  /// Stops the simulator (saving its state) from synchronous code.
  static func stopBlocking(_ simulator: SiteSimulator) {
    Blocking.run { await simulator.stop() }
  }
}

extension OperatorService {
  fileprivate var names: [String] { DemoSite.operators }
}

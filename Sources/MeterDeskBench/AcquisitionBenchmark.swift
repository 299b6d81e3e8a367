import Acquisition
import Foundation
import MeterProfiles
import ModbusCore
import Services
import SiteConfig
import Store

/// Measures sweeps against the simulator and prints ratios measured in the same run.
struct AcquisitionBenchmark {
  let meterdesk: String
  let sampleSite: String

  func run() throws {
    let profiles = try ProfileCatalog.shipped()
    print("== acquisition (simulator in a separate process, 9600 baud, 20 ms turnaround)")
    try sampleSiteRatios(profiles: profiles)
    try largeSiteRatios(profiles: profiles)
  }

  /// Healthy sweep over the slowest bus's wire limit, then 10 % silent meters over healthy.
  private func sampleSiteRatios(profiles: [String: MeterProfile]) throws {
    let directory = try Scratch.directory()
    for name in ["site.toml", "meters.csv", "accounts.csv"] {
      try FileManager.default.copyItem(
        atPath: (sampleSite as NSString).deletingLastPathComponent + "/" + name,
        toPath: directory + "/" + name)
    }
    let faults = directory + "/faults.toml"
    try "".write(toFile: faults, atomically: true, encoding: .utf8)
    let site = try SiteFileReader.read(path: directory + "/site.toml", knownProfiles: Set(profiles.keys))
    let simulator = try SimulatorProcess(meterdesk: meterdesk, site: directory + "/site.toml", faults: faults)
    let run = try EngineRun(
      site: site, endpoints: simulator.endpoints, profiles: profiles, directory: directory)
    defer { run.stop() }
    _ = try run.sweep()  // connect
    let healthy = try (0..<3).map { _ in try run.sweep().seconds }.sorted()[1]
    let limit = WireLimit.slowestBus(site)
    print(
      String(
        format:
          "sample site: %d meters on %d buses; healthy sweep %.3f s; wire limit of the slowest bus %.3f s",
        site.meters.count, site.buses.count, healthy, limit))
    print(String(format: "  ratio healthy / limit              = %.3f   (goal ≤ 1.15)", healthy / limit))

    let silent = stride(from: 0, to: site.meters.count, by: 10).map { site.meters[$0].number }
    try silent.map { "[meter.\"\($0)\"]\nsilent = true\n" }.joined()
      .write(toFile: faults, atomically: true, encoding: .utf8)
    simulator.reloadFaults()
    Thread.sleep(forTimeInterval: 0.5)
    var seconds: [Double] = []
    for _ in 0..<12 { seconds.append(try run.sweep().seconds) }
    let steady = Array(seconds.dropFirst(4))
    let mean = steady.reduce(0, +) / Double(steady.count)
    print(
      String(
        format: "  %d silent meters (10%%): sweeps %@", silent.count,
        seconds.map { String(format: "%.2f", $0) }.joined(separator: " ")))
    print(
      String(
        format: "  ratio steady (mean of sweeps 5-12) / healthy = %.3f, worst %.3f   (goal ≤ 1.3)",
        mean / healthy, (steady.max() ?? 0) / healthy))
  }

  /// A generated 10,000-meter site on 300 buses: sweep over limit, CPU per sweep, peak memory.
  private func largeSiteRatios(profiles: [String: MeterProfile]) throws {
    let directory = try Scratch.directory()
    let sitePath = try GeneratedSite.write(directory: directory, buses: 300, meters: 10_000)
    let site = try SiteFileReader.read(path: sitePath, knownProfiles: Set(profiles.keys))
    let simulator = try SimulatorProcess(meterdesk: meterdesk, site: sitePath, faults: nil)
    let bare = try EngineRun(
      site: site, endpoints: simulator.endpoints, profiles: profiles, directory: directory + "/bare",
      store: false)
    _ = try bare.sweep()
    let bareBefore = ResourceUsage.now()
    for _ in 0..<3 { _ = try bare.sweep() }
    let bareCPU = (ResourceUsage.now().cpuSeconds - bareBefore.cpuSeconds) / 3
    bare.stop()
    let run = try EngineRun(
      site: site, endpoints: simulator.endpoints, profiles: profiles, directory: directory)
    defer { run.stop() }
    _ = try run.sweep()
    let before = ResourceUsage.now()
    let sweeps = 3
    var seconds: [Double] = []
    for _ in 0..<sweeps { seconds.append(try run.sweep().seconds) }
    run.sink.flush()
    let after = ResourceUsage.now()
    let limit = WireLimit.slowestBus(site)
    let cpu = (after.cpuSeconds - before.cpuSeconds) / Double(sweeps)
    let mean = seconds.reduce(0, +) / Double(sweeps)
    print(
      String(
        format: "generated site: %d meters on %d buses; sweep %.3f s; limit %.3f s", site.meters.count,
        site.buses.count, mean, limit))
    print(String(format: "  ratio sweep / limit                = %.3f   (goal ≤ 1.2)", mean / limit))
    print(String(format: "  CPU seconds per sweep, engine alone             = %.3f", bareCPU))
    print(String(format: "  CPU seconds per sweep, engine + store writes    = %.3f   (goal < 0.5)", cpu))
    print(String(format: "  peak resident memory of the acquirer = %.0f MB", after.maxResidentMB))
  }
}

/// An engine over a scratch database pointed at the simulator's ports.
final class EngineRun {
  let engine: AcquisitionEngine
  let sink: StoreReadingSink

  init(
    site: SiteDefinition, endpoints: [String: String], profiles: [String: MeterProfile],
    directory: String, store: Bool = true
  ) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var site = site
    for index in site.buses.indices {
      site.buses[index].endpoint = endpoints[site.buses[index].name] ?? site.buses[index].endpoint
    }
    let database = try AppDatabase.open(path: directory + "/bench.db")
    _ = try SiteImportService(database: database).importSite(site, by: "bench", at: Date())
    let plan = try AcquisitionSetup.plan(database: database, profiles: profiles)
    sink = StoreReadingSink(database: database, timeZone: TimeZone(identifier: site.timeZone) ?? .current)
    engine = AcquisitionEngine(plan: plan, sink: store ? sink : nil)
  }

  func sweep() throws -> SiteSweepReport { try engine.sweep().wait() }

  func stop() { try? engine.shutdownAndWait() }
}

/// The physical limit of a sweep: per meter, request + response bytes on the wire, two t3.5
/// silences and the meter's turnaround; a site's limit is its slowest bus's.
enum WireLimit {
  static let turnaroundMicros = 20_000

  static func slowestBus(_ site: SiteDefinition) -> Double {
    var perBus: [String: Int] = [:]
    let baud = Dictionary(uniqueKeysWithValues: site.buses.map { ($0.name, $0.baud) })
    for meter in site.meters where !meter.disabled {
      let micros = WireTiming.cycleMicros(
        requestBytes: 8, responseBytes: 101, baud: baud[meter.bus] ?? 9600,
        turnaroundMicros: turnaroundMicros)
      perBus[meter.bus, default: 0] += micros
    }
    return Double(perBus.values.max() ?? 0) / 1e6
  }
}

/// CPU time and peak memory of this process.
struct ResourceUsage {
  var cpuSeconds: Double
  var maxResidentMB: Double

  static func now() -> ResourceUsage {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let cpu =
      Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
      + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return ResourceUsage(cpuSeconds: cpu, maxResidentMB: Double(usage.ru_maxrss) / 1024)
  }
}

/// Scratch folders under the temporary directory.
enum Scratch {
  static func directory() throws -> String {
    let path = NSTemporaryDirectory() + "meterdesk-bench-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}

import Acquisition
import Domain
import Foundation
import MeterProfiles
import ModbusCore
import Services
import SiteConfig
import Store

/// Price download to the sample site's 324 meters against the wire time of its writes and
/// read-backs on the slowest bus: idle, with routine sweeps, with 10 % silent meters; and an
/// address scan of a 27-meter bus against its identity reads and short probe timeouts.
struct BatchBenchmark {
  let meterdesk: String
  let sampleSite: String

  func run() throws {
    print("== batch (sample site, simulator in a separate process, 9600 baud, 20 ms turnaround)")
    let profiles = try ProfileCatalog.shipped()
    guard let profile = profiles["acrel-ddsy1352"] else { throw BenchError.missing("profile") }
    let directory = try Scratch.directory()
    for name in ["site.toml", "meters.csv", "accounts.csv"] {
      try FileManager.default.copyItem(
        atPath: (sampleSite as NSString).deletingLastPathComponent + "/" + name,
        toPath: directory + "/" + name)
    }
    // The shipped DDSY profile stores prices in 0.01 yuan/kWh: give the sample's 0.6170 tariff a price
    // the meters can hold, so the job measures writing, not the refusal of an unrepresentable price.
    let sitePath = directory + "/site.toml"
    let text = try String(contentsOfFile: sitePath, encoding: .utf8)
    try text.replacingOccurrences(of: "\"0.6170\"", with: "\"0.6200\"").write(
      toFile: sitePath, atomically: true, encoding: .utf8)
    let faults = directory + "/faults.toml"
    try "".write(toFile: faults, atomically: true, encoding: .utf8)
    let site = try SiteFileReader.read(path: directory + "/site.toml", knownProfiles: Set(profiles.keys))
    let simulator = try SimulatorProcess(meterdesk: meterdesk, site: directory + "/site.toml", faults: faults)
    let run = try EngineRun(
      site: site, endpoints: simulator.endpoints, profiles: profiles, directory: directory)
    defer { run.stop() }
    _ = try run.sweep()
    run.sink.flush()
    let database = try AppDatabase.open(path: directory + "/bench.db")
    try OperatorService(database: database, iterations: 1_000)
      .add(name: "boss", role: "supervisor", password: "boss", by: "bench", at: Date())
    let session = try OperatorService(database: database).logIn(name: "boss", password: "boss", at: Date())
    let limit = Self.priceWireLimit(site, profile: profile)
    let idle = try job(.price, database: database, engine: run.engine, session: session)
    print(
      String(
        format:
          "price download, %d meters: %.2f s; wire limit of its writes and read-backs on the slowest bus %.2f s",
        site.meters.count, idle.seconds, limit))
    print(
      String(
        format: "  ratio idle / limit                 = %.3f   (goal ≤ 1.2); %d done, %d failed",
        idle.seconds / limit, idle.done, idle.failed))
    run.engine.startRoutine()
    let busy = try job(.price, database: database, engine: run.engine, session: session)
    print(
      String(
        format: "  ratio with routine sweeps / limit  = %.3f   (goal ≤ 1.3); %d done, %d failed",
        busy.seconds / limit, busy.done, busy.failed))

    let silent = stride(from: 0, to: site.meters.count, by: 10).map { site.meters[$0].number }
    try silent.map { "[meter.\"\($0)\"]\nsilent = true\n" }.joined().write(
      toFile: faults, atomically: true, encoding: .utf8)
    simulator.reloadFaults()
    for _ in 0..<4 { _ = try run.sweep() }  // acquisition marks them offline
    let dead = try job(.price, database: database, engine: run.engine, session: session)
    let probe = Self.probeSeconds(profile.routineBlocks.first?.request ?? profile.purchaseCountRequest)
    let silentOnSlowest = Self.silentPerBus(site, silent: Set(silent)).max() ?? 0
    let allowance = 1.3 * busy.seconds + Double(silentOnSlowest) * probe
    print(
      String(
        format:
          "  %d silent meters: job %.2f s, %d failed; over 1.3 × the job with sweeps + one %.3f s probe per silent meter on the worst bus (%d) = %.3f   (goal ≤ 1)",
        silent.count, dead.seconds, dead.failed, probe, silentOnSlowest, dead.seconds / allowance))

    // An RTU-over-TCP bus: absent units there time out (a Modbus TCP gateway answers for them at once).
    let busName = (site.buses.first { $0.framing.rawValue == "rtu-over-tcp" } ?? site.buses[0]).name
    let onBus = site.meters.filter { $0.bus == busName }.count
    let silentThere = Set(silent).intersection(site.meters.filter { $0.bus == busName }.map(\.number)).count
    let started = Date()
    let engine = run.engine
    let rows = try Blocking.run {
      try await CommissioningService(database: database).scan(
        bus: busName, addresses: 1...247, engine: engine)
    }
    let scan: Double = Date().timeIntervalSince(started)
    let answering = onBus - silentThere
    let timeouts = 247 - answering
    let identity = Self.cycle(profile.identity.meterNumberRequest)
    let identityProbe = Self.probeSeconds(profile.identity.meterNumberRequest)
    let expected = Double(answering) * identity + Double(timeouts) * identityProbe
    print(
      "scan 1–247 of bus \(busName) (\(onBus) meters, \(silentThere) silent): \(rows.count) addresses reported"
    )
    print(
      String(
        format:
          "  %.2f s; %d identity reads + %d probe timeouts = %.2f s; ratio %.3f (routine sweeps running)",
        scan,
        answering, timeouts, expected, scan / expected))
  }

  private func job(
    _ operation: RemoteOperation, database: AppDatabase, engine: AcquisitionEngine, session: Session
  ) throws
    -> (seconds: Double, done: Int, failed: Int)
  {
    let job = try BatchService(database: database).start(
      operation, .all, session: session, approvedBy: nil, at: Date())
    let started = Date()
    try Blocking.run { try await BatchRunner(database: database, engine: engine).runQueued() }
    let seconds = Date().timeIntervalSince(started)
    let items = try database.batchItems(job: job.id ?? 0)
    let reasons = Dictionary(grouping: items.compactMap(\.reason), by: { $0 }).mapValues(\.count)
    for (reason, count) in reasons.sorted(by: { $0.value > $1.value }).prefix(3) {
      print("    \(count) × \(reason)")
    }
    return (seconds, items.filter { $0.state == .done }.count, items.filter { $0.state == .failed }.count)
  }

  /// Per meter: the merged FC16 price write, its read-back, and the TOU table's write and read-back.
  static func priceWireLimit(_ site: SiteDefinition, profile: MeterProfile) -> Double {
    var requests: [ModbusRequest] = [
      .writeMultipleRegisters(address: 0x0059, values: Array(repeating: 0, count: 8)),
      .readHoldingRegisters(address: 0x0059, count: 8),
    ]
    if let table = try? profile.timeOfUseRequests(TimeOfUseSchedule.standard) {
      requests += table + profile.timeOfUseReadRequests
    }
    let perMeter = requests.map(cycle).reduce(0, +)
    var perBus: [String: Int] = [:]
    for meter in site.meters where !meter.disabled { perBus[meter.bus, default: 0] += 1 }
    return Double(perBus.values.max() ?? 0) * perMeter
  }

  static func cycle(_ request: ModbusRequest) -> Double {
    Double(
      WireTiming.cycleMicros(
        requestBytes: RTUFrameSizes.requestBytes(for: request),
        responseBytes: RTUFrameSizes.responseBytes(for: request) ?? 8, baud: 9600,
        turnaroundMicros: WireLimit.turnaroundMicros)) / 1e6
  }

  /// The engine's short probe timeout for a request (wire time at the slowest turnaround + 100 ms).
  static func probeSeconds(_ request: ModbusRequest) -> Double {
    Double(
      WireTiming.cycleMicros(
        requestBytes: RTUFrameSizes.requestBytes(for: request),
        responseBytes: RTUFrameSizes.responseBytes(for: request) ?? RTUFrameSizes.maxFrameBytes, baud: 9600,
        turnaroundMicros: 150_000)) / 1e6 + 0.1
  }

  static func silentPerBus(_ site: SiteDefinition, silent: Set<String>) -> [Int] {
    Array(
      Dictionary(grouping: site.meters.filter { silent.contains($0.number) }, by: \.bus).values.map(\.count))
  }
}

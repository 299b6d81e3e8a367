import Acquisition
import Domain
import Foundation
import MeterCrypto
import MeterProfiles
import ModbusCore
import Services
import SiteConfig
import Store

/// From a confirmed sale to "delivered": on an idle bus, and with routine sweeps running on it,
/// against the wire time of the transactions the delivery needs.
struct SaleBenchmark {
  let meterdesk: String

  func run() throws {
    print("== sale delivery (one bus of 27 meters, 9600 baud, 20 ms turnaround)")
    let profiles = try ProfileCatalog.shipped()
    guard let profile = profiles["acrel-ddsy1352"] else { throw BenchError.missing("profile") }
    let directory = try Scratch.directory()
    let sitePath = try GeneratedSite.write(directory: directory, buses: 1, meters: 27)
    let site = try SiteFileReader.read(path: sitePath, knownProfiles: Set(profiles.keys))
    let key = try KeyFile.create(at: directory + "/bench.db.key")
    let simulator = try SimulatorProcess(
      meterdesk: meterdesk, site: sitePath, faults: nil, keys: directory + "/bench.db.key")
    let run = try EngineRun(
      site: site, endpoints: simulator.endpoints, profiles: profiles, directory: directory)
    defer { run.stop() }
    _ = try run.sweep()
    run.sink.flush()
    let database = try AppDatabase.open(path: directory + "/bench.db")
    try OperatorService(database: database, iterations: 1_000)
      .add(name: "bench", role: "cashier", password: "bench", by: "bench", at: Date())
    let session = try OperatorService(database: database).logIn(
      name: "bench", password: "bench", at: Date())
    let limit = Self.wireSeconds(profile)
    var idle: [Double] = []
    for index in 0..<5 {
      idle.append(try sellAndDeliver(meter: site.meters[index].number, run, database, key, session))
    }
    run.engine.startRoutine()
    var busy: [Double] = []
    for index in 5..<10 {
      Thread.sleep(forTimeInterval: 0.07 * Double(index))
      busy.append(try sellAndDeliver(meter: site.meters[index].number, run, database, key, session))
    }
    let sweepRequest =
      Double(
        WireTiming.cycleMicros(requestBytes: 8, responseBytes: 101, baud: 9600, turnaroundMicros: 20_000))
      / 1e6
    let idleMedian = idle.sorted()[idle.count / 2]
    let busyWorst = busy.max() ?? 0
    print(String(format: "wire time of the delivery's four transactions: %.3f s", limit))
    print(
      String(
        format: "idle bus: confirm → delivered median %.3f s = %.2f × wire time   (goal < 3×)",
        idleMedian, idleMedian / limit))
    print(
      String(
        format:
          "sweeps running: worst %.3f s; over wire time + one sweep request (%.3f s) = %.2f   (goal < 1)",
        busyWorst, limit + sweepRequest, busyWorst / (limit + sweepRequest)))
  }

  private func sellAndDeliver(
    meter: String, _ run: EngineRun, _ database: AppDatabase, _ key: SiteMasterKey, _ session: Session
  ) throws -> Double {
    let started = ContinuousClock.now
    let record = try SalesService(database: database).sell(
      meter: meter, amount: .yuan(10), pay: .cash, session: session, at: Date())
    let engine = run.engine
    let deliverer = OutboxDeliverer(database: database)
    let delivered = try Blocking.run { try await deliverer.deliverPending(engine: engine, masterKey: key) }
    let elapsed = ContinuousClock.now - started
    guard delivered.contains(where: { $0.bill == record.bill && $0.status == .delivered }) else {
      throw BenchError.missing("delivery of bill \(record.bill): \(delivered)")
    }
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  /// Read the purchase count, write the 12-register token, read the result, read the count again.
  static func wireSeconds(_ profile: MeterProfile) -> Double {
    let requests: [ModbusRequest] = [
      profile.purchaseCountRequest,
      profile.rechargeRequest(tokenRegisters: Array(repeating: 0, count: 12)),
      profile.rechargeResultRequest,
      profile.purchaseCountRequest,
    ]
    let micros = requests.reduce(0) { total, request in
      total
        + WireTiming.cycleMicros(
          requestBytes: RTUFrameSizes.requestBytes(for: request),
          responseBytes: RTUFrameSizes.responseBytes(for: request) ?? 8, baud: 9600,
          turnaroundMicros: 20_000)
    }
    return Double(micros) / 1e6
  }
}

/// Waits for async work from the benchmark's synchronous code.
enum Blocking {
  static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
      do { box.value = .success(try await work()) } catch { box.value = .failure(error) }
      done.signal()
    }
    done.wait()
    guard let value = box.value else { throw BenchError.missing("result") }
    return try value.get()
  }

  private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var value: Result<T, any Error>?
  }
}

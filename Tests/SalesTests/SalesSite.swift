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

/// A small site served by the in-process simulator, imported into SQLite, with a cashier and a
/// supervisor (the same approach as the acquisition integration tests).
final class SalesSite: @unchecked Sendable {
  let directory: TemporaryDirectory
  let faultsPath: String
  let simulator: SiteSimulator
  let database: AppDatabase
  let profiles: [String: MeterProfile]
  let masterKey: SiteMasterKey
  let cashier: Session
  let supervisor: Session
  let sales: SalesService
  let deliverer: OutboxDeliverer

  /// The first meter of the first bus (opened).
  static let meter = SmallSite.meterNumber(bus: 0, index: 0)
  /// The last meter of the first bus (not opened).
  static let unopened = SmallSite.meterNumber(bus: 0, index: 2)

  private init(
    directory: TemporaryDirectory, faultsPath: String, simulator: SiteSimulator, database: AppDatabase,
    profiles: [String: MeterProfile], masterKey: SiteMasterKey
  ) throws {
    self.directory = directory
    self.faultsPath = faultsPath
    self.simulator = simulator
    self.database = database
    self.profiles = profiles
    self.masterKey = masterKey
    let operators = OperatorService(database: database, iterations: 1000)
    try operators.add(name: "li", role: "cashier", password: "li-pass", by: "test", at: Date())
    try operators.add(name: "zhao", role: "cashier", password: "zhao-pass", by: "test", at: Date())
    try operators.add(name: "wang", role: "supervisor", password: "wang-pass", by: "test", at: Date())
    cashier = try operators.logIn(name: "li", password: "li-pass", at: Date())
    supervisor = try operators.logIn(name: "wang", password: "wang-pass", at: Date())
    sales = SalesService(database: database)
    deliverer = OutboxDeliverer(database: database)
  }

  /// Logs in another operator at the terminal.
  func logIn(_ name: String, _ password: String) throws -> Session {
    try OperatorService(database: database, iterations: 1000).logIn(
      name: name, password: password, at: Date())
  }

  /// Starts the simulator (one bus of three meters), imports the site and runs `body`; always stops.
  static func with<T: Sendable>(faults: String = "", _ body: (SalesSite) async throws -> T) async throws -> T
  {
    try await RunningSite.with(
      buses: [SmallSite.Bus(name: "S-1", framing: "tcp", meters: 3)], timeoutMs: 300, faults: faults
    ) { running in
      try await body(
        SalesSite(
          directory: running.directory, faultsPath: running.faultsPath, simulator: running.simulator,
          database: running.database, profiles: running.profiles, masterKey: running.masterKey))
    }
  }

  /// Runs `body` with an engine after one sweep (so purchase counts and balances are known).
  func withEngine<T: Sendable>(sweep: Bool = true, _ body: (AcquisitionEngine) async throws -> T) async throws
    -> T
  {
    let plan = try AcquisitionSetup.plan(database: database, profiles: profiles)
    let sink = StoreReadingSink(
      database: database, timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current)
    let engine = AcquisitionEngine(plan: plan, sink: sink)
    do {
      if sweep {
        _ = try await engine.sweep().get()
        sink.flush()
      }
      let result = try await body(engine)
      try await engine.shutdown().get()
      return result
    } catch {
      try? await engine.shutdown().get()
      throw error
    }
  }

  /// Replaces the simulator's faults and makes it re-read them.
  func setFaults(_ text: String) throws {
    try text.write(toFile: faultsPath, atomically: true, encoding: .utf8)
    try simulator.reloadFaults()
  }

  /// The simulated meter now.
  func snapshot(_ number: String = SalesSite.meter) throws -> SimulatedMeterSnapshot {
    guard let snapshot = simulator.meterSnapshot(number) else { throw SalesTestError.noMeter(number) }
    return snapshot
  }

  /// Puts a delivered entry back in the queue, as if the process died right after the write.
  func requeue(bill: Int64) throws {
    guard var outbox = try database.saleRow(bill: bill)?.outbox else { throw SalesTestError.noBill(bill) }
    outbox.state = .queued
    outbox.deliveredAt = nil
    outbox.balanceAfterFen = nil
    try database.updateOutbox(outbox)
  }
}

/// Test set-up failures.
enum SalesTestError: Error {
  case noMeter(String)
  case noBill(Int64)
}

import Foundation
import MeterCrypto
import MeterProfiles
import Services
import SimulatedSiteSupport
import Simulator
import SiteConfig
import Store
import TestSupport

/// A site for the CLI: the simulator in-process (one bus of four meters, three opened), the
/// database and key file on disk, a cashier and a supervisor, and one `meterdesk poll` done.
final class CLISite: @unchecked Sendable {
  let directory: TemporaryDirectory
  let simulator: SiteSimulator
  let database: AppDatabase
  let db: String
  /// The running simulated site (faults).
  let running: RunningSite

  /// The three opened meters.
  static let meters = (0..<3).map { SmallSite.meterNumber(bus: 0, index: $0) }

  private init(
    directory: TemporaryDirectory, simulator: SiteSimulator, database: AppDatabase, db: String,
    running: RunningSite
  ) {
    self.running = running
    self.directory = directory
    self.simulator = simulator
    self.database = database
    self.db = db
  }

  /// Starts everything, runs `body`, and always stops the simulator.
  static func with<T: Sendable>(_ body: (CLISite) async throws -> T) async throws -> T {
    try await RunningSite.with(
      buses: [SmallSite.Bus(name: "S-1", framing: "tcp", meters: 4)], timeoutMs: 500,
      savingState: false
    ) { running in
      let operators = OperatorService(database: running.database, iterations: 1000)
      try operators.add(name: "li", role: "cashier", password: "li-pass", by: "test", at: Date())
      try operators.add(name: "wang", role: "supervisor", password: "wang-pass", by: "test", at: Date())
      let site = CLISite(
        directory: running.directory, simulator: running.simulator, database: running.database,
        db: running.dbPath, running: running)
      let poll = try CommandRunner.meterdesk(["poll", "--db", running.dbPath, "--sweeps", "1"])
      guard poll.status == 0 else { throw CLISiteError("poll failed: \(poll.stderr)") }
      return try await body(site)
    }
  }

  /// The simulated meter now.
  func snapshot(_ number: String) throws -> SimulatedMeterSnapshot {
    guard let snapshot = simulator.meterSnapshot(number) else { throw CLISiteError("no meter \(number)") }
    return snapshot
  }

  /// Runs `meterdesk` with `arguments`, the passwords on standard input.
  func run(_ arguments: [String], stdin: String? = nil) throws -> CommandResult {
    try CommandRunner.meterdesk(arguments, stdin: stdin)
  }

  /// `meterdesk sell` by the cashier; `extra` are further options.
  func sell(_ meter: String, _ amount: String, _ extra: [String] = []) throws -> CommandResult {
    try run(
      [
        "sell", "--db", db, "--meter", meter, "--amount", amount, "--pay", "cash", "--operator", "li",
        "--password-stdin",
      ] + extra, stdin: "li-pass\n")
  }

  /// Decodes a one-line JSON object printed by a command.
  static func object(_ text: String) throws -> [String: Any] {
    let line = text.split(separator: "\n").last.map(String.init) ?? ""
    guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
      throw CLISiteError("not a JSON object: \(text)")
    }
    return object
  }
}

/// A set-up step that failed.
struct CLISiteError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

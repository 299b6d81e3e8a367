import ArgumentParser
import Dispatch
import Foundation
import MeterCrypto
import MeterProfiles
import Simulator
import SiteConfig

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `meterdesk sim`: serves a virtual site of prepaid meters over Modbus on loopback.
struct SimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sim",
    abstract: "Serve a virtual site of prepaid meters over Modbus on loopback (tests, benchmarks, demo).",
    discussion: """
      One listener per bus of the site on its endpoint and framing (127.0.0.1 only); --serial BUS \
      serves that bus on a pseudo-terminal instead. Prints one JSON line per bus, then {"ready": true}. \
      SIGHUP re-reads the fault file; SIGTERM or SIGINT saves the state file and exits 0.
      """)

  @Option(help: "Site file (site.toml); a 'profiles' folder beside it adds site profiles.") var site: String
  @Option(help: "Site master key file, to accept recharge tokens (without it every token is refused).")
  var keys: String?
  @Option(help: "State file: resumed at start, saved every 30 s and on exit.") var state: String?
  @Option(help: "Fault file (TOML), re-read on SIGHUP.") var faults: String?
  @Option(help: "Simulated time runs N times faster than real time.") var speed: Double = 1
  @Option(help: "Serve this bus on a pseudo-terminal (serial RTU) instead of its endpoint.") var serial:
    String?
  @Option(help: "Meter turnaround in ms (default: the profile's, 20 ms).") var turnaroundMs: Int?
  @Flag(help: "Listen on any free port for every bus (the JSON lines give the real ports).") var anyPort =
    false

  func validate() throws {
    guard speed.isFinite, speed > 0 else { throw ValidationError("--speed must be a number above 0") }
    if let turnaroundMs, turnaroundMs < 0 { throw ValidationError("--turnaround-ms must be 0 or more") }
  }

  func run() throws {
    StopSignal.install()
    let simulator = try makeSimulator()
    let listeners: [BusListenerInfo]
    do {
      listeners = try Blocking.run { try await simulator.start() }
    } catch {
      throw fail("meterdesk sim: \(error)")
    }
    var lines = listeners.map(\.jsonLine)
    lines.append(BusListenerInfo.readyLine)
    FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))

    let queue = DispatchQueue(label: "meterdesk.sim.signals")
    signal(SIGHUP, SIG_IGN)
    let hangup = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
    hangup.setEventHandler {
      do {
        try simulator.reloadFaults()
      } catch {
        printError("meterdesk sim: fault file not reloaded, the old faults stay in force:\n\(error)")
      }
    }
    hangup.resume()

    StopSignal.wait()
    hangup.cancel()  // also keeps the source alive until here
    var saveError: (any Error)?
    do {
      try simulator.saveState()
    } catch {
      saveError = error
    }
    Blocking.run { await simulator.stop(savingState: false) }
    if let saveError { throw fail("meterdesk sim: \(saveError)") }
  }

  /// Loads profiles, the site, the key and faults, and builds the simulator; failures exit non-zero.
  private func makeSimulator() throws -> SiteSimulator {
    let siteFolder = URL(fileURLWithPath: site).deletingLastPathComponent().appendingPathComponent("profiles")
    var isFolder: ObjCBool = false
    let hasProfiles = FileManager.default.fileExists(atPath: siteFolder.path, isDirectory: &isFolder)
    let profiles: [String: MeterProfile]
    do {
      profiles = try ProfileCatalog.catalog(
        siteFolder: hasProfiles && isFolder.boolValue ? siteFolder.path : nil)
    } catch {
      throw fail("meterdesk sim: \(error)")
    }
    let definition: SiteDefinition
    do {
      definition = try SiteFileReader.read(path: site, knownProfiles: Set(profiles.keys))
    } catch {
      for issue in error.issues { printError(issue.description) }
      throw fail("meterdesk sim: \(error.issues.count) problem(s) in the site files")
    }
    var masterKey: SiteMasterKey?
    if let keys {
      do {
        masterKey = try KeyFile.load(from: keys)
      } catch {
        throw fail("meterdesk sim: \(error)")
      }
    }
    let options = SimulatorOptions(
      statePath: state, faultsPath: faults, speed: speed, serialBus: serial, turnaroundMs: turnaroundMs,
      anyPort: anyPort)
    do {
      return try SiteSimulator(site: definition, profiles: profiles, masterKey: masterKey, options: options)
    } catch {
      throw fail("meterdesk sim: \(error)")
    }
  }
}

/// Runs async work to completion from synchronous command code.

import Domain
import Foundation
import MeterCrypto
import MeterProfiles
import NIOCore
import NIOPosix
import SiteConfig

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A virtual site: every bus of a site definition served on loopback (or a pseudo-terminal) with
/// half-duplex wire timing, and meters that follow their profiles, charge their wallets and trip.
///
/// All buses share one small event-loop group, so a 10 000-meter site on 300 buses costs no thread
/// per bus; meters are advanced lazily when read and in a coarse periodic tick.
public final class SiteSimulator: Sendable {
  private let site: SiteDefinition
  private let options: SimulatorOptions
  private let buses: [SimulatedBus]
  private let locations: [String: MeterLocation]
  private let faults: Locked<FaultPlan>
  private let clock: SimulatedClock
  private let zone: SiteTimeZone
  private let runtime = Locked(Runtime())
  private let saving = Locked(())
  private let knownMeters: Set<String>
  private let knownBuses: Set<String>

  /// Where a meter lives: its bus and its index on the bus.
  private struct MeterLocation: Sendable {
    var bus: Int
    var index: Int
  }

  /// A bus as served: its loop and where it listens.
  private struct ServedBus {
    var bus: SimulatedBus
    var loop: any EventLoop
    var host: String?
    var port: Int
    var pseudoTerminal: PseudoTerminal?
    var info: BusListenerInfo
  }

  /// The lifecycle and what belongs to it.
  private struct Runtime {
    enum Phase { case created, starting, running, stopped }
    var phase = Phase.created
    var group: MultiThreadedEventLoopGroup?
    var served: [ServedBus] = []
    var timer: (any DispatchSourceTimer)?
  }

  /// Builds the simulated site: checks profiles, tariffs and endpoints, resumes the state file if it
  /// exists (the simulated clock continues from it) and reads the fault file.
  ///
  /// - Parameters:
  ///   - site: the site definition (buses, meters, accounts, tariffs, defaults).
  ///   - profiles: profiles by name; every meter's profile must be present.
  ///   - masterKey: the site master key for recharge tokens; nil refuses every token as a bad token.
  ///   - options: files, speed, serial bus, timing.
  public init(
    site: SiteDefinition, profiles: [String: MeterProfile], masterKey: SiteMasterKey?,
    options: SimulatorOptions
  ) throws {
    self.site = site
    self.options = options
    let zone = SiteTimeZone(identifier: site.timeZone)
    self.zone = zone
    if let serial = options.serialBus, !site.buses.contains(where: { $0.name == serial }) {
      throw SimulatorError.unknownSerialBus(serial)
    }
    let saved = try options.statePath.flatMap { path throws(SimulatorError) in try StateFile.load(path: path)
    }
    let clock = SimulatedClock(
      simulatedStart: saved?.simulatedTime ?? Date().timeIntervalSince1970, speed: options.speed)
    self.clock = clock
    let faults = Locked(FaultPlan.none)
    self.faults = faults

    let opened = Set(site.accounts.flatMap(\.meters))
    let buildings = Dictionary(site.buildings.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    let tariffSpecs = Dictionary(
      site.tariffs.map { ($0.name, $0.spec) }, uniquingKeysWith: { first, _ in first })
    var tariffs: [String: Tariff] = [:]
    var metersByBus: [String: [MeterDefinition]] = [:]
    for meter in site.meters { metersByBus[meter.bus, default: []].append(meter) }

    var buses: [SimulatedBus] = []
    var locations: [String: MeterLocation] = [:]
    for definition in site.buses {
      let servedOnPTY = definition.name == options.serialBus || definition.framing == .rtu
      if !servedOnPTY {
        _ = try LoopbackEndpoint(parsing: definition.endpoint, bus: definition.name)
      }
      var meters: [SimulatedMeter] = []
      for meter in metersByBus[definition.name] ?? [] {
        guard let profile = profiles[meter.profile] else {
          throw SimulatorError.unknownProfile(meter: meter.number, profile: meter.profile)
        }
        let tariffName = meter.tariff ?? site.defaults.tariff
        let tariff: Tariff
        if let known = tariffs[tariffName] {
          tariff = known
        } else {
          guard let spec = tariffSpecs[tariffName] else {
            throw SimulatorError.badTariff(
              meter: meter.number, reason: "tariff \"\(tariffName)\" is not defined")
          }
          switch spec.tariff() {
          case .success(let built): tariff = built
          case .failure(let error):
            throw SimulatorError.badTariff(meter: meter.number, reason: "tariff \(tariffName): \(error)")
          }
          tariffs[tariffName] = tariff
        }
        guard let address = UInt8(exactly: meter.address) else {
          throw SimulatorError.badEndpoint(
            bus: definition.name, endpoint: definition.endpoint,
            reason: "meter \(meter.number) has address \(meter.address), outside 1–247")
        }
        let isOpened = opened.contains(meter.number)
        let turnaroundMs = options.turnaroundMs ?? profile.serial.turnaroundMs
        let identity = MeterIdentity(
          number: meter.number, bus: definition.name, address: address, profile: profile,
          opened: isOpened,
          curve: LoadCurve(
            type: TenantType.of(building: buildings[meter.building], code: meter.building),
            meterNumber: meter.number),
          schedule: InitialState.schedule(of: tariff),
          meterKey: try? masterKey?.meterKey(meterNumber: meter.number),
          ctRatio: Int64(meter.ctRatio), turnaroundNanos: Int64(max(0, turnaroundMs)) * 1_000_000)
        let state =
          saved?.meters[meter.number]
          ?? InitialState.state(
            meter: meter, opened: isOpened, defaults: site.defaults, tariff: tariff, profile: profile,
            simulatedTime: clock.simulatedStart)
        locations[meter.number] = MeterLocation(bus: buses.count, index: meters.count)
        meters.append(SimulatedMeter(identity: identity, state: state))
      }
      buses.append(
        SimulatedBus(
          definition: definition, framing: servedOnPTY ? .rtu : definition.framing, meters: meters,
          clock: clock, zone: zone, faults: faults))
    }
    self.buses = buses
    self.locations = locations
    knownMeters = Set(site.meters.map(\.number))
    knownBuses = Set(site.buses.map(\.name))
    if let path = options.faultsPath {
      let plan = try FaultFile.read(path: path, knownMeters: knownMeters, knownBuses: knownBuses)
      faults.withLock { $0 = plan }
    }
  }

  // MARK: lifecycle

  /// Starts serving every bus and returns where each listens, in site order.
  ///
  /// Throws ``SimulatorError/cannotListen(bus:endpoint:reason:)`` naming the bus and endpoint when
  /// one cannot listen (nothing stays open then).
  public func start() async throws -> [BusListenerInfo] {
    try runtime.withLock { runtime in
      guard runtime.phase == .created else {
        throw SimulatorError.lifecycle("the simulator was already started")
      }
      runtime.phase = .starting
    }
    let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, options.threads))
    var served: [ServedBus] = []
    do {
      for bus in buses {
        served.append(try await serve(bus, loop: group.next()))
      }
    } catch {
      for entry in served { await Self.shutDown(entry) }
      try? await group.shutdownGracefully()
      runtime.withLock { $0.phase = .stopped }
      throw error
    }
    let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "meterdesk.simulator.tick"))
    let interval = max(0.05, options.tickInterval)
    timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
    timer.setEventHandler { [weak self] in self?.tick() }
    runtime.withLock { runtime in
      runtime.group = group
      runtime.served = served
      runtime.timer = timer
      runtime.phase = .running
    }
    timer.resume()
    let plan = faults.current
    for entry in served where entry.pseudoTerminal == nil && plan.isDown(entry.bus.name) {
      goDown(entry.bus)
    }
    return served.map(\.info)
  }

  /// Puts one bus on its pseudo-terminal or TCP endpoint.
  private func serve(_ bus: SimulatedBus, loop: any EventLoop) async throws -> ServedBus {
    if bus.framing == .rtu {
      let terminal: PseudoTerminal
      do {
        terminal = try PseudoTerminal.open()
      } catch {
        throw SimulatorError.pseudoTerminal(bus: bus.name, reason: error.description)
      }
      let channel: any Channel
      do {
        channel = try await BusServer.serve(bus, pseudoTerminalMaster: terminal.master, on: loop).get()
      } catch {
        closeDescriptor(terminal.master)
        closeDescriptor(terminal.slaveHold)
        throw SimulatorError.pseudoTerminal(bus: bus.name, reason: "\(error)")
      }
      bus.state.withLock { $0.listener = channel }
      return ServedBus(
        bus: bus, loop: loop, host: nil, port: 0, pseudoTerminal: terminal,
        info: BusListenerInfo(
          bus: bus.name, framing: .rtu, endpoint: terminal.slavePath, meters: bus.meterCount))
    }
    let endpoint = try LoopbackEndpoint(parsing: bus.definition.endpoint, bus: bus.name)
    var port = endpoint.port
    var channel: (any Channel)?
    var lastError: (any Error)?
    // With `anyPort`, ports are drawn below the kernel's ephemeral range (32768–60999), so a
    // bus taken down and healed can bind its port again: no client connection of another test
    // can have been given it as a local port in the meantime.
    for _ in 0..<(options.anyPort ? 64 : 1) {
      if options.anyPort { port = Int.random(in: Self.anyPortRange) }
      do {
        channel = try await BusServer.listen(bus, host: endpoint.host, port: port, on: loop).get()
        break
      } catch {
        lastError = error
      }
    }
    guard let channel else {
      throw SimulatorError.cannotListen(
        bus: bus.name, endpoint: endpoint.text(port: port), reason: "\(lastError.map { "\($0)" } ?? "")")
    }
    let actual = channel.localAddress?.port ?? port
    bus.state.withLock { $0.listener = channel }
    return ServedBus(
      bus: bus, loop: loop, host: endpoint.host, port: actual, pseudoTerminal: nil,
      info: BusListenerInfo(
        bus: bus.name, framing: bus.framing, endpoint: endpoint.text(port: actual), meters: bus.meterCount))
  }

  /// Ports tried for `anyPort` listeners: registered-port space below the ephemeral range.
  static let anyPortRange = 20_000..<32_000

  /// Stops serving: saves the state file (when one is configured and `savingState`), closes every
  /// listener and connection and shuts the event loops down. Safe to call more than once.
  public func stop(savingState: Bool = true) async {
    let taken = runtime.withLock {
      runtime -> (MultiThreadedEventLoopGroup?, [ServedBus], (any DispatchSourceTimer)?)? in
      guard runtime.phase != .stopped else { return nil }
      runtime.phase = .stopped
      defer {
        runtime.group = nil
        runtime.served = []
        runtime.timer = nil
      }
      return (runtime.group, runtime.served, runtime.timer)
    }
    guard let (group, served, timer) = taken else { return }
    timer?.cancel()
    if savingState {
      do {
        try saveState()
      } catch {
        FileHandle.standardError.write(Data("meterdesk sim: \(error)\n".utf8))
      }
    }
    for entry in served { await Self.shutDown(entry) }
    try? await group?.shutdownGracefully()
  }

  /// Closes a served bus: its listener or pseudo-terminal, and its connections.
  private static func shutDown(_ entry: ServedBus) async {
    let listener = entry.bus.state.withLock { bus in
      defer { bus.listener = nil }
      return bus.listener
    }
    try? await listener?.close()
    entry.bus.closeConnections()
    if let terminal = entry.pseudoTerminal {
      closeDescriptor(terminal.slaveHold)
    }
  }

  /// The periodic tick: advances every meter and saves the state file.
  private func tick() {
    if options.statePath == nil {
      let t = clock.now()
      for bus in buses { bus.advanceAll(to: t) }
      return
    }
    do {
      try saveState()
    } catch {
      FileHandle.standardError.write(Data("meterdesk sim: \(error)\n".utf8))
    }
  }

  // MARK: faults

  /// Re-reads the fault file; on error the faults in force stay as they were.
  ///
  /// A bus that goes down closes its connections and stops listening; one that heals listens again on
  /// the same port before this returns.
  public func reloadFaults() throws {
    guard let path = options.faultsPath else { return }
    let plan = try FaultFile.read(path: path, knownMeters: knownMeters, knownBuses: knownBuses)
    try apply(plan)
  }

  /// Puts a new fault plan in force, taking buses down or up as needed.
  private func apply(_ plan: FaultPlan) throws {
    let old = faults.withLock { current in
      defer { current = plan }
      return current
    }
    let served = runtime.withLock { $0.phase == .running ? $0.served : [] }
    var problems: [any Error] = []
    for entry in served where entry.pseudoTerminal == nil {
      let name = entry.bus.name
      if plan.isDown(name), !old.isDown(name) {
        goDown(entry.bus)
      } else if !plan.isDown(name), old.isDown(name) {
        do {
          try comeUp(entry)
        } catch {
          problems.append(error)
        }
      }
    }
    if let first = problems.first { throw first }
  }

  /// The gateway of a bus drops: its listener and connections close.
  private func goDown(_ bus: SimulatedBus) {
    let listener = bus.state.withLock { state in
      defer { state.listener = nil }
      return state.listener
    }
    try? listener?.close().wait()
    bus.closeConnections()
  }

  /// The gateway of a bus is back: it listens on the same port again.
  private func comeUp(_ entry: ServedBus) throws {
    guard let host = entry.host, entry.bus.state.withLock({ $0.listener == nil }) else { return }
    let endpoint = LoopbackEndpoint.text(host: host, port: entry.port)
    do {
      let channel = try BusServer.listen(entry.bus, host: host, port: entry.port, on: entry.loop).wait()
      entry.bus.state.withLock { $0.listener = channel }
    } catch {
      throw SimulatorError.cannotListen(bus: entry.bus.name, endpoint: endpoint, reason: "\(error)")
    }
  }

  // MARK: state

  /// Runs every meter to now and writes the state file atomically (temporary file, then rename);
  /// does nothing without a state path.
  public func saveState() throws {
    guard let path = options.statePath else { return }
    try saving.withLock { _ in
      let t = clock.now()
      var meters: [String: MeterState] = [:]
      for bus in buses {
        meters.merge(bus.states(at: t)) { _, new in new }
      }
      try StateFile.save(
        SimulatorStateDocument(
          format: SimulatorStateDocument.currentFormat, site: site.code, simulatedTime: t, meters: meters),
        path: path)
    }
  }

  /// Simulated time now.
  public var simulatedNow: Date {
    Date(timeIntervalSince1970: clock.now())
  }

  /// A meter as it is now (advanced to the simulated time); nil for an unknown meter number.
  public func meterSnapshot(_ number: String) -> SimulatedMeterSnapshot? {
    guard let location = locations[number] else { return nil }
    let t = clock.now()
    return buses[location.bus].withMeter(at: location.index, time: t) { $0.snapshot(at: t, zone: zone) }
  }

  /// Sets a meter's remaining amount, for tests and demonstrations (e.g. a meter just above zero);
  /// returns false for an unknown meter number.
  @discardableResult
  public func setRemaining(_ number: String, fen: Int64) -> Bool {
    guard let location = locations[number] else { return false }
    let t = clock.now()
    buses[location.bus].withMeter(at: location.index, time: t) { meter in
      meter.state.wallet.remainingFen = fen
      meter.state.wallet.pendingCost = 0
    }
    return true
  }
}

/// `close(2)`, named apart from the simulator's own methods.
private func closeDescriptor(_ fd: Int32) {
  _ = close(fd)
}

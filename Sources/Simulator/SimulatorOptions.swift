/// How a ``SiteSimulator`` runs: state and fault files, time speed, serial bus and timing.
public struct SimulatorOptions: Sendable, Hashable {
  /// State file to resume from and save to; nil keeps the state in memory only.
  public var statePath: String?
  /// Fault file (TOML) read at start and by ``SiteSimulator/reloadFaults()``; nil means no faults.
  public var faultsPath: String?
  /// Simulated seconds per real second (1 = real time).
  public var speed: Double
  /// Name of a bus to serve on a pseudo-terminal instead of its configured endpoint.
  public var serialBus: String?
  /// Meter turnaround in milliseconds; nil uses each profile's own (20 ms when it says nothing).
  public var turnaroundMs: Int?
  /// Bind every bus to port 0 (a free port chosen by the kernel), for tests running in parallel.
  public var anyPort: Bool
  /// Real seconds between coarse ticks that advance every meter and save the state file.
  public var tickInterval: Double
  /// Event-loop threads shared by all buses (1 or 2 is plenty, even for 300 buses).
  public var threads: Int

  /// Options with the defaults the `meterdesk sim` command uses.
  public init(
    statePath: String? = nil, faultsPath: String? = nil, speed: Double = 1,
    serialBus: String? = nil, turnaroundMs: Int? = nil, anyPort: Bool = false,
    tickInterval: Double = 30, threads: Int = 2
  ) {
    self.statePath = statePath
    self.faultsPath = faultsPath
    self.speed = speed
    self.serialBus = serialBus
    self.turnaroundMs = turnaroundMs
    self.anyPort = anyPort
    self.tickInterval = tickInterval
    self.threads = threads
  }
}

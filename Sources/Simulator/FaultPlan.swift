/// Faults injected into one meter.
public struct MeterFault: Sendable, Hashable {
  /// Never answers.
  public var silent = false
  /// Extra milliseconds before it answers.
  public var slowMs = 0
  /// Fraction (0–1) of answers sent with a bad CRC (or, on a Modbus TCP bus, exception 0x0B).
  public var corrupt = 0.0
  /// Acknowledges every write as usual but applies none (only a read-back shows it).
  public var ignoreWrites = false
  /// Answers every register write (FC06, FC16) with this Modbus exception code; reads are normal.
  public var writeException: UInt8?

  /// No fault.
  public init(
    silent: Bool = false, slowMs: Int = 0, corrupt: Double = 0, ignoreWrites: Bool = false,
    writeException: UInt8? = nil
  ) {
    self.silent = silent
    self.slowMs = slowMs
    self.corrupt = corrupt
    self.ignoreWrites = ignoreWrites
    self.writeException = writeException
  }
}

/// Faults injected into one bus (its gateway).
public struct BusFault: Sendable, Hashable {
  /// The gateway is down: connections are closed and nothing is accepted.
  public var down = false

  /// No fault.
  public init(down: Bool = false) {
    self.down = down
  }
}

/// Every fault in force, by meter number and bus name; empty means every meter answers.
public struct FaultPlan: Sendable, Hashable {
  /// Faults by meter number.
  public var meters: [String: MeterFault]
  /// Faults by bus name.
  public var buses: [String: BusFault]

  /// A plan; empty by default.
  public init(meters: [String: MeterFault] = [:], buses: [String: BusFault] = [:]) {
    self.meters = meters
    self.buses = buses
  }

  /// No faults at all.
  public static let none = FaultPlan()

  /// The fault of a meter (none when not listed).
  public func meter(_ number: String) -> MeterFault {
    meters[number] ?? MeterFault()
  }

  /// Whether a bus is down.
  public func isDown(_ bus: String) -> Bool {
    buses[bus]?.down ?? false
  }
}

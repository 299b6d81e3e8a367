/// Why the simulator cannot start or reload.
public enum SimulatorError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A bus endpoint is not `host:port` with a loopback host.
  case badEndpoint(bus: String, endpoint: String, reason: String)
  /// A bus could not listen on its endpoint (port in use, permission…).
  case cannotListen(bus: String, endpoint: String, reason: String)
  /// `--serial` names a bus the site does not have.
  case unknownSerialBus(String)
  /// The pseudo-terminal for a serial bus could not be opened.
  case pseudoTerminal(bus: String, reason: String)
  /// A meter refers to a profile that is not loaded.
  case unknownProfile(meter: String, profile: String)
  /// A meter's tariff is unknown or invalid.
  case badTariff(meter: String, reason: String)
  /// The fault file is wrong: `file:line: message` for each problem.
  case badFaultFile([String])
  /// The state file cannot be read, decoded or written.
  case stateFile(path: String, reason: String)
  /// The simulator was asked to do something in the wrong phase (e.g. started twice).
  case lifecycle(String)

  /// The problem as one or more lines naming the bus, file or meter.
  public var description: String {
    switch self {
    case .badEndpoint(let bus, let endpoint, let reason):
      "bus \(bus): endpoint \(endpoint): \(reason)"
    case .cannotListen(let bus, let endpoint, let reason):
      "bus \(bus): cannot listen on \(endpoint): \(reason)"
    case .unknownSerialBus(let name):
      "--serial \(name): the site has no bus of that name"
    case .pseudoTerminal(let bus, let reason):
      "bus \(bus): cannot open a pseudo-terminal: \(reason)"
    case .unknownProfile(let meter, let profile):
      "meter \(meter): profile \(profile) is not loaded"
    case .badTariff(let meter, let reason):
      "meter \(meter): \(reason)"
    case .badFaultFile(let lines):
      lines.joined(separator: "\n")
    case .stateFile(let path, let reason):
      "state file \(path): \(reason)"
    case .lifecycle(let what):
      what
    }
  }
}

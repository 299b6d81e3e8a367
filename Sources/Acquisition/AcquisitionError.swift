/// Why acquisition could not do what was asked.
public enum AcquisitionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No meter of that number is being acquired.
  case unknownMeter(String)
  /// The meter's profile has no such command or setting.
  case unsupported(String)
  /// The meter answered with something that does not fit the profile.
  case unexpectedAnswer(String)
  /// The engine is stopping; the job was not run.
  case stopping
  /// The bus's gateway or port cannot be reached.
  case busDown(String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .unknownMeter(let meter): return "meter \(meter) is not on any acquired bus"
    case .unsupported(let what): return "the meter's profile does not support \(what)"
    case .unexpectedAnswer(let what): return "unexpected answer: \(what)"
    case .stopping: return "acquisition is stopping"
    case .busDown(let reason): return "bus down: \(reason)"
    }
  }
}

/// The state file's content: the simulated clock and every meter's state.
struct SimulatorStateDocument: Sendable, Codable {
  /// Format version, 1.
  var format: Int
  /// Site code, to warn when a state file belongs to another site.
  var site: String
  /// Simulated time when saved, Unix seconds; the clock continues from here.
  var simulatedTime: Double
  /// Meter states by meter number.
  var meters: [String: MeterState]

  /// The version written.
  static let currentFormat = 1
}

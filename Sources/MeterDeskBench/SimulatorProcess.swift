import Foundation

/// `meterdesk sim --any-port` run as a child process; stopped on deinit.
final class SimulatorProcess {
  let process = Process()
  private let output = Pipe()
  private(set) var endpoints: [String: String] = [:]

  init(meterdesk: String, site: String, faults: String?, keys: String? = nil) throws {
    process.executableURL = URL(fileURLWithPath: meterdesk)
    var arguments = ["sim", "--site", site, "--any-port"]
    if let faults { arguments += ["--faults", faults] }
    if let keys { arguments += ["--keys", keys] }
    process.arguments = arguments
    process.standardOutput = output
    process.standardError = FileHandle.standardError
    try process.run()
    var buffer = Data()
    let handle = output.fileHandleForReading
    while true {
      let chunk = handle.availableData
      guard !chunk.isEmpty else { throw BenchError.simulatorExited }
      buffer.append(chunk)
      let text = String(decoding: buffer, as: UTF8.self)
      if text.contains("{\"ready\": true}") {
        for line in text.split(separator: "\n") {
          guard
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let bus = object["bus"] as? String, let endpoint = object["endpoint"] as? String
          else { continue }
          endpoints[bus] = endpoint
        }
        return
      }
    }
  }

  /// Makes the simulator re-read its faults file.
  func reloadFaults() { kill(process.processIdentifier, SIGHUP) }

  deinit {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }
}

/// Why a benchmark could not run.
enum BenchError: Error, CustomStringConvertible {
  case simulatorExited
  case missing(String)

  var description: String {
    switch self {
    case .simulatorExited: return "the simulator exited before it was ready"
    case .missing(let what): return "missing: \(what)"
    }
  }
}

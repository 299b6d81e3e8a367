import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads and atomically writes the simulator's state file (JSON).
enum StateFile {
  /// The saved state at `path`; nil when the file does not exist.
  static func load(path: String) throws(SimulatorError) -> SimulatorStateDocument? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .stateFile(path: path, reason: "cannot read the file")
    }
    let document: SimulatorStateDocument
    do {
      document = try JSONDecoder().decode(SimulatorStateDocument.self, from: data)
    } catch {
      throw .stateFile(path: path, reason: "not a simulator state file (\(error))")
    }
    guard document.format == SimulatorStateDocument.currentFormat else {
      throw .stateFile(path: path, reason: "format \(document.format) is not supported")
    }
    guard document.simulatedTime.isFinite else {
      throw .stateFile(path: path, reason: "the simulated time is not a number")
    }
    return document
  }

  /// Writes `document` to a temporary file beside `path`, syncs it and renames it over `path`.
  static func save(_ document: SimulatorStateDocument, path: String) throws(SimulatorError) {
    let data: Data
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      data = try encoder.encode(document)
    } catch {
      throw .stateFile(path: path, reason: "cannot encode the state (\(error))")
    }
    let temporary = path + ".tmp-\(getpid())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .stateFile(path: path, reason: "cannot create \(temporary): \(errnoText())") }
    var written = 0
    let failure: String? = data.withUnsafeBytes { raw -> String? in
      guard let base = raw.baseAddress else { return nil }
      while written < raw.count {
        let count = write(fd, base + written, raw.count - written)
        if count < 0 {
          if errno == EINTR { continue }
          return "cannot write \(temporary): \(errnoText())"
        }
        written += count
      }
      return nil
    }
    let synced = fsync(fd) == 0
    close(fd)
    if let failure {
      unlink(temporary)
      throw .stateFile(path: path, reason: failure)
    }
    guard synced else {
      unlink(temporary)
      throw .stateFile(path: path, reason: "cannot sync \(temporary): \(errnoText())")
    }
    guard rename(temporary, path) == 0 else {
      let reason = errnoText()
      unlink(temporary)
      throw .stateFile(path: path, reason: "cannot rename \(temporary): \(reason)")
    }
  }

  private static func errnoText() -> String {
    strerror(errno).map { String(cString: $0) } ?? "errno \(errno)"
  }
}

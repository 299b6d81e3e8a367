import Foundation
import Logging
import NIOConcurrencyHelpers

/// A swift-log handler that appends lines to a file: ncurses owns the screen, so the console
/// and the demo log here instead of to standard error.
struct FileLogHandler: LogHandler {
  private let sink: FileLogSink
  private let label: String
  var metadata: Logger.Metadata = [:]
  var logLevel: Logger.Level = .info

  init(label: String, sink: FileLogSink) {
    self.label = label
    self.sink = sink
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    let stamp = ISO8601DateFormatter().string(from: Date())
    let extra = metadata.merging(event.metadata ?? [:]) { $1 }
    let suffix = extra.isEmpty ? "" : " " + extra.map { "\($0)=\($1)" }.sorted().joined(separator: " ")
    sink.write("\(stamp) \(event.level) \(label): \(event.message)\(suffix)\n")
  }
}

/// The shared open log file.
final class FileLogSink: Sendable {
  private let handle: NIOLockedValueBox<FileHandle?>

  /// Opens (creating) a log file for appending; logging is silently off if it cannot be opened.
  init(path: String) {
    if !FileManager.default.fileExists(atPath: path) {
      _ = FileManager.default.createFile(atPath: path, contents: nil)
    }
    let file = FileHandle(forWritingAtPath: path)
    _ = try? file?.seekToEnd()
    handle = NIOLockedValueBox(file)
  }

  func write(_ line: String) {
    handle.withLockedValue { try? $0?.write(contentsOf: Data(line.utf8)) }
  }

  /// Bootstraps swift-log to this file (once per process).
  func bootstrap() {
    LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: self) }
  }
}

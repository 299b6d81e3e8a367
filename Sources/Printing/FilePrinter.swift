import Foundation

/// "Prints" to a file, appending each job (with a form feed between jobs): for `--out` and tests.
public struct FilePrinter: ReceiptPrinter {
  /// The file written to; created when missing.
  public var path: String
  /// The encoding of the bytes written.
  public var encoding: PrintEncoding
  /// How lines end in the file.
  public var lineEnding: LineEnding

  /// Creates a printer appending to `path`.
  public init(path: String, encoding: PrintEncoding = .utf8, lineEnding: LineEnding = .lf) {
    self.path = path
    self.encoding = encoding
    self.lineEnding = lineEnding
  }

  /// Appends `bytes`, preceded by a form feed when the file already holds a job; `title` is unused.
  public func send(_ bytes: [UInt8], title: String) throws(PrintError) {
    let manager = FileManager.default
    if !manager.fileExists(atPath: path) && !manager.createFile(atPath: path, contents: nil) {
      throw PrintError(message: "cannot create \(path)")
    }
    guard let handle = FileHandle(forUpdatingAtPath: path) else {
      throw PrintError(message: "cannot open \(path) for writing")
    }
    defer { try? handle.close() }
    do {
      let end = try handle.seekToEnd()
      try handle.write(contentsOf: Data((end > 0 ? [0x0C] : []) + bytes))
    } catch {
      throw PrintError(message: "cannot write \(path): \(error.localizedDescription)")
    }
  }
}

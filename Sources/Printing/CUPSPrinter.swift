import Foundation

/// Prints to a CUPS queue as a raw job (`lp -o raw`): the printer gets the text bytes unchanged.
public struct CUPSPrinter: ReceiptPrinter {
  /// The queue (destination) name, from the site's settings or `--print`.
  public var queue: String
  /// The CUPS server as "host:port"; nil for the default (the local cupsd, or CUPS_SERVER).
  public var server: String?
  /// The encoding of the bytes sent.
  public var encoding: PrintEncoding
  /// How lines end in the bytes sent.
  public var lineEnding: LineEnding
  /// Seconds to wait for `lp` before giving up.
  public var timeout: TimeInterval

  /// Creates a printer for `queue`, on `server` ("host:port", nil = the default).
  public init(
    queue: String, server: String? = nil, encoding: PrintEncoding = .utf8, lineEnding: LineEnding = .crlf,
    timeout: TimeInterval = 30
  ) {
    self.queue = queue
    self.server = server
    self.encoding = encoding
    self.lineEnding = lineEnding
    self.timeout = timeout
  }

  /// Submits `bytes` as one raw job; throws with lp's message when the job is not accepted
  /// (missing queue, queue not accepting jobs, cupsd down).
  public func send(_ bytes: [UInt8], title: String) throws(PrintError) {
    guard !queue.isEmpty else { throw PrintError(message: "no printer queue is configured") }
    guard let lp = ExecutableLocator.find("lp") else {
      throw PrintError(message: "lp is not installed (Debian package cups-client)")
    }
    let cleanTitle = String(title.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    var arguments: [String] = []
    if let server { arguments += ["-h", server] }
    arguments += ["-d", queue, "-o", "raw", "-t", cleanTitle.isEmpty ? "receipt" : cleanTitle]
    let outcome = try ProcessRunner.run(lp, arguments, input: bytes, timeout: timeout)
    guard outcome.status == 0 else { throw PrintError(message: failureMessage(lpMessage: outcome.message)) }
  }

  /// The operator's message for a failed `lp`: lp's words, and whether the scheduler is down.
  private func failureMessage(lpMessage: String) -> String {
    let place = "\"\(queue)\"" + (server.map { " on \($0)" } ?? "")
    // lp reports an unreachable scheduler as a missing printer; ask lpstat which it is.
    if let lpstat = ExecutableLocator.find("lpstat"),
      let outcome = try? ProcessRunner.run(
        lpstat, (server.map { ["-h", $0] } ?? []) + ["-r"], input: [], timeout: 5),
      outcome.stdout.contains("not running")
    {
      return "cannot print to \(place): the CUPS scheduler is not running (\(lpMessage))"
    }
    return "cannot print to \(place): \(lpMessage)"
  }
}

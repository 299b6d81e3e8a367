/// A `host:port` endpoint the simulator may listen on: loopback hosts only.
struct LoopbackEndpoint: Sendable, Hashable {
  /// The host to bind (`127.0.0.1`, `::1`; `localhost` binds `127.0.0.1`).
  var host: String
  /// The port; 0 lets the kernel choose.
  var port: Int

  /// Parses `endpoint` of `bus`, refusing hosts that are not loopback.
  init(parsing endpoint: String, bus: String) throws(SimulatorError) {
    var text = Substring(endpoint)
    var host: Substring
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else {
        throw .badEndpoint(bus: bus, endpoint: endpoint, reason: "unclosed [ in an IPv6 host")
      }
      host = text[text.index(after: text.startIndex)..<close]
      text = text[text.index(after: close)...]
      guard text.hasPrefix(":") else {
        throw .badEndpoint(bus: bus, endpoint: endpoint, reason: "expected host:port")
      }
      text = text.dropFirst()
    } else {
      guard let colon = text.lastIndex(of: ":") else {
        throw .badEndpoint(bus: bus, endpoint: endpoint, reason: "expected host:port")
      }
      host = text[..<colon]
      text = text[text.index(after: colon)...]
    }
    guard let port = Int(text), (0...65535).contains(port) else {
      throw .badEndpoint(bus: bus, endpoint: endpoint, reason: "port must be 0–65535")
    }
    switch host {
    case "localhost": host = "127.0.0.1"
    case "::1": break
    default:
      let parts = host.split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count == 4, parts[0] == "127",
        parts.allSatisfy({ part in UInt8(part).map { _ in true } ?? false })
      else {
        throw .badEndpoint(
          bus: bus, endpoint: endpoint,
          reason: "the simulator listens on loopback only (127.x.x.x, ::1 or localhost)")
      }
    }
    self.host = String(host)
    self.port = port
  }

  /// `host:port` text for the start-up line, with a real port.
  func text(port actual: Int) -> String {
    Self.text(host: host, port: actual)
  }

  /// `host:port` text, brackets around an IPv6 host.
  static func text(host: String, port: Int) -> String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }
}

/// Where a Modbus bus is reached: a gateway over TCP, a transparent server, or a local serial port.
///
/// Written as a URL: `tcp://10.0.0.5:502`, `rtu+tcp://10.0.0.6:4001`,
/// `serial:///dev/ttyUSB0?baud=9600&parity=N`.
public enum ModbusEndpoint: Sendable, Hashable, CustomStringConvertible {
  /// Modbus TCP (MBAP framing), usually a TCP ↔ RTU gateway.
  case tcp(host: String, port: Int)
  /// Raw RTU frames (with CRC) in a TCP stream: a transparent serial server.
  case rtuOverTCP(host: String, port: Int)
  /// A local RS-485 adapter: RTU framing, 8 data bits, `parity`, 1 stop bit.
  case serial(path: String, baud: Int, parity: SerialParity)

  /// The default Modbus TCP port, used when a `tcp://` URL names none.
  public static let defaultTCPPort = 502
  /// The baud rate a `serial://` URL gets when it names none.
  public static let defaultBaud = 9600
  /// The baud rates a serial port can be opened with.
  public static let supportedBauds = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115_200]

  /// Whether requests travel as RTU frames (RTU over TCP and serial) rather than MBAP.
  public var usesRTUFraming: Bool {
    if case .tcp = self { return false }
    return true
  }

  /// The endpoint as a URL that `parse` reads back.
  public var description: String {
    switch self {
    case .tcp(let host, let port): "tcp://\(Self.hostText(host)):\(port)"
    case .rtuOverTCP(let host, let port): "rtu+tcp://\(Self.hostText(host)):\(port)"
    case .serial(let path, let baud, let parity): "serial://\(path)?baud=\(baud)&parity=\(parity.rawValue)"
    }
  }

  /// Reads `tcp://host[:port]`, `rtu+tcp://host:port` or `serial:///dev/tty…[?baud=B&parity=N|E|O]`.
  public static func parse(_ url: String) throws(ModbusTransportError) -> ModbusEndpoint {
    guard let schemeEnd = url.firstRange(of: "://") else {
      throw .badEndpoint("\(url): expected tcp://host:port, rtu+tcp://host:port or serial:///dev/…")
    }
    let scheme = url[..<schemeEnd.lowerBound].lowercased()
    let rest = String(url[schemeEnd.upperBound...])
    switch scheme {
    case "tcp":
      let (host, port) = try hostAndPort(rest, defaultPort: defaultTCPPort, url: url)
      return .tcp(host: host, port: port)
    case "rtu+tcp":
      let (host, port) = try hostAndPort(rest, defaultPort: nil, url: url)
      return .rtuOverTCP(host: host, port: port)
    case "serial":
      return try serial(rest, url: url)
    default:
      throw .badEndpoint("\(url): unknown scheme \"\(scheme)\" (use tcp, rtu+tcp or serial)")
    }
  }

  /// Splits `host:port` (IPv6 in brackets) and checks the port.
  private static func hostAndPort(
    _ written: String, defaultPort: Int?, url: String
  ) throws(ModbusTransportError) -> (String, Int) {
    let text = written.hasSuffix("/") ? written.dropLast() : written[...]
    let host: Substring
    var portText: Substring?
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else {
        throw .badEndpoint("\(url): missing \"]\" after the IPv6 address")
      }
      host = text[text.index(after: text.startIndex)..<close]
      let after = text[text.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else { throw .badEndpoint("\(url): expected \":port\" after the host") }
        portText = after.dropFirst()
      }
    } else if let colon = text.lastIndex(of: ":") {
      host = text[..<colon]
      portText = text[text.index(after: colon)...]
    } else {
      host = text
    }
    guard !host.isEmpty, !host.contains("/") else { throw .badEndpoint("\(url): missing host") }
    guard let portText else {
      guard let defaultPort else { throw .badEndpoint("\(url): missing port") }
      return (String(host), defaultPort)
    }
    guard let port = Int(portText), (1...65535).contains(port) else {
      throw .badEndpoint("\(url): port must be 1…65535, not \"\(portText)\"")
    }
    return (String(host), port)
  }

  /// Reads the path and query of a `serial://` URL.
  private static func serial(_ text: String, url: String) throws(ModbusTransportError) -> ModbusEndpoint {
    let parts = text.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let path = String(parts[0])
    guard path.hasPrefix("/"), path.count > 1 else {
      throw .badEndpoint("\(url): expected an absolute device path, e.g. serial:///dev/ttyUSB0")
    }
    var baud = defaultBaud
    var parity = SerialParity.none
    let query = parts.count > 1 ? parts[1] : ""
    for item in query.split(separator: "&") {
      let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let value = pair.count > 1 ? String(pair[1]) : ""
      switch pair[0].lowercased() {
      case "baud":
        guard let rate = Int(value), supportedBauds.contains(rate) else {
          throw .badEndpoint(
            "\(url): baud must be one of \(supportedBauds.map(String.init).joined(separator: ", "))")
        }
        baud = rate
      case "parity":
        guard let value = SerialParity(rawValue: value.uppercased()) else {
          throw .badEndpoint("\(url): parity must be N, E or O")
        }
        parity = value
      default:
        throw .badEndpoint("\(url): unknown setting \"\(pair[0])\" (use baud and parity)")
      }
    }
    return .serial(path: path, baud: baud, parity: parity)
  }

  /// A host as written in a URL: IPv6 addresses in brackets.
  private static func hostText(_ host: String) -> String {
    host.contains(":") ? "[\(host)]" : host
  }
}

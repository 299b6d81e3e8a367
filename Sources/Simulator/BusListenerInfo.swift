import Foundation
import SiteConfig

/// Where one simulated bus listens, as printed on the simulator's start-up lines.
public struct BusListenerInfo: Sendable, Hashable {
  /// Bus name as in the site file.
  public var bus: String
  /// The framing served: `tcp`, `rtu-over-tcp` or `rtu`.
  public var framing: BusFraming
  /// `127.0.0.1:PORT` with the real port, or the pseudo-terminal path `/dev/pts/N`.
  public var endpoint: String
  /// Number of meters on the bus.
  public var meters: Int

  /// Creates a listener description.
  public init(bus: String, framing: BusFraming, endpoint: String, meters: Int) {
    self.bus = bus
    self.framing = framing
    self.endpoint = endpoint
    self.meters = meters
  }

  /// The port of a TCP endpoint, nil for a pseudo-terminal.
  public var port: Int? {
    guard framing != .rtu, let colon = endpoint.lastIndex(of: ":") else { return nil }
    return Int(endpoint[endpoint.index(after: colon)...])
  }

  /// One JSON object: `{"bus": NAME, "framing": "...", "endpoint": "...", "meters": N}`.
  public var jsonLine: String {
    "{\"bus\": \(JSONText.string(bus)), \"framing\": \(JSONText.string(framing.rawValue)), "
      + "\"endpoint\": \(JSONText.string(endpoint)), \"meters\": \(meters)}"
  }

  /// The line printed after every bus is listening.
  public static let readyLine = "{\"ready\": true}"
}

/// Minimal JSON string quoting for the start-up lines.
enum JSONText {
  /// `text` as a JSON string literal.
  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

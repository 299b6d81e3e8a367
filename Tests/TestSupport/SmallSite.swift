import Foundation

/// Writes a small site (site.toml, meters.csv, accounts.csv) for integration tests.
///
/// Endpoints are placeholders (`127.0.0.1:1`); tests start the simulator with `anyPort`
/// and point the buses at the ports it reports.
public enum SmallSite {
  /// One bus of the generated site.
  public struct Bus: Sendable {
    /// Bus name.
    public var name: String
    /// `tcp` or `rtu-over-tcp`.
    public var framing: String
    /// Meters on it, at addresses 1…count.
    public var meters: Int
    /// Creates a bus description.
    public init(name: String, framing: String, meters: Int) {
      self.name = name
      self.framing = framing
      self.meters = meters
    }
  }

  /// The meter number of the `index`-th meter (0-based) on the `bus`-th bus.
  public static func meterNumber(bus: Int, index: Int) -> String {
    String(format: "2099%02d%06d", bus + 1, index + 1)
  }

  /// Writes the files and returns the site file's path. The last meter of each bus is unopened.
  @discardableResult
  public static func write(
    into directory: TemporaryDirectory, buses: [Bus], baud: Int = 9600, timeoutMs: Int = 1000
  ) throws -> String {
    var toml = """
      [site]
      name = "测试广场"
      code = "TS"
      time_zone = "Asia/Shanghai"
      meters = "meters.csv"
      accounts = "accounts.csv"

      [defaults]
      collection_interval_seconds = 60
      offline_after_failures = 3
      alarm1 = "50.00"
      alarm2 = "20.00"
      hoarding_cap = "5000.00"
      power_threshold_w = 8000
      tariff = "flat"

      [tariffs.flat]
      kind = "single"
      price = "1.0000"

      [[buildings]]
      code = "A"
      name = "A座"

      [[gateways]]
      name = "GW-A"
      building = "A"
      model = "test"
      address = "127.0.0.1"

      """
    for (index, bus) in buses.enumerated() {
      toml += """

        [[buses]]
        name = "\(bus.name)"
        gateway = "GW-A"
        framing = "\(bus.framing)"
        endpoint = "127.0.0.1:\(index + 1)"
        baud = \(baud)
        parity = "N"
        timeout_ms = \(timeoutMs)

        """
    }
    var meters = [
      "meter,bus,address,profile,building,floor,shop,circuit,ct_ratio,alarm1,alarm2,power_threshold_w,tariff,keep_power,disabled"
    ]
    var accounts = ["account,tenant,phone,shop,meters,opened_at"]
    for (busIndex, bus) in buses.enumerated() {
      for index in 0..<bus.meters {
        let number = meterNumber(bus: busIndex, index: index)
        let shop = "A-\(busIndex + 1)\(String(format: "%02d", index + 1))"
        meters.append(
          "\(number),\(bus.name),\(index + 1),acrel-ddsy1352,A,1,\(shop),AL-\(index + 1),1,,,,,0,0")
        if index < bus.meters - 1 {
          accounts.append(
            "TS\(busIndex + 1)\(String(format: "%03d", index + 1)),租户\(busIndex)\(index),139\(number.suffix(8)),\(shop),\(number),2025-01-01"
          )
        }
      }
    }
    try toml.write(toFile: directory.path("site.toml"), atomically: true, encoding: .utf8)
    try (meters.joined(separator: "\n") + "\n").write(
      toFile: directory.path("meters.csv"), atomically: true, encoding: .utf8)
    try (accounts.joined(separator: "\n") + "\n").write(
      toFile: directory.path("accounts.csv"), atomically: true, encoding: .utf8)
    return directory.path("site.toml")
  }

  /// Rewrites the `endpoint = …` line of each named bus in a site file.
  public static func pointBuses(site: String, at endpoints: [String: String]) throws {
    var lines = try String(contentsOfFile: site, encoding: .utf8).components(separatedBy: "\n")
    var currentBus: String?
    for index in lines.indices {
      let line = lines[index].trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("name = \"") {
        currentBus = String(line.dropFirst(8).prefix { $0 != "\"" })
      } else if line.hasPrefix("endpoint = "), let bus = currentBus, let endpoint = endpoints[bus] {
        lines[index] = "endpoint = \"\(endpoint)\""
      }
    }
    try lines.joined(separator: "\n").write(toFile: site, atomically: true, encoding: .utf8)
  }
}

import Foundation

/// Writes a large synthetic site: `buses` tcp buses sharing `meters` meters, all DDSY1352.
enum GeneratedSite {
  static func write(directory: String, buses: Int, meters: Int) throws -> String {
    var toml = """
      [site]
      name = "Benchmark campus"
      code = "BM"
      time_zone = "Asia/Shanghai"
      meters = "meters.csv"
      accounts = "accounts.csv"

      [defaults]
      collection_interval_seconds = 60
      tariff = "flat"

      [tariffs.flat]
      kind = "single"
      price = "0.6170"

      [[buildings]]
      code = "A"
      name = "A"

      """
    var rows = [
      "meter,bus,address,profile,building,floor,shop,circuit,ct_ratio,alarm1,alarm2,power_threshold_w,tariff,keep_power,disabled"
    ]
    var accounts = ["account,tenant,phone,shop,meters,opened_at"]
    for bus in 0..<buses {
      toml += """

        [[buses]]
        name = "B\(bus)"
        framing = "\(bus % 2 == 0 ? "tcp" : "rtu-over-tcp")"
        endpoint = "127.0.0.1:\(20_000 + bus)"
        baud = 9600
        timeout_ms = 1000

        """
    }
    for index in 0..<meters {
      let bus = index % buses
      let address = index / buses + 1
      let number = String(format: "30%010d", index + 1)
      rows.append("\(number),B\(bus),\(address),acrel-ddsy1352,A,1,R\(index),C\(index),1,,,,,0,0")
      accounts.append(
        "BM\(index + 1),tenant \(index),1\(String(format: "%010d", index)),R\(index),\(number),2025-01-01")
    }
    let site = directory + "/site.toml"
    try toml.write(toFile: site, atomically: true, encoding: .utf8)
    try (rows.joined(separator: "\n") + "\n").write(
      toFile: directory + "/meters.csv", atomically: true, encoding: .utf8)
    try (accounts.joined(separator: "\n") + "\n").write(
      toFile: directory + "/accounts.csv", atomically: true, encoding: .utf8)
    return site
  }
}

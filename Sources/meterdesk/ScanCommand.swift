import ArgumentParser
import Foundation
import Services
import Store

/// `meterdesk scan`: which meter answers at which address of a bus (调试).
struct ScanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan",
    abstract: "Scan a bus's addresses and compare what answers with the configured meters.",
    discussion: """
      Each address gets one identity read (the meter number) with a short probe timeout. The \
      report says per address: configured and answering, configured and silent, answering but not \
      configured, or answering with another meter number than configured (a wrong address). The \
      scan acquires the bus for itself: while serve or a console acquires, scan from that \
      console's F8 view, or stop it first.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Bus name.") var bus: String
  @Option(help: "First address.") var from = 1
  @Option(help: "Last address.") var to = 247
  @Option(help: "Folder of site meter profiles.") var profiles: String?
  @Flag(help: "Print {\"bus\", \"addresses\": [...]}.") var json = false

  func run() throws {
    guard (1...247).contains(from), (1...247).contains(to), from <= to else {
      throw fail("meterdesk scan: --from \(from) --to \(to): addresses run 1 to 247, from ≤ to")
    }
    let context = try AcquisitionContext.open(db: db, role: "scan", profilesFolder: profiles)
    defer { context.runtime.stop() }
    let (name, range) = (bus, from...to)
    guard try context.database.buses().contains(where: { $0.name == name }) else {
      throw fail("meterdesk scan: no bus \(name)")
    }
    let service = CommissioningService(database: context.database)
    let engine = context.engine
    let started = Date()
    let rows = try Blocking.run { try await service.scan(bus: name, addresses: range, engine: engine) }
    let seconds = Date().timeIntervalSince(started)
    if json {
      try SalesCLI.printJSON([
        "bus": bus, "from": from, "to": to, "seconds": (seconds * 1000).rounded() / 1000,
        "addresses": rows.map { row in
          [
            "address": row.address, "state": row.finding.rawValue, "meter": row.meter as Any? ?? NSNull(),
            "configured_meter": row.configuredMeter as Any? ?? NSNull(),
          ]
        },
      ])
      return
    }
    for row in rows {
      print("\(row.address)\t\(row.finding.rawValue)\t\(row.meter ?? "-")\t\(row.configuredMeter ?? "-")")
    }
    print(String(format: "bus %@: %d addresses in %.1f s", bus, range.count, seconds))
  }
}

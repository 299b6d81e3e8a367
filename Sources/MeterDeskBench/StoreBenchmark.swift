import Foundation
import Services
import SiteConfig
import Store

/// Times the store's sweep write alone: 10,000 readings per transaction, CPU per sweep.
struct StoreBenchmark {
  func run() throws {
    print("== store (one transaction per sweep of 10,000 readings)")
    let directory = try Scratch.directory()
    let sitePath = try GeneratedSite.write(directory: directory, buses: 300, meters: 10_000)
    let site = try SiteFileReader.read(path: sitePath, knownProfiles: ["acrel-ddsy1352"])
    let database = try AppDatabase.open(path: directory + "/store.db")
    _ = try SiteImportService(database: database).importSite(site, by: "bench", at: Date())
    let meters = site.meters.map(\.number)
    var cpu: [Double] = []
    for sweep in 0..<4 {
      let at = Date().addingTimeInterval(Double(sweep) * 60)
      let readings = meters.enumerated().map { index, meter -> ReadingRecord in
        var reading = ReadingRecord(meter: meter, readAt: at)
        reading.voltageDeciV = 2200
        reading.currentCentiA = 512
        reading.powerW = 1100
        reading.powerFactorMilli = 950
        reading.energyTotal = Int64(100_000 + sweep * 10 + index)
        reading.energySharp = 1
        reading.energyPeak = 2
        reading.energyFlat = 3
        reading.energyValley = 4
        reading.remainingFen = 50_000
        reading.purchaseCount = 3
        reading.statusWord = 0x2000
        reading.relayClosed = true
        return reading
      }
      let write = AcquisitionWrite(
        readings: readings, days: Array(repeating: "2026-11-21", count: readings.count), links: [],
        alarms: [])
      let before = ResourceUsage.now()
      try database.recordAcquisition(write)
      cpu.append(ResourceUsage.now().cpuSeconds - before.cpuSeconds)
    }
    print(
      String(
        format: "  CPU seconds per 10,000-reading write: %@",
        cpu.map { String(format: "%.3f", $0) }.joined(separator: " ")))
  }
}

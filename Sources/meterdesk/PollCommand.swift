import Acquisition
import ArgumentParser
import Foundation

/// `meterdesk poll`: runs sweeps back to back and reports each as a JSON line.
struct PollCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "poll",
    abstract: "Run N sweeps of every bus back to back, store the readings, report each sweep.")

  @Option(help: "Database file.") var db: String
  @Option(help: "Number of sweeps.") var sweeps = 1
  @Option(help: "Folder of site meter profiles (added to the shipped ones).") var profiles: String?
  @Flag(help: "One JSON object per sweep.") var json = false

  /// Sweeps until done or until SIGTERM/SIGINT: then the request in flight finishes, the
  /// readings are flushed and the command exits 0 (the interrupted sweep is not reported).
  func run() throws {
    StopSignal.install()
    let context = try AcquisitionContext.open(db: db, role: "poll", profilesFolder: profiles)
    defer { try? context.engine.shutdownAndWait() }
    let wake = DispatchSemaphore(value: 0)
    StopSignal.onStop { wake.signal() }
    for index in 0..<max(1, sweeps) {
      guard !StopSignal.isRequested else { break }
      let sweep = context.engine.sweep()
      sweep.whenComplete { _ in wake.signal() }
      wake.wait()
      guard !StopSignal.isRequested else {
        printError("meterdesk poll: stop requested during sweep \(index)")
        break
      }
      let report = try sweep.wait()
      if json {
        let seconds = (report.seconds * 1000).rounded() / 1000
        print(
          "{\"sweep\": \(index), \"meters\": \(report.meters), \"read\": \(report.read), "
            + "\"failed\": \(report.failed), \"offline\": \(report.offline), \"seconds\": \(seconds)}")
      } else {
        print(SweepText.line(index: index, report: report))
      }
      fflush(nil)
    }
  }
}

/// Human lines for sweep reports.
enum SweepText {
  static func line(index: Int, report: SiteSweepReport) -> String {
    let slowest = report.buses.max { $0.seconds < $1.seconds }
    var text =
      "sweep \(index): \(report.read)/\(report.meters) read, \(report.failed) failed, "
      + "\(report.offline) offline in \(String(format: "%.2f", report.seconds)) s"
    if let slowest { text += " (slowest bus \(slowest.bus) \(String(format: "%.2f", slowest.seconds)) s)" }
    let down = report.buses.filter(\.busDown).map(\.bus)
    if !down.isEmpty { text += "; buses down: \(down.joined(separator: ", "))" }
    return text
  }
}

import Acquisition
import ArgumentParser
import Dispatch
import Foundation
import Services

/// `meterdesk serve`: headless acquisition until SIGTERM or SIGINT.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Acquire all year: sweep at the collection interval until SIGTERM/SIGINT.",
    discussion: """
      Only one acquirer per database: a second serve (or poll) sees the lease, says who \
      holds it and exits non-zero. On SIGTERM/SIGINT the request in flight finishes, \
      readings are flushed and the process exits 0.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Override the collection interval, seconds.") var interval: Int?
  @Option(help: "Folder of site meter profiles (added to the shipped ones).") var profiles: String?
  @Flag(help: "Print one line per sweep on stdout.") var verbose = false
  @Option(help: "Site master key file for delivering sales (default: DB.key).") var keys: String?

  func run() throws {
    StopSignal.install()
    let context = try AcquisitionContext.open(
      db: db, role: "serve", profilesFolder: profiles,
      interval: interval.map { .seconds(Int64(max(1, $0))) }, keys: keys)
    let runtime = context.runtime
    if runtime.masterKey == nil {
      throw fail(
        "meterdesk serve: no usable key file at \(keys ?? db + ".key"): sales could not be delivered")
    }
    let mailbox = EventMailbox()
    context.engine.subscribe(mailbox)
    let verbose = self.verbose
    runtime.start()
    printError(
      "meterdesk serve: acquiring \(context.engine.plan.buses.count) buses; lease \(runtime.lease?.path ?? "")"
    )
    let reporter = DispatchSource.makeTimerSource(queue: .global())
    reporter.schedule(deadline: .now() + 1, repeating: 1)
    reporter.setEventHandler {
      for event in mailbox.drain() {
        switch event {
        case .sweepFinished(let report) where verbose:
          print(
            "\(report.bus) sweep \(report.sweep): \(report.read)/\(report.meters) read in \(String(format: "%.2f", report.seconds)) s"
          )
          fflush(nil)
        case .busState(let bus, let up, _, let reason):
          printError("bus \(bus) \(up ? "up" : "down"): \(reason)")
        default: break
        }
      }
    }
    reporter.resume()
    StopSignal.wait()
    reporter.cancel()
    runtime.stop()
    printError("meterdesk serve: stopped; readings and delivery state flushed")
  }
}

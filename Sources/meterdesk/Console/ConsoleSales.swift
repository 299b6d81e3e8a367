import ConsoleBridge
import Documents
import Domain
import Foundation
import Printing
import Screens
import Services
import Store

/// The console's sales desk: records sales as the logged-in operator, delivers them through the
/// engine at once, keeps watching those the meter has not taken yet, and prints receipts.
///
/// Runs on the console loop; background work posts `BackgroundResult`s back to it.
final class ConsoleSales {
  let env: ConsoleEnvironment
  private let post: @Sendable (BackgroundResult) -> Void
  /// The operator logged in, as the services know them.
  var session: Session?
  private var pays: [Int64: PayMethod] = [:]
  private var watched: [Int64: String] = [:]
  private var delivering = false
  private var lastAttempt = Date.distantPast

  /// Seconds between retries of sales still waiting for their meter.
  static let retryInterval: TimeInterval = 10

  init(environment: ConsoleEnvironment, post: @escaping @Sendable (BackgroundResult) -> Void) {
    env = environment
    self.post = post
  }

  /// Meters with a sale this console is still delivering (the grid marks them 待充).
  var pendingMeters: Set<String> { Set(watched.values) }

  /// The meter of a bill sold from this console.
  func meter(of bill: Int64) -> String? {
    watched[bill] ?? (try? SalesService(database: env.database).sale(bill: bill))?.meter
  }

  /// Sales in flight, for the quit confirmation.
  var inFlight: Int { watched.count }

  /// Records the sale and starts its delivery; returns what to show. A meter whose state is not
  /// stored yet (the first sweep has not reached it) is read now and the sale tried once more.
  func sell(meter: String, amount: Money, pay: PayMethod, at now: Date, retry: Bool = true) -> [AppAction] {
    guard let session else { return [.saleRefused("not logged in")] }
    env.sink?.flush()  // the services sell from the stored state; readings still buffered count
    do {
      let record = try SalesService(database: env.database)
        .sell(meter: meter, amount: amount, pay: pay, session: session, at: now)
      env.logger.info(
        "sale bill \(record.bill): \(amount) to meter \(meter) by \(session.name) (\(pay.rawValue))")
      pays[record.bill] = pay
      watched[record.bill] = meter
      deliver(now: now)
      return [.saleRecorded(ScreenModels.receipt(record, pay: pay))] + viewerNotice(bill: record.bill)
    } catch SalesError.meterNeverRead where retry && env.engine != nil {
      readThenSell(meter: meter, amount: amount, pay: pay)
      return []
    } catch {
      env.logger.notice("sale to meter \(meter) refused: \(error)")
      return [.saleRefused("\(error)")]
    }
  }

  /// Watches a recorded bill and starts its delivery.
  func track(bill: Int64, meter: String, now: Date) {
    watched[bill] = meter
    deliver(now: now)
  }

  private func readThenSell(meter: String, amount: Money, pay: PayMethod) {
    guard let engine = env.engine else { return }
    env.logger.info("meter \(meter) not stored yet; reading it before the sale")
    let post = self.post
    engine.readNow(meter: meter).whenComplete { _ in
      post(.retrySale(meter: meter, amount: amount, pay: pay))
    }
  }

  func viewerNotice(bill: Int64) -> [AppAction] {
    guard env.engine == nil || env.masterKey == nil else { return [] }
    let reason =
      env.engine == nil
      ? "acquisition runs in \(env.leaseHolder ?? "another process"); it delivers" : "no site key file"
    return [.saleProgress(bill: bill, .pending(reason: reason))]
  }

  /// Starts one delivery run through the engine unless one runs or this console is a viewer.
  func deliver(now: Date) {
    lastAttempt = now
    guard !delivering, let engine = env.engine, let key = env.masterKey else { return }
    delivering = true
    for bill in watched.keys { post(.action(.saleProgress(bill: bill, .sent))) }
    let deliverer = OutboxDeliverer(database: env.database)
    let post = self.post
    Task {
      var problem: String?
      do {
        _ = try await deliverer.deliverPending(engine: engine, masterKey: key)
      } catch {
        problem = "\(error)"
      }
      post(.deliveryFinished(error: problem))
    }
  }

  /// A delivery run ended: reports every watched bill as the store has it; returns what to show
  /// and the meters whose pending mark changed.
  func deliveryFinished(error: String?) -> (actions: [AppAction], meters: Set<String>) {
    delivering = false
    if let error { env.logger.error("delivery run failed: \(error)") }
    return refresh(runError: error)
  }

  /// Re-reads the watched bills; in a viewer only the store moves, so this is the whole retry.
  func refresh(runError: String? = nil) -> (actions: [AppAction], meters: Set<String>) {
    var actions: [AppAction] = []
    var touched = Set<String>()
    let service = SalesService(database: env.database)
    for (bill, meter) in watched.sorted(by: { $0.key < $1.key }) {
      guard let record = try? service.sale(bill: bill) else { continue }
      var progress = ScreenModels.progress(record)
      if let runError, progress == .queued || progress == .sent { progress = .pending(reason: runError) }
      if env.engine == nil, progress == .queued { continue }
      actions.append(.saleProgress(bill: bill, progress))
      if progress.isFinal {
        watched[bill] = nil
        touched.insert(meter)
      }
    }
    return (actions, touched)
  }

  /// Called every loop turn: retries the sales still waiting for their meter.
  func tick(now: Date) -> (actions: [AppAction], meters: Set<String>) {
    guard !watched.isEmpty, !delivering, now.timeIntervalSince(lastAttempt) >= Self.retryInterval else {
      return ([], [])
    }
    if env.engine == nil {
      lastAttempt = now
      return refresh()
    }
    deliver(now: now)
    return ([], [])
  }

  /// Prints the receipt of `bill` off the loop; the outcome comes back as `.receiptPrinted`.
  func print(bill: Int64, meter summary: MeterSummary?) {
    let post = self.post
    // The one receipt path the CLI uses too: the ledger's facts, the site's template and paper. The site
    // folder is the database's, where `receiptFile` lives.
    let siteFolder = URL(fileURLWithPath: env.receiptFile).deletingLastPathComponent().path
    let service = ReceiptService(database: env.database)
    let receipt: RenderedReceipt
    do {
      receipt = try service.render(bill: bill, siteFolder: siteFolder, reprint: false)
    } catch {
      env.logger.error("receipt \(bill) not rendered: \(error)")
      return post(.action(.receiptPrinted(bill: bill, .failed("\(error)"))))
    }
    let queue = receipt.printer.queue
    let destination = queue ?? env.receiptFile
    let logger = env.logger
    Task.detached {
      do {
        if let queue {
          try receipt.print(queue: queue)
        } else {
          try receipt.append(toFile: destination)
        }
        post(.action(.receiptPrinted(bill: bill, .printed(destination))))
      } catch {
        logger.error("receipt \(bill) not printed to \(destination): \(error)")
        post(.action(.receiptPrinted(bill: bill, .failed("\(error)"))))
      }
    }
  }
}

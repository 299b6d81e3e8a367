import ConsoleBridge
import Documents
import Domain
import Foundation
import Printing
import Screens
import Services
import Store

/// The console's sales desk: records sales as the logged-in operator, wakes whoever delivers (the
/// site's delivery coordinator, in this process or in the lease holder), shows their progress, and
/// prints receipts. It delivers nothing itself.
///
/// Runs on the console loop; background work posts `BackgroundResult`s back to it.
final class ConsoleSales {
  let env: ConsoleEnvironment
  private let post: @Sendable (BackgroundResult) -> Void
  /// The operator logged in, as the services know them.
  var session: Session?
  private var watched: [Int64: String] = [:]
  private var lastRefresh = Date.distantPast
  /// Meters of the site with an entry still on its way (the grid marks them 待充).
  private(set) var pendingMeters: Set<String> = []
  /// Entries of the site still on their way.
  private(set) var pendingEntries = 0

  /// Seconds between looks at the store for progress made by another process (viewer).
  static let refreshInterval: TimeInterval = 1

  init(environment: ConsoleEnvironment, post: @escaping @Sendable (BackgroundResult) -> Void) {
    env = environment
    self.post = post
  }

  /// The meter of a bill.
  func meter(of bill: Int64) -> String? {
    watched[bill] ?? (try? SalesService(database: env.database).sale(bill: bill))?.meter
  }

  /// Work the operator would abandon by quitting now: the site's undelivered entries when this
  /// console is the one delivering; nothing in a viewer (the lease holder delivers them).
  var inFlight: Int { env.coordinator == nil ? 0 : pendingEntries }

  /// Records the sale and wakes delivery; returns what to show. A meter never read, or read longer
  /// ago than the site's read-before-sale age, is read first (here, or by the lease holder) and
  /// the sale tried once more.
  func sell(meter: String, amount: Money, pay: PayMethod, at now: Date, retry: Bool = true) -> [AppAction] {
    guard let session else { return [.saleRefused(ConsoleText.notLoggedIn(env.language))] }
    env.sink?.flush()  // the services sell from the stored state; readings still buffered count
    if retry, (try? env.requests.saleNeedsRead(meter: meter, at: now)) == true {
      readThenSell(meter: meter, amount: amount, pay: pay, by: session.name)
      return []
    }
    do {
      let record = try SalesService(database: env.database)
        .sell(meter: meter, amount: amount, pay: pay, session: session, at: now)
      env.logger.info(
        "sale bill \(record.bill): \(amount) to meter \(meter) by \(session.name) (\(pay.rawValue))")
      track(bill: record.bill, meter: meter)
      return [.saleRecorded(ScreenModels.receipt(record, pay: pay))] + viewerNotice(bill: record.bill)
    } catch SalesError.meterNeverRead where retry {
      readThenSell(meter: meter, amount: amount, pay: pay, by: session.name)
      return []
    } catch {
      env.logger.notice("sale to meter \(meter) refused: \(error)")
      return [.saleRefused(ConsoleText.describe(error, env.language))]
    }
  }

  /// Watches a recorded bill and wakes delivery.
  func track(bill: Int64, meter: String) {
    watched[bill] = meter
    pendingMeters.insert(meter)
    pendingEntries += 1
    env.wakeDelivery()
  }

  /// Reads the meter off the loop (through this console's engine, or the lease holder), then
  /// posts `.retrySale` to try the sale once more.
  private func readThenSell(meter: String, amount: Money, pay: PayMethod, by name: String) {
    env.logger.info("meter \(meter) has no fresh reading; reading it before the sale")
    let post = self.post
    if let engine = env.engine {
      engine.readNow(meter: meter).whenComplete { [sink = env.sink] _ in
        sink?.flush()
        post(.retrySale(meter: meter, amount: amount, pay: pay))
      }
      return
    }
    let requests = env.requests
    let logger = env.logger
    DispatchQueue.global().async {
      do {
        if let problem = try requests.read(meter: meter, by: name, timeout: 15).errorText {
          logger.notice("read of meter \(meter) before the sale: \(problem)")
        }
      } catch {
        logger.error("read request for meter \(meter): \(error)")
      }
      post(.retrySale(meter: meter, amount: amount, pay: pay))
    }
  }

  func viewerNotice(bill: Int64) -> [AppAction] {
    guard env.engine == nil || env.masterKey == nil else { return [] }
    let reason =
      env.engine == nil
      ? ConsoleText.deliveredBy(env.leaseHolder ?? "", env.language) : ConsoleText.noKeyFile(env.language)
    return [.saleProgress(bill: bill, .pending(reason: reason))]
  }

  /// The coordinator reported an entry: shows it when watched; returns what to show and the
  /// meters whose pending mark may have changed.
  func delivery(_ event: DeliveryEvent) -> (actions: [AppAction], meters: Set<String>) {
    switch event {
    case .progress(let record):
      var actions: [AppAction] = []
      if watched[record.bill] != nil {
        let progress = ScreenModels.progress(record)
        actions.append(.saleProgress(bill: record.bill, progress))
        if progress.isFinal { watched[record.bill] = nil }
      }
      return (actions, reloadPending().union([record.meter]))
    case .runFinished:
      return ([], reloadPending())
    case .readFinished, .batch:
      return ([], [])
    }
  }

  /// Re-reads the watched bills from the store (a viewer sees progress made by the lease holder this way).
  func refresh() -> (actions: [AppAction], meters: Set<String>) {
    var actions: [AppAction] = []
    let service = SalesService(database: env.database)
    for (bill, _) in watched.sorted(by: { $0.key < $1.key }) {
      guard let record = try? service.sale(bill: bill) else { continue }
      let progress = ScreenModels.progress(record)
      if progress == .queued { continue }
      actions.append(.saleProgress(bill: bill, progress))
      if progress.isFinal { watched[bill] = nil }
    }
    return (actions, reloadPending())
  }

  /// The site's undelivered entries as the store has them; returns the meters whose mark changed.
  @discardableResult
  func reloadPending() -> Set<String> {
    guard let meters = try? env.database.metersWithPendingDeliveries(),
      let count = try? env.database.pendingDeliveryCount()
    else { return [] }
    let changed = meters.symmetricDifference(pendingMeters)
    pendingMeters = meters
    pendingEntries = count
    return changed
  }

  /// Called every loop turn: looks at the store now and then for progress made elsewhere.
  func tick(now: Date) -> (actions: [AppAction], meters: Set<String>) {
    guard now.timeIntervalSince(lastRefresh) >= Self.refreshInterval else { return ([], []) }
    lastRefresh = now
    if env.coordinator != nil && watched.isEmpty {
      return ([], reloadPending())
    }
    return refresh()
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

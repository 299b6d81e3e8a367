import Acquisition
import Foundation
import MeterCrypto
import NIOConcurrencyHelpers
import NIOCore
import Store

/// What the delivery coordinator reports to the screens and logs of the process running it.
public enum DeliveryEvent: Sendable, Hashable {
  /// An entry moved on: sent, delivered, failed, conflict, or queued again (the meter did not answer).
  case progress(SaleRecord)
  /// A read asked through the outbox's read requests finished, with the error text when it failed.
  case readFinished(meter: String, error: String?)
  /// A run over the whole outbox ended, with the error text when it failed as a whole.
  case runFinished(error: String?)
  /// A meter of a batch job was settled.
  case batch(job: Int64, meter: String, outcome: BatchOutcome)
}

/// The one delivery coordinator of a site, run by whichever process holds the acquisition lease:
/// it carries out every read request and delivers every undelivered outbox entry of the site,
/// whoever recorded them (a viewer console, the CLI, a process that crashed before).
///
/// A run starts at once when a recording process rings the site's doorbell (``SiteWake``), when
/// this process calls ``kick()``, and every `interval` as a fallback. One run at a time; reads
/// first, then deliveries, both at interactive priority, ahead of routine polls.
public final class DeliveryCoordinator: Sendable {
  private let database: AppDatabase
  private let engine: AcquisitionEngine
  private let masterKey: SiteMasterKey?
  private let sink: StoreReadingSink?
  private let databasePath: String
  private let interval: Duration
  private let log: @Sendable (String) -> Void
  private let beforeRun: @Sendable () -> Void
  private let subscribers = NIOLockedValueBox<[@Sendable (DeliveryEvent) -> Void]>([])
  private let running = NIOLockedValueBox(Running())

  private struct Running {
    var worker: Task<Void, Never>?
    var batchWorker: Task<Void, Never>?
    var batchContinuation: AsyncStream<Void>.Continuation?
    var ticker: Task<Void, Never>?
    var continuation: AsyncStream<Void>.Continuation?
    var doorbell: SiteWakeListener?
  }

  /// Creates a stopped coordinator; without a master key it carries out reads but delivers nothing.
  /// `beforeRun` is called at the start of every run (the site runtime reloads changed settings there).
  public init(
    database: AppDatabase, databasePath: String, engine: AcquisitionEngine, masterKey: SiteMasterKey?,
    sink: StoreReadingSink?, interval: Duration = .seconds(2),
    log: @escaping @Sendable (String) -> Void = { _ in }, beforeRun: @escaping @Sendable () -> Void = {}
  ) {
    self.beforeRun = beforeRun
    self.database = database
    self.databasePath = databasePath
    self.engine = engine
    self.masterKey = masterKey
    self.sink = sink
    self.interval = interval
    self.log = log
  }

  /// Adds a receiver of events; it is called on the coordinator's task, so it must hand off quickly.
  public func subscribe(_ receiver: @escaping @Sendable (DeliveryEvent) -> Void) {
    subscribers.withLockedValue { $0.append(receiver) }
  }

  /// Starts: opens the doorbell and runs at once; calling it again does nothing.
  public func start() {
    let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    let (batches, batchContinuation) = AsyncStream.makeStream(
      of: Void.self, bufferingPolicy: .bufferingNewest(1))
    let started = running.withLockedValue { running -> Bool in
      guard running.worker == nil else { return false }
      running.continuation = continuation
      running.batchContinuation = batchContinuation
      running.worker = Task { [self] in
        for await _ in stream {
          if Task.isCancelled { break }
          await runOnce()
        }
      }
      // Batch jobs run on their own task, so a long job never holds up a sale's delivery.
      running.batchWorker = Task { [self] in
        for await _ in batches {
          if Task.isCancelled { break }
          await runBatches()
        }
      }
      let interval = self.interval
      running.ticker = Task {
        while !Task.isCancelled {
          continuation.yield()
          batchContinuation.yield()
          try? await Task.sleep(for: interval)
        }
      }
      return true
    }
    guard started else { return }
    do {
      let doorbell = try SiteWakeListener(database: databasePath) {
        continuation.yield()
        batchContinuation.yield()
      }
      running.withLockedValue { $0.doorbell = doorbell }
    } catch {
      log("\(error); other processes' work waits for the \(interval) outbox poll")
    }
  }

  /// Asks for a run now (coalesced with one already asked for).
  public func kick() {
    let (deliveries, batches) = running.withLockedValue { ($0.continuation, $0.batchContinuation) }
    deliveries?.yield()
    batches?.yield()
  }

  /// Stops: closes the doorbell, starts no new run and waits for the run in progress.
  public func stop() async {
    let stopped = running.withLockedValue { running -> Running in
      defer { running = Running() }
      return running
    }
    stopped.doorbell?.close()
    stopped.ticker?.cancel()
    stopped.continuation?.finish()
    stopped.batchContinuation?.finish()
    await stopped.worker?.value
    await stopped.batchWorker?.value
  }

  /// One run: the queued read requests, then every pending delivery.
  public func runOnce() async {
    beforeRun()
    await carryOutReads()
    guard let masterKey else { return }
    let publish = self.publish
    do {
      let results = try await OutboxDeliverer(database: database)
        .deliverPending(engine: engine, masterKey: masterKey) { publish(.progress($0)) }
      for record in results where record.status != .delivered {
        log(
          "bill \(record.bill) to meter \(record.meter): \(record.status.rawValue): \(record.lastError ?? "")"
        )
      }
      if !results.isEmpty { publish(.runFinished(error: nil)) }
    } catch {
      log("outbox delivery: \(error)")
      publish(.runFinished(error: "\(error)"))
    }
  }

  /// One pass over the queued meters of running batch jobs.
  public func runBatches() async {
    do {
      try await BatchRunner(database: database, engine: engine).runQueued(progress: publish)
    } catch {
      log("batch jobs: \(error)")
    }
  }

  private func carryOutReads() async {
    let requests: [ReadRequestRecord]
    do {
      requests = try database.queuedReads()
    } catch {
      return log("read requests: \(error)")
    }
    for request in requests {
      guard let id = request.id else { continue }
      var problem: String?
      do {
        _ = try await engine.readNow(meter: request.meter).get()
        sink?.flush()
      } catch {
        problem = "\(error)"
      }
      do {
        try database.finishRead(id: id, error: problem, at: Date())
      } catch {
        log("read request \(id): \(error)")
      }
      publish(.readFinished(meter: request.meter, error: problem))
    }
  }

  private var publish: @Sendable (DeliveryEvent) -> Void {
    let subscribers = self.subscribers
    return { event in
      for receiver in subscribers.withLockedValue({ $0 }) { receiver(event) }
    }
  }
}

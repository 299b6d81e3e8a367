import Acquisition
import Foundation
import MeterCrypto
import Store

/// Runs ``OutboxDeliverer/deliverPending(engine:masterKey:)`` on its own task: every `interval`,
/// and at once when kicked (after a sale). One run at a time; `stop()` waits for the run in progress.
public final class OutboxDeliveryLoop: @unchecked Sendable {
  private let deliverer: OutboxDeliverer
  private let engine: AcquisitionEngine
  private let masterKey: SiteMasterKey
  private let interval: Duration
  private let log: @Sendable (String) -> Void
  private let lock = NSLock()
  private var worker: Task<Void, Never>?
  private var ticker: Task<Void, Never>?
  private var continuation: AsyncStream<Void>.Continuation?

  /// Creates a stopped loop; `log` receives one line per delivery problem or refused entry.
  public init(
    database: AppDatabase, engine: AcquisitionEngine, masterKey: SiteMasterKey,
    interval: Duration = .seconds(2), log: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.deliverer = OutboxDeliverer(database: database)
    self.engine = engine
    self.masterKey = masterKey
    self.interval = interval
    self.log = log
  }

  /// Starts delivering (a first run at once); calling it again does nothing.
  public func start() {
    lock.lock()
    defer { lock.unlock() }
    guard worker == nil else { return }
    let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    self.continuation = continuation
    let deliverer = self.deliverer
    let engine = self.engine
    let masterKey = self.masterKey
    let log = self.log
    worker = Task {
      for await _ in stream {
        if Task.isCancelled { break }
        do {
          let results = try await deliverer.deliverPending(engine: engine, masterKey: masterKey)
          for record in results where record.status != .delivered {
            log(
              "bill \(record.bill) to meter \(record.meter): \(record.status.rawValue): \(record.lastError ?? "")"
            )
          }
        } catch {
          log("outbox delivery: \(error)")
        }
      }
    }
    let interval = self.interval
    ticker = Task {
      while !Task.isCancelled {
        continuation.yield()
        try? await Task.sleep(for: interval)
      }
    }
  }

  /// Asks for a run now (coalesced with one already asked for).
  public func kick() {
    lock.lock()
    let continuation = self.continuation
    lock.unlock()
    continuation?.yield()
  }

  /// Stops: no new run starts; waits for the run in progress to finish.
  public func stop() async {
    let (worker, ticker, continuation) = detach()
    ticker?.cancel()
    worker?.cancel()
    continuation?.finish()
    await worker?.value
  }

  private func detach() -> (Task<Void, Never>?, Task<Void, Never>?, AsyncStream<Void>.Continuation?) {
    lock.withLock {
      defer {
        worker = nil
        ticker = nil
        continuation = nil
      }
      return (worker, ticker, continuation)
    }
  }
}

import Acquisition
import Foundation
import NIOCore
import Store

/// What a read asked of the site came to.
public enum ReadOutcome: Sendable, Hashable {
  /// Read; the meter's stored state is current.
  case read
  /// The meter did not answer, or the read failed; why.
  case failed(String)
  /// Nobody answered in time (the lease holder is busy or stuck); the request stays queued.
  case timedOut
}

/// Work a process asks of the site's lease holder: reads and deliveries are recorded in the
/// database first, the holder is woken, and this process waits for the outcome. When nobody holds
/// the lease, this process takes it for the moment and does the work itself.
public struct SiteRequests: Sendable {
  let path: String
  let database: AppDatabase
  let options: SiteRuntime.Options

  /// Requests against the site at `path`; `options` open a private runtime when nobody acquires.
  public init(path: String, database: AppDatabase, options: SiteRuntime.Options) {
    self.path = path
    self.database = database
    self.options = options
  }

  /// True when a sale to `meter` must first read it: never read, or the last reading is older
  /// than the site's read-before-sale age.
  public func saleNeedsRead(meter: String, at now: Date) throws -> Bool {
    let maxAge = TimeInterval(try database.siteSettings()?.saleReadMaxAgeSeconds ?? 900)
    guard let readAt = try database.meterStates()[meter]?.readAt else { return true }
    return now.timeIntervalSince(readAt) > maxAge
  }

  /// Reads `meter` through the lease holder (or by itself when nobody holds it); blocks up to
  /// `timeout` seconds.
  public func read(meter: String, by requester: String, timeout: TimeInterval) throws -> ReadOutcome {
    let deadline = Date().addingTimeInterval(timeout)
    if AcquisitionLease.holder(database: path) == nil, let outcome = readHere(meter: meter) {
      return outcome
    }
    let id = try database.enqueueRead(meter: meter, by: requester, at: Date())
    SiteWake.ring(database: path)
    while Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
      guard let request = try database.readRequest(id: id) else { return .failed("read request vanished") }
      switch request.state {
      case .done: return .read
      case .failed: return .failed(request.error ?? "read failed")
      case .queued:
        // The holder may have stopped since: do it here then (the request is then marked too).
        if AcquisitionLease.holder(database: path) == nil, let outcome = readHere(meter: meter) {
          try database.finishRead(id: id, error: outcome.errorText, at: Date())
          return outcome
        }
      }
    }
    return .timedOut
  }

  /// Waits until bill `bill` is no longer on its way (delivered, failed, conflict, void) or
  /// `seconds` pass; while nobody holds the lease this process takes it and delivers itself.
  public func waitForDelivery(bill: Int64, seconds: TimeInterval) throws -> SaleRecord? {
    let service = SalesService(database: database)
    return try waitUntil(seconds: seconds, work: { await $0.runOnce() }) {
      let record = try service.sale(bill: bill)
      return (record, record?.status.isPending != true)
    }
  }

  /// Waits until batch job `job` is finished or `seconds` pass; while nobody holds the lease this
  /// process takes it and carries the job out itself.
  public func waitForBatch(job: Int64, seconds: TimeInterval) throws -> BatchJobRecord? {
    try waitUntil(seconds: seconds, work: { await $0.runBatches() }) {
      let record = try database.batchJob(id: job)
      return (record, record?.state != .running)
    }
  }

  /// Rings the lease holder, then polls `check` until it says settled or `seconds` pass. When nobody
  /// holds the lease, this process takes it once, keeps its private runtime open and runs `work`
  /// between polls (one engine for the whole wait, not one per poll).
  private func waitUntil<Value>(
    seconds: TimeInterval, work: @escaping @Sendable (DeliveryCoordinator) async -> Void,
    check: () throws -> (Value?, settled: Bool)
  ) throws -> Value? {
    let deadline = Date().addingTimeInterval(seconds)
    SiteWake.ring(database: path)
    var runtime: SiteRuntime?
    defer { runtime?.stop() }
    while true {
      let (value, settled) = try check()
      if settled || Date() >= deadline { return value }
      if runtime == nil, AcquisitionLease.holder(database: path) == nil {
        runtime = try? SiteRuntime(path: path, mode: .acquire, options: options)
      }
      if let coordinator = runtime?.coordinator { Self.block { await work(coordinator) } }
      Thread.sleep(forTimeInterval: 0.05)
    }
  }

  /// Reads with a private runtime when the lease can be had now; nil when another process took it.
  private func readHere(meter: String) -> ReadOutcome? {
    guard let runtime = try? SiteRuntime(path: path, mode: .acquire, options: options),
      let engine = runtime.engine
    else { return nil }
    defer { runtime.stop() }
    do {
      _ = try engine.readNow(meter: meter).wait()
      runtime.sink?.flush()
      return .read
    } catch {
      return .failed("\(error)")
    }
  }

  static func block(_ work: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task {
      await work()
      done.signal()
    }
    done.wait()
  }
}

extension ReadOutcome {
  /// The failure text, nil when read.
  public var errorText: String? {
    switch self {
    case .read: return nil
    case .failed(let reason): return reason
    case .timedOut: return "no answer from the acquiring process in time"
    }
  }
}

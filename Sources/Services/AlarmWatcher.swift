import Acquisition
import Foundation
import NIOConcurrencyHelpers
import Store

/// The lease holder's alarm work after each sweep: bus-down episodes from the engine's bus events,
/// the derived episodes (settings drift, tamper hint), then one ``SmsDispatcher`` run.
///
/// It listens on its own mailbox and works on its own serial queue, off the event loop. Give the
/// engine ``engineSink`` rather than the store sink: its `flush()` (which the engine's shutdown calls)
/// also waits for the alarm work in progress, so `meterdesk poll` hands its messages over before exit.
public final class AlarmWatcher: Sendable {
  /// The mailbox to subscribe to the engine.
  public let mailbox: EventMailbox
  /// The sink to give the engine.
  public let engineSink: any ReadingSink
  private let queue: DispatchQueue
  private let database: AppDatabase
  private let storeSink: StoreReadingSink
  private let dispatcher: SmsDispatcher
  private let log: @Sendable (String) -> Void
  private let handler: NIOLockedValueBox<(@Sendable () -> Void)?>

  /// A watcher writing through `sink`.
  public init(
    database: AppDatabase, sink: StoreReadingSink, dispatcher: SmsDispatcher? = nil,
    log: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    let queue = DispatchQueue(label: "meterdesk.alarm-watcher")
    let handler = NIOLockedValueBox<(@Sendable () -> Void)?>(nil)
    self.queue = queue
    self.handler = handler
    self.database = database
    storeSink = sink
    self.dispatcher = dispatcher ?? SmsDispatcher(database: database)
    self.log = log
    mailbox = EventMailbox { queue.async { handler.withLockedValue { $0 }?() } }
    engineSink = FlushingSink(store: sink, queue: queue)
    handler.withLockedValue { $0 = { [weak self] in self?.drain() } }
  }

  /// Blocks until the alarm work queued so far is done.
  public func flush() { queue.sync {} }

  private func drain() {
    var swept = false
    for event in mailbox.drain() {
      switch event {
      case .busState(let bus, let up, let at, let reason):
        do {
          if up {
            try database.closeBusEpisode(bus: bus, at: at)
          } else {
            try database.openBusEpisode(bus: bus, at: at, reason: reason)
          }
        } catch {
          log("bus \(bus) alarm: \(error)")
        }
      case .sweepFinished(let report):
        swept = true
        // A bus read this sweep is up (a fresh process may never see an "up" event for a bus that
        // was down when the last one stopped); one down for the whole sweep is down.
        do {
          if report.busDown {
            try database.openBusEpisode(bus: report.bus, at: Date(), reason: "down for a whole sweep")
          } else {
            try database.closeBusEpisode(bus: report.bus, at: Date())
          }
        } catch {
          log("bus \(report.bus) alarm: \(error)")
        }
      case .reading, .connectivity:
        break
      }
    }
    guard swept else { return }
    storeSink.flush()
    let now = Date()
    do {
      try database.reconcileDerivedAlarms(at: now)
    } catch {
      log("alarms: \(error)")
    }
    do {
      let summary = try dispatcher.run(at: now)
      if summary.failed > 0 { log("SMS: \(summary.failed) message(s) failed; see meterdesk sms") }
    } catch {
      log("SMS: \(error)")
    }
  }
}

/// The store sink, with a flush that also waits for the alarm watcher's queue.
struct FlushingSink: ReadingSink {
  let store: StoreReadingSink
  let queue: DispatchQueue

  func store(_ batch: SweepBatch) { store.store(batch) }

  func flush() {
    store.flush()
    queue.sync {}
  }
}

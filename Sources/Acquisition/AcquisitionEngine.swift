import Foundation
import MeterProfiles
import ModbusCore
import ModbusTransport
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The background acquisition engine: one event loop thread, one session per bus, sweeps at the
/// collection interval, interactive work first, events to subscribers, batches to the store.
public final class AcquisitionEngine: Sendable {
  /// The event loop every bus session runs on.
  public let eventLoop: any EventLoop
  /// The plan the engine runs.
  public let plan: AcquisitionPlan

  private let ownedGroup: MultiThreadedEventLoopGroup?
  private let sessions: [BusScheduler]
  private let meterIndex: [String: (bus: Int, index: Int)]
  private let mailboxes = NIOLockedValueBox<[EventMailbox]>([])
  private let state: NIOLockedValueBox<EngineState>
  private let sink: (any ReadingSink)?

  private struct EngineState {
    var nextSweep = 0
    var routine: Scheduled<Void>?
    var stopped = false
    var interval: TimeAmount
    var offlineAfterFailures: Int
    var routineStarted: NIODeadline?
  }

  /// Creates the engine; without an event loop it starts its own one-thread group.
  public init(
    plan: AcquisitionPlan, sink: (any ReadingSink)?, eventLoop: (any EventLoop)? = nil,
    linkFactory: BusLinkFactory = modbusLinkFactory, trace: FrameTraceSink? = nil,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    if let eventLoop {
      self.eventLoop = eventLoop
      ownedGroup = nil
    } else {
      let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
      ownedGroup = group
      self.eventLoop = group.next()
    }
    self.plan = plan
    self.sink = sink
    state = NIOLockedValueBox(
      EngineState(interval: plan.collectionInterval, offlineAfterFailures: plan.retry.offlineAfterFailures))
    let mailboxes = self.mailboxes
    let post: @Sendable (AcquisitionEvent) -> Void = { event in
      for mailbox in mailboxes.withLockedValue({ $0 }) { mailbox.post(event) }
    }
    let loop = self.eventLoop
    sessions = plan.buses.map { bus in
      BusScheduler(
        plan: bus, loop: loop, link: linkFactory(bus, loop, trace), policy: plan.retry,
        sink: sink, clock: clock, post: post)
    }
    var index: [String: (bus: Int, index: Int)] = [:]
    for (busIndex, bus) in plan.buses.enumerated() {
      for (meterIndex, meter) in bus.meters.enumerated() {
        index[meter.number] = (busIndex, meterIndex)
      }
    }
    meterIndex = index
  }

  /// Adds a subscriber.
  public func subscribe(_ mailbox: EventMailbox) {
    mailboxes.withLockedValue { $0.append(mailbox) }
  }

  /// Removes a subscriber.
  public func unsubscribe(_ mailbox: EventMailbox) {
    mailboxes.withLockedValue { $0.removeAll { $0 === mailbox } }
  }

  /// Sweeps every bus once, all buses concurrently; completes when the slowest is done.
  public func sweep() -> EventLoopFuture<SiteSweepReport> {
    let number = state.withLockedValue { state -> Int in
      defer { state.nextSweep += 1 }
      return state.nextSweep
    }
    return eventLoop.flatSubmit {
      let started = self.eventLoop.now
      let futures = self.sessions.map { $0.runSweep(number: number) }
      return EventLoopFuture.whenAllSucceed(futures, on: self.eventLoop).map { reports in
        SiteSweepReport(
          buses: reports, seconds: Double((self.eventLoop.now - started).nanoseconds) / 1e9)
      }
    }
  }

  /// Starts routine sweeps: one now, then one every collection interval (start to start;
  /// a sweep that overruns the interval is followed at once by the next).
  public func startRoutine() {
    eventLoop.execute {
      for session in self.sessions { session.probesWhenDown = true }
      self.routineTick()
    }
  }

  private func routineTick() {
    let started = eventLoop.now
    guard
      state.withLockedValue({ state -> Bool in
        state.routine = nil
        state.routineStarted = started
        return !state.stopped
      })
    else { return }
    sweep().whenComplete { _ in
      self.state.withLockedValue { state in
        guard !state.stopped else { return }
        let wait = max(.zero, state.interval - (self.eventLoop.now - started))
        state.routine = self.eventLoop.scheduleTask(in: wait) { self.routineTick() }
      }
    }
  }

  /// The collection interval in force: the plan's until ``retune(collectionInterval:offlineAfterFailures:)``.
  public var collectionInterval: TimeAmount { state.withLockedValue { $0.interval } }

  /// Failed tries in a row after which a meter counts as offline, as in force.
  public var offlineAfterFailures: Int { state.withLockedValue { $0.offlineAfterFailures } }

  /// Applies new settings to the running engine, without a restart: the next routine sweep is
  /// rescheduled to the new interval counted from the start of the last one (at once when that is
  /// already past; a sweep in progress finishes first), and every bus counts offline tries against
  /// the new threshold from its next failure on.
  public func retune(collectionInterval: TimeAmount, offlineAfterFailures: Int) {
    state.withLockedValue {
      $0.interval = collectionInterval
      $0.offlineAfterFailures = offlineAfterFailures
    }
    eventLoop.execute {
      for session in self.sessions { session.policy.offlineAfterFailures = offlineAfterFailures }
      self.state.withLockedValue { state in
        guard !state.stopped, let pending = state.routine, let started = state.routineStarted else { return }
        pending.cancel()
        let wait = max(.zero, started + collectionInterval - self.eventLoop.now)
        state.routine = self.eventLoop.scheduleTask(in: wait) { self.routineTick() }
      }
    }
  }

  /// Runs a program on one meter at a priority; interactive programs wait at most for the
  /// request already on the wire.
  public func submit<T: Sendable>(
    meter: String, priority: JobPriority,
    _ program: @escaping @Sendable (MeterChannel) -> EventLoopFuture<T>
  ) -> EventLoopFuture<T> {
    guard let location = meterIndex[meter] else {
      return eventLoop.makeFailedFuture(AcquisitionError.unknownMeter(meter))
    }
    return sessions[location.bus].submit(
      meterIndex: location.index, priority: priority, program)
  }

  /// Reads a meter now at interactive priority.
  public func readNow(meter: String) -> EventLoopFuture<MeterValues> {
    submit(meter: meter, priority: .interactive) { $0.read() }
  }

  /// Runs a remote command (trip, keep power, restore prepay), then reads the meter back.
  public func command(
    _ command: RemoteCommand, meter: String, priority: JobPriority = .interactive
  ) -> EventLoopFuture<MeterValues> {
    submit(meter: meter, priority: priority) { channel in
      guard let request = channel.meter.profile.commandRequest(command) else {
        return channel.eventLoop.makeFailedFuture(AcquisitionError.unsupported(command.rawValue))
      }
      return channel.execute(request).flatMap { _ in channel.read() }
    }
  }

  /// Downloads settings (alarm amounts, power limit, prices, canonical units), then reads back.
  public func downloadSettings(
    _ values: [SettingName: Int64], meter: String, priority: JobPriority = .interactive
  ) -> EventLoopFuture<MeterValues> {
    submit(meter: meter, priority: priority) { channel in
      let requests = channel.meter.profile.settingsRequests(values)
      guard !requests.isEmpty else {
        return channel.eventLoop.makeFailedFuture(AcquisitionError.unsupported("these settings"))
      }
      var future = channel.eventLoop.makeSucceededVoidFuture()
      for request in requests {
        future = future.flatMap { channel.execute(request).map { _ in () } }
      }
      return future.flatMap { channel.read() }
    }
  }

  /// Statistics of every bus.
  public func statistics() -> EventLoopFuture<[BusStatistics]> {
    eventLoop.submit { self.sessions.map { $0.statistics() } }
  }

  /// Whether acquisition currently considers a meter offline.
  public func isOffline(meter: String) -> EventLoopFuture<Bool> {
    guard let location = meterIndex[meter] else {
      return eventLoop.makeFailedFuture(AcquisitionError.unknownMeter(meter))
    }
    return eventLoop.submit { self.sessions[location.bus].isOffline(location.index) }
  }

  /// Stops: no new work, the request in flight finishes, readings are flushed, links closed.
  public func shutdown() -> EventLoopFuture<Void> {
    state.withLockedValue { state in
      state.stopped = true
      state.routine?.cancel()
    }
    let stops = sessions.map { $0.stop() }
    return EventLoopFuture.andAllComplete(stops, on: eventLoop).map { self.sink?.flush() }
  }

  /// Shuts down and, when the engine owns its thread, stops it; blocks the caller.
  public func shutdownAndWait() throws {
    try shutdown().wait()
    try ownedGroup?.syncShutdownGracefully()
  }
}

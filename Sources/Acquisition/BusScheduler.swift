import Foundation
import MeterProfiles
import ModbusCore
import ModbusTransport
import NIOCore

/// One bus on the engine's event loop: strictly one request in flight, interactive work before
/// batch before the routine sweep, offline backoff per meter, and bus-down detection.
///
/// All mutable state is touched only on `loop`; that is what makes the `@unchecked Sendable` sound.
final class BusScheduler: @unchecked Sendable {
  let plan: BusPlan
  let loop: any EventLoop
  let link: any BusLink
  /// Retry rules; changed on `loop` only (``AcquisitionEngine/retune(collectionInterval:offlineAfterFailures:)``).
  var policy: RetryPolicy
  let sink: (any ReadingSink)?
  let post: @Sendable (AcquisitionEvent) -> Void
  let clock: @Sendable () -> Date

  private var health: [MeterHealth]
  private var conditions: [ConditionSet]
  private let routineBlocks: [[PollBlock]]
  private var queues = JobQueues()
  private var busy = false
  private var stopping = false
  private var sweep: ActiveSweep?
  private var batch = PendingBatch()
  private var busUp = true
  private var idleWaiters: [EventLoopPromise<Void>] = []
  private var counters = Counters()
  private var latencies = LatencyRing()
  private var lastSweepSeconds: Double?
  private var lastSweepNumber = 0
  private var reconnectAttempt = 0
  private var reconnectTask: Scheduled<Void>?
  /// When true (routine mode), a down bus is probed with backoff between sweeps.
  var probesWhenDown = false

  private struct ActiveSweep {
    var number: Int
    var started: NIODeadline
    var order: [Int]
    var next = 0
    var read = 0
    var failed = 0
    var skipped: Int
    var promise: EventLoopPromise<BusSweepReport>
  }

  private struct PendingBatch {
    var samples: [MeterSample] = []
    var linkStates: [MeterLinkState] = []
    var transitions: [MeterTransition] = []
  }

  private struct Counters {
    var requests = 0
    var timeouts = 0
    var crcErrors = 0
    var exceptions = 0
    var lastError: String?
  }

  init(
    plan: BusPlan, loop: any EventLoop, link: any BusLink, policy: RetryPolicy,
    sink: (any ReadingSink)?, clock: @escaping @Sendable () -> Date,
    post: @escaping @Sendable (AcquisitionEvent) -> Void
  ) {
    self.plan = plan
    self.loop = loop
    self.link = link
    self.policy = policy
    self.sink = sink
    self.clock = clock
    self.post = post
    health = plan.meters.enumerated().map { index, meter in
      MeterHealth(stagger: index, offline: !meter.lastKnownOnline)
    }
    routineBlocks = plan.meters.map(\.profile.routineBlocks)
    conditions = plan.meters.map { meter in
      var set = meter.lastKnown.map(MeterCondition.holding(in:)) ?? ConditionSet()
      if !meter.lastKnownOnline { set.insert(.offline) }
      return set
    }
  }

  // MARK: - Sweeps

  /// Reads every due meter once; offline meters only when their backoff says so.
  func runSweep(number: Int) -> EventLoopFuture<BusSweepReport> {
    loop.preconditionInEventLoop()
    if let sweep { return sweep.promise.futureResult }
    lastSweepNumber = number
    let order = plan.meters.indices.filter { health[$0].isDue(sweep: number) }
    let promise = loop.makePromise(of: BusSweepReport.self)
    sweep = ActiveSweep(
      number: number, started: loop.now, order: order,
      skipped: plan.meters.count - order.count, promise: promise)
    pump()
    return promise.futureResult
  }

  // MARK: - Jobs

  /// Queues a program for one meter at a priority; it runs between requests of the sweep.
  func submit<T: Sendable>(
    meterIndex: Int, priority: JobPriority,
    _ program: @escaping @Sendable (MeterChannel) -> EventLoopFuture<T>
  ) -> EventLoopFuture<T> {
    let promise = loop.makePromise(of: T.self)
    loop.execute {
      guard !self.stopping else {
        promise.fail(AcquisitionError.stopping)
        return
      }
      self.queues.push(
        Job(priority: priority, meterIndex: meterIndex) { channel in
          let result = program(channel)
          result.cascade(to: promise)
          return result.map { _ in () }
        })
      self.pump()
    }
    return promise.futureResult
  }

  /// Stops taking work: the request in flight finishes, the sweep ends early, queued jobs fail.
  func stop() -> EventLoopFuture<Void> {
    loop.flatSubmit {
      self.stopping = true
      self.reconnectTask?.cancel()
      for job in self.queues.removeAll() {
        _ = job  // their promises fail through the program's cascade below
        _ = job.run(MeterChannel(session: self, index: job.meterIndex, failing: true))
      }
      if !self.busy {
        self.finishSweepIfDone()
        self.flushBatch()
        return self.loop.makeSucceededVoidFuture()
      }
      let promise = self.loop.makePromise(of: Void.self)
      self.idleWaiters.append(promise)
      return promise.futureResult
    }.flatMap { self.link.close().recover { _ in } }
  }

  private func pump() {
    guard !busy else { return }
    if !stopping, let job = queues.pop() {
      busy = true
      let channel = MeterChannel(session: self, index: job.meterIndex, failing: false)
      job.run(channel).whenComplete { _ in
        self.flushBatch()
        self.jobEnded()
      }
      return
    }
    if var active = sweep, !stopping, active.next < active.order.count {
      let index = active.order[active.next]
      active.next += 1
      sweep = active
      busy = true
      read(index).whenComplete { result in
        if var active = self.sweep {
          if case .success = result { active.read += 1 } else { active.failed += 1 }
          self.sweep = active
        }
        self.jobEnded()
      }
      return
    }
    finishSweepIfDone()
  }

  private func jobEnded() {
    busy = false
    if stopping {
      finishSweepIfDone()
      flushBatch()
      let waiters = idleWaiters
      idleWaiters = []
      waiters.forEach { $0.succeed() }
      return
    }
    // Trampoline through the loop so synchronous failures cannot recurse without bound.
    loop.execute { self.pump() }
  }

  private func finishSweepIfDone() {
    guard let active = sweep, busy == false else { return }
    guard active.next >= active.order.count || stopping else { return }
    sweep = nil
    let notTried = active.order.count - active.next
    let seconds = Double((loop.now - active.started).nanoseconds) / 1e9
    lastSweepSeconds = seconds
    let report = BusSweepReport(
      bus: plan.name, sweep: active.number, meters: plan.meters.count, read: active.read,
      failed: active.failed + notTried, skipped: active.skipped,
      offline: health.filter(\.offline).count, seconds: seconds, busDown: !busUp)
    flushBatch()
    post(.sweepFinished(report))
    active.promise.succeed(report)
  }

  private func flushBatch() {
    guard !batch.samples.isEmpty || !batch.linkStates.isEmpty || !batch.transitions.isEmpty else {
      return
    }
    let out = SweepBatch(
      bus: plan.name, samples: batch.samples, linkStates: batch.linkStates,
      transitions: batch.transitions)
    batch = PendingBatch()
    sink?.store(out)
  }

  // MARK: - Reading and requests (used by MeterChannel)

  /// Reads a meter's routine blocks, records the sample, health and transitions.
  func read(_ index: Int) -> EventLoopFuture<MeterValues> {
    let promise = loop.makePromise(of: MeterValues.self)
    readBlock(index, 0, MeterValues(), probing: health[index].offline, promise)
    return promise.futureResult
  }

  /// Reads block `block` of a meter, then the next; plain callbacks rather than a future chain,
  /// because this runs once per meter per sweep.
  private func readBlock(
    _ index: Int, _ block: Int, _ values: MeterValues, probing: Bool,
    _ promise: EventLoopPromise<MeterValues>
  ) {
    let blocks = routineBlocks[index]
    guard block < blocks.count else {
      recordSuccess(index, values)
      promise.succeed(values)
      return
    }
    let meter = plan.meters[index]
    let poll = blocks[block]
    let timeout = probing ? probeTimeout(poll.request) : nil
    execute(poll.request, unit: meter.unit, timeout: timeout).whenComplete { result in
      switch result {
      case .success(.registers(let registers)) where registers.count == Int(poll.count):
        var values = values
        meter.profile.decode(block: poll, registers: registers, into: &values)
        self.readBlock(index, block + 1, values, probing: probing, promise)
      case .success(let response):
        let error = AcquisitionError.unexpectedAnswer("block \(poll.name): \(response)")
        self.recordFailure(index, error)
        promise.fail(error)
      case .failure(let error):
        self.recordFailure(index, error)
        promise.fail(error)
      }
    }
  }

  /// The response timeout for retrying an offline meter: the request's wire time, two
  /// silences and the slowest plausible meter turnaround (150 ms) plus a margin, never more
  /// than the bus's own timeout. A dead meter then costs a fraction of a full timeout.
  func probeTimeout(_ request: ModbusRequest) -> TimeAmount {
    let requestBytes = RTUFrameSizes.requestBytes(for: request)
    let responseBytes = RTUFrameSizes.responseBytes(for: request) ?? RTUFrameSizes.maxFrameBytes
    let wire = WireTiming.cycleMicros(
      requestBytes: requestBytes, responseBytes: responseBytes, baud: plan.baud,
      turnaroundMicros: Self.slowestTurnaroundMicros)
    let probe = TimeAmount.microseconds(Int64(wire)) + Self.probeMargin
    return min(probe, plan.responseTimeout)
  }

  /// The slowest meter turnaround METERS.md reports.
  static let slowestTurnaroundMicros = 150_000
  /// Slack for gateways and scheduling.
  static let probeMargin = TimeAmount.milliseconds(100)

  /// Sends one request with statistics; a refused connection marks the bus down.
  func execute(_ request: ModbusRequest, unit: UInt8, timeout: TimeAmount? = nil)
    -> EventLoopFuture<ModbusResponse>
  {
    counters.requests += 1
    let started = loop.now
    return link.execute(request, unit: unit, timeout: timeout).always { result in
      switch result {
      case .success:
        self.latencies.add(Double((self.loop.now - started).nanoseconds) / 1e6)
        if !self.busUp { self.busCameUp() }
      case .failure(let error):
        self.counters.lastError = "\(error)"
        guard let transport = error as? ModbusTransportError else { return }
        switch transport {
        case .timeout: self.counters.timeouts += 1
        case .crc, .malformed: self.counters.crcErrors += 1
        case .exception: self.counters.exceptions += 1
        case .connectFailed(let reason): self.busWentDown(reason)
        default: break
        }
      }
    }
  }

  private func recordSuccess(_ index: Int, _ values: MeterValues) {
    let meter = plan.meters[index]
    let now = clock()
    if health[index].recordSuccess() == .cameOnline {
      transition(index, .offline, entered: false, at: now, detail: "answered again")
      post(.connectivity(meter: meter.number, online: true, at: now, reason: "answered again"))
    }
    let holding = MeterCondition.holding(in: values)
    let changed = ConditionSet(rawValue: holding.rawValue ^ conditions[index].rawValue)
      .subtracting(.offline)
    if !changed.isEmpty {
      for condition in MeterCondition.allCases where changed.contains(condition.bit) {
        transition(index, condition, entered: holding.contains(condition.bit), at: now, detail: "")
      }
    }
    conditions[index] = holding
    // A stored reading marks the meter online; no separate link state is needed.
    batch.samples.append(MeterSample(meter: meter.number, at: now, values: values))
    post(.reading(meter: meter.number, values: values, at: now))
  }

  private func recordFailure(_ index: Int, _ error: any Error) {
    let meter = plan.meters[index]
    let now = clock()
    let text = "\(error)"
    if case .connectFailed = error as? ModbusTransportError { return }  // handled as a bus fault
    let countsAgainstMeter: Bool
    switch error as? ModbusTransportError {
    case .exception(_, let code)?:
      countsAgainstMeter =
        code == .gatewayTargetFailedToRespond || code == .gatewayPathUnavailable
    case .some, .none:
      countsAgainstMeter = true
    }
    if countsAgainstMeter, health[index].recordFailure(policy: policy) == .wentOffline {
      transition(index, .offline, entered: true, at: now, detail: text)
      post(.connectivity(meter: meter.number, online: false, at: now, reason: text))
    }
    batch.linkStates.append(
      MeterLinkState(
        meter: meter.number, online: !health[index].offline,
        consecutiveFailures: health[index].consecutiveFailures, lastError: text))
  }

  private func transition(
    _ index: Int, _ condition: MeterCondition, entered: Bool, at: Date, detail: String
  ) {
    if condition == .offline {
      if entered { conditions[index].insert(.offline) } else { conditions[index].remove(.offline) }
    }
    batch.transitions.append(
      MeterTransition(
        meter: plan.meters[index].number, condition: condition, entered: entered, at: at,
        detail: detail))
  }

  private func busWentDown(_ reason: String) {
    // The rest of this sweep is not tried: one refused connection, not a timeout per meter.
    if var active = sweep {
      active.failed += active.order.count - active.next
      active.order.removeSubrange(active.next...)
      sweep = active
    }
    guard busUp else { return }
    busUp = false
    let now = clock()
    for index in plan.meters.indices where health[index].busWentDown() == .wentOffline {
      transition(index, .offline, entered: true, at: now, detail: "bus \(plan.name) down: \(reason)")
      batch.linkStates.append(
        MeterLinkState(
          meter: plan.meters[index].number, online: false, consecutiveFailures: 0,
          lastError: "bus down: \(reason)"))
    }
    post(.busState(bus: plan.name, up: false, at: now, reason: reason))
    reconnectAttempt = 0
    scheduleReconnectProbe()
  }

  private func busCameUp() {
    busUp = true
    reconnectTask?.cancel()
    reconnectTask = nil
    post(.busState(bus: plan.name, up: true, at: clock(), reason: "connected"))
    // Read the whole bus at once instead of leaving it offline until the next routine sweep.
    if probesWhenDown, sweep == nil, !stopping {
      _ = runSweep(number: lastSweepNumber)
    }
  }

  /// Between sweeps, tries the gateway again after 1, 2, 4 … seconds (capped by the policy).
  private func scheduleReconnectProbe() {
    guard probesWhenDown, !stopping, !plan.meters.isEmpty else { return }
    let base = policy.busReconnectMin.nanoseconds
    let delay = min(policy.busReconnectMax.nanoseconds, base << min(reconnectAttempt, 16))
    reconnectAttempt += 1
    reconnectTask?.cancel()
    reconnectTask = loop.scheduleTask(in: .nanoseconds(delay)) {
      guard !self.busUp, !self.stopping else { return }
      if self.sweep != nil || self.busy {
        self.scheduleReconnectProbe()
        return
      }
      _ = self.submit(meterIndex: 0, priority: .batch) { $0.read() }.always { _ in
        if !self.busUp { self.scheduleReconnectProbe() }
      }
    }
  }

  // MARK: - Statistics

  /// A snapshot of this bus's counters.
  func statistics() -> BusStatistics {
    BusStatistics(
      bus: plan.name, endpoint: plan.endpoint.description, meters: plan.meters.count,
      online: health.filter { !$0.offline }.count, requests: counters.requests,
      timeouts: counters.timeouts, crcErrors: counters.crcErrors, exceptions: counters.exceptions,
      p50: latencies.percentile(50), p90: latencies.percentile(90), p99: latencies.percentile(99),
      up: busUp, lastError: counters.lastError, lastSweepSeconds: lastSweepSeconds)
  }

  /// Whether meter `index` is offline now.
  func isOffline(_ index: Int) -> Bool { health[index].offline }
}

/// A job's handle on one meter: raw requests and full reads, with statistics and health.
public struct MeterChannel: Sendable {
  let session: BusScheduler
  let index: Int
  let failing: Bool

  /// The meter.
  public var meter: MeterPlan { session.plan.meters[index] }

  /// The bus's event loop; every future here completes on it.
  public var eventLoop: any EventLoop { session.loop }

  /// Sends one request to the meter.
  public func execute(_ request: ModbusRequest) -> EventLoopFuture<ModbusResponse> {
    if failing { return session.loop.makeFailedFuture(AcquisitionError.stopping) }
    return session.execute(request, unit: meter.unit)
  }

  /// Sends one request to another unit on the same bus (an address scan) with the short probe
  /// timeout: an address nobody answers costs a fraction of the bus's full timeout.
  public func probe(_ request: ModbusRequest, unit: UInt8) -> EventLoopFuture<ModbusResponse> {
    if failing { return session.loop.makeFailedFuture(AcquisitionError.stopping) }
    return session.execute(request, unit: unit, timeout: session.probeTimeout(request))
  }

  /// True when acquisition counts the meter offline (its reads then use the short probe timeout);
  /// call it from the program, on the event loop.
  public var isOffline: Bool { session.isOffline(index) }

  /// Reads the meter's routine blocks, recording the reading like a sweep does.
  public func read() -> EventLoopFuture<MeterValues> {
    if failing { return session.loop.makeFailedFuture(AcquisitionError.stopping) }
    return session.read(index)
  }
}

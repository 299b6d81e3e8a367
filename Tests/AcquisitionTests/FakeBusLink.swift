import Acquisition
import MeterProfiles
import ModbusCore
import ModbusTransport
import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded

/// How a fake meter behaves.
enum FakeBehaviour: Sendable {
  case answer(MeterValues)
  case silent
  case badCRC
}

/// A bus link on an embedded event loop: answers after a fixed latency, times out, or refuses.
final class FakeBusLink: BusLink, @unchecked Sendable {
  struct Sent: Sendable, Hashable {
    var unit: UInt8
    var request: ModbusRequest
    var at: NIODeadline
    var timeout: TimeAmount?
  }

  let loop: EmbeddedEventLoop
  let profile: MeterProfile
  let latency: TimeAmount
  let timeout: TimeAmount
  private let lock = NIOLock()
  private var behaviours: [UInt8: FakeBehaviour] = [:]
  private var refusing = false
  private var inFlight = false
  private(set) var sent: [Sent] = []
  private(set) var overlapped = false

  init(
    loop: EmbeddedEventLoop, profile: MeterProfile, latency: TimeAmount = .milliseconds(150),
    timeout: TimeAmount = .milliseconds(1000)
  ) {
    self.loop = loop
    self.profile = profile
    self.latency = latency
    self.timeout = timeout
  }

  func set(_ unit: UInt8, _ behaviour: FakeBehaviour) { lock.withLock { behaviours[unit] = behaviour } }
  func refuseConnections(_ refuse: Bool) { lock.withLock { refusing = refuse } }
  var sentUnits: [UInt8] { lock.withLock { sent.map(\.unit) } }
  var sentRecords: [Sent] { lock.withLock { sent } }
  func clearSent() { lock.withLock { sent.removeAll() } }

  func execute(_ request: ModbusRequest, unit: UInt8, timeout requestTimeout: TimeAmount?)
    -> EventLoopFuture<ModbusResponse>
  {
    let timeout = requestTimeout ?? self.timeout
    let (behaviour, refuse) = lock.withLock { () -> (FakeBehaviour?, Bool) in
      if inFlight { overlapped = true }
      sent.append(Sent(unit: unit, request: request, at: loop.now, timeout: requestTimeout))
      return (behaviours[unit], refusing)
    }
    if refuse {
      return loop.makeFailedFuture(ModbusTransportError.connectFailed("connection refused"))
    }
    lock.withLock { inFlight = true }
    let promise = loop.makePromise(of: ModbusResponse.self)
    let finish: @Sendable (Result<ModbusResponse, any Error>) -> Void = { result in
      self.lock.withLock { self.inFlight = false }
      promise.completeWith(result)
    }
    switch behaviour ?? .silent {
    case .silent:
      loop.scheduleTask(in: timeout) { finish(.failure(ModbusTransportError.timeout(timeout))) }
    case .badCRC:
      loop.scheduleTask(in: latency) { finish(.failure(ModbusTransportError.crc)) }
    case .answer(let values):
      let registers: [UInt16]
      switch request {
      case .readHoldingRegisters(let address, let count), .readInputRegisters(let address, let count):
        let block = profile.pollBlocks.first { $0.start == address && $0.count == count }
        registers = block.map { profile.encode(values, block: $0) } ?? []
        loop.scheduleTask(in: latency) { finish(.success(.registers(registers))) }
      case .writeMultipleRegisters(let address, let values):
        loop.scheduleTask(in: latency) {
          finish(.success(.writeMultiple(address: address, count: UInt16(values.count))))
        }
      case .writeSingleRegister(let address, let value):
        loop.scheduleTask(in: latency) {
          finish(.success(.writeSingleRegister(address: address, value: value)))
        }
      default:
        loop.scheduleTask(in: latency) { finish(.failure(ModbusTransportError.malformed("unsupported"))) }
      }
    }
    return promise.futureResult
  }

  func close() -> EventLoopFuture<Void> { loop.makeSucceededVoidFuture() }
}

/// Collects batches instead of writing them.
final class CollectingSink: ReadingSink, @unchecked Sendable {
  private let lock = NIOLock()
  private var stored: [SweepBatch] = []
  func store(_ batch: SweepBatch) { lock.withLock { stored.append(batch) } }
  func flush() {}
  var batches: [SweepBatch] { lock.withLock { stored } }
  var samples: [MeterSample] { batches.flatMap(\.samples) }
  var transitions: [MeterTransition] { batches.flatMap(\.transitions) }
}

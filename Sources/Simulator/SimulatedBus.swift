import Foundation
import ModbusCore
import NIOCore
import SiteConfig

/// A request as it came off a connection: the unit, the PDU and, for Modbus TCP, the transaction id.
struct IncomingRequest: Sendable {
  /// Unit id (MBAP) or RTU address.
  var unit: UInt8
  /// Function code and data.
  var pdu: [UInt8]
  /// The MBAP transaction id; nil for RTU framing.
  var transactionID: UInt16?
}

/// Framed answer bytes and when they may leave (after the bus's wire time).
struct OutgoingAnswer: Sendable {
  /// The frame as sent.
  var bytes: [UInt8]
  /// When the last byte would have left the meter on the real bus.
  var at: NIODeadline
}

/// One simulated RS-485 bus behind its gateway: its meters, its half-duplex timing and its connections.
final class SimulatedBus: Sendable {
  /// The bus as configured.
  let definition: BusDefinition
  /// The framing served (`rtu` when served on a pseudo-terminal).
  let framing: BusFraming
  /// Meter index by Modbus address.
  let addressIndex: [UInt8: Int]
  /// The simulated clock shared by the site.
  let clock: SimulatedClock
  /// The site's time zone.
  let zone: SiteTimeZone
  /// The faults in force, shared by the site.
  let faults: Locked<FaultPlan>
  /// Everything that changes, under one lock: the bus is one FIFO across all its connections.
  let state: Locked<BusState>

  /// What changes on a bus.
  struct BusState {
    /// The meters, in site order.
    var meters: [SimulatedMeter]
    /// Half-duplex timing.
    var scheduler: WireScheduler
    /// Decides which answers a corrupt fault spoils.
    var random: SplitMixGenerator
    /// Open client connections (TCP framings).
    var connections: [ObjectIdentifier: any Channel] = [:]
    /// The listening socket or pseudo-terminal channel, nil while the gateway is down.
    var listener: (any Channel)?
  }

  /// Creates a bus with its meters.
  init(
    definition: BusDefinition, framing: BusFraming, meters: [SimulatedMeter], clock: SimulatedClock,
    zone: SiteTimeZone, faults: Locked<FaultPlan>
  ) {
    self.definition = definition
    self.framing = framing
    var index: [UInt8: Int] = [:]
    for (position, meter) in meters.enumerated() { index[meter.identity.address] = position }
    addressIndex = index
    self.clock = clock
    self.zone = zone
    self.faults = faults
    state = Locked(
      BusState(
        meters: meters, scheduler: WireScheduler(baud: definition.baud),
        random: SplitMixGenerator(seed: DeterministicNoise.seed("bus:" + definition.name))))
  }

  /// Bus name.
  var name: String { definition.name }

  /// Number of meters.
  var meterCount: Int { addressIndex.count }

  // MARK: requests

  /// Handles one request: queues it on the bus, lets the meter act, and returns the framed answer
  /// with its send time, or nil when nothing answers (silent meter, broadcast, gateway down, unknown
  /// RTU address, or a request no server answers).
  func handle(_ incoming: IncomingRequest, now: NIODeadline = .now()) -> OutgoingAnswer? {
    let plan = faults.current
    guard !plan.isDown(name), incoming.unit != 0 else { return nil }
    let mbap = incoming.transactionID != nil
    let requestBytes = incoming.pdu.count + RTUFrameSizes.overheadBytes
    guard let index = addressIndex[incoming.unit] else {
      guard mbap else { return nil }
      return state.withLock { bus in
        let slot = bus.scheduler.begin(now: now, requestBytes: requestBytes, turnaround: .zero)
        _ = bus.scheduler.finish(slot, responseBytes: nil)
        let pdu = Self.exceptionPDU(incoming.pdu.first ?? 0, .gatewayTargetFailedToRespond)
        return OutgoingAnswer(bytes: frame(pdu, for: incoming, corrupt: false), at: slot.requestEnd)
      }
    }
    return state.withLock { bus -> OutgoingAnswer? in
      let identity = bus.meters[index].identity
      let fault = plan.meter(identity.number)
      let turnaround = TimeAmount.nanoseconds(identity.turnaroundNanos + Int64(fault.slowMs) * 1_000_000)
      let slot = bus.scheduler.begin(now: now, requestBytes: requestBytes, turnaround: turnaround)
      guard !fault.silent else {
        _ = bus.scheduler.finish(slot, responseBytes: nil)
        return nil
      }
      let t = clock.simulatedTime(at: slot.meterActs)
      bus.meters[index].advance(to: t, zone: zone)
      var pdu: [UInt8]
      do throws(ModbusError) {
        let request = try ModbusRequest.decodePDU(incoming.pdu[...])
        let response = bus.meters[index].respond(to: request, at: t, zone: zone, fault: fault)
        pdu = response.encodePDU(for: request.functionCode)
      } catch {
        guard let code = error.serverExceptionCode else {
          _ = bus.scheduler.finish(slot, responseBytes: nil)
          return nil
        }
        pdu = Self.exceptionPDU(incoming.pdu.first ?? 0, code)
      }
      var corrupt = false
      if fault.corrupt > 0, Double.random(in: 0..<1, using: &bus.random) < fault.corrupt {
        if mbap {
          // A Modbus TCP gateway checks the CRC itself and reports the meter as not answering.
          pdu = Self.exceptionPDU(incoming.pdu.first ?? 0, .gatewayTargetFailedToRespond)
        } else {
          corrupt = true
        }
      }
      let sent = bus.scheduler.finish(slot, responseBytes: pdu.count + RTUFrameSizes.overheadBytes)
      return sent.map { OutgoingAnswer(bytes: frame(pdu, for: incoming, corrupt: corrupt), at: $0) }
    }
  }

  /// An exception PDU for a function code byte.
  static func exceptionPDU(_ function: UInt8, _ code: ExceptionCode) -> [UInt8] {
    [(function & 0x7F) | FunctionCode.exceptionFlag, code.rawValue]
  }

  /// Frames an answer PDU the way the request came: MBAP, or RTU (with a spoiled CRC if `corrupt`).
  private func frame(_ pdu: [UInt8], for incoming: IncomingRequest, corrupt: Bool) -> [UInt8] {
    if let transaction = incoming.transactionID {
      return MBAPFramer.encode(transaction: transaction, unit: incoming.unit, pdu: pdu)
    }
    var bytes = RTUFramer.encode(unit: incoming.unit, pdu: pdu)
    if corrupt, let last = bytes.indices.last { bytes[last] ^= 0x5A }
    return bytes
  }

  // MARK: meters

  /// Runs every meter to simulated time `t`.
  func advanceAll(to t: Double) {
    state.withLock { bus in
      for index in bus.meters.indices { bus.meters[index].advance(to: t, zone: zone) }
    }
  }

  /// Every meter's state after running them to `t`, by meter number.
  func states(at t: Double) -> [String: MeterState] {
    state.withLock { bus in
      var result: [String: MeterState] = [:]
      for index in bus.meters.indices {
        bus.meters[index].advance(to: t, zone: zone)
        result[bus.meters[index].identity.number] = bus.meters[index].state
      }
      return result
    }
  }

  /// Runs `body` on the meter at `index` after running it to simulated time `t`.
  func withMeter<Result>(at index: Int, time t: Double, _ body: (inout SimulatedMeter) -> Result) -> Result {
    state.withLock { bus in
      bus.meters[index].advance(to: t, zone: zone)
      return body(&bus.meters[index])
    }
  }

  // MARK: connections

  /// Records an open client connection.
  func register(_ channel: any Channel) {
    let closeNow = faults.current.isDown(name)
    state.withLock { $0.connections[ObjectIdentifier(channel)] = channel }
    if closeNow { channel.close(promise: nil) }
  }

  /// Forgets a closed client connection.
  func unregister(_ channel: any Channel) {
    _ = state.withLock { $0.connections.removeValue(forKey: ObjectIdentifier(channel)) }
  }

  /// Closes every client connection.
  func closeConnections() {
    let channels = state.withLock { bus in
      let open = Array(bus.connections.values)
      bus.connections.removeAll()
      return open
    }
    for channel in channels { channel.close(promise: nil) }
  }
}

import Acquisition
import Domain
import Foundation
import MeterProfiles
import ModbusCore
import ModbusTransport
import NIOCore

/// What one meter of a batch job came to.
public enum BatchOutcome: Sendable, Hashable {
  /// Written and verified by reading back.
  case done
  /// Not verified; why (offline, an exception code, a read-back mismatch).
  case failed(String)

  /// The failure text, nil when done.
  var reason: String? {
    if case .failed(let reason) = self { return reason }
    return nil
  }
}

/// The programs a batch job runs on one meter: write, then read back and compare. A meter that
/// acquisition already counts offline is probed first with the short probe timeout, so a silent
/// meter costs one probe, not a full timeout per write.
enum BatchPrograms {
  /// Writes `values` (contiguous FC16 settings merged into one write), reads their registers back
  /// and compares; `drift` receives the differences read back (empty when they agree).
  static func settings(
    _ channel: MeterChannel, values: [SettingName: Int64], drift: @escaping @Sendable (String) -> Void
  ) -> EventLoopFuture<BatchOutcome> {
    let profile = channel.meter.profile
    let specs = values.keys.compactMap { name in profile.settings[name].map { (name, $0) } }
    guard specs.count == values.count else {
      let missing = values.keys.filter { profile.settings[$0] == nil }.map(\.rawValue).sorted()
      return channel.eventLoop.makeSucceededFuture(
        .failed("profile \(profile.name) has no \(missing.joined(separator: ", "))"))
    }
    // A value the meter cannot hold exactly (a 0.6170 yuan/kWh price on a meter that stores 0.01)
    // is refused before anything is written: a rounded price would charge the tenant another price.
    for (name, spec) in specs.sorted(by: { $0.0.rawValue < $1.0.rawValue }) {
      let value = values[name] ?? 0
      let held = spec.encode(value).flatMap { spec.decode($0[...]) }
      guard held == value else {
        return channel.eventLoop.makeSucceededFuture(
          .failed(
            "\(name.rawValue) \(value) cannot be held exactly by profile \(profile.name) (it would store "
              + "\(held.map(String.init) ?? "nothing")); nothing written — fix the tariff or the profile's scale"
          ))
      }
    }
    let writes: [ModbusRequest]
    do {
      writes = try mergedWrites(specs.map { ($0.1, values[$0.0] ?? 0) })
    } catch {
      return channel.eventLoop.makeSucceededFuture(.failed("\(error)"))
    }
    let low = specs.map { $0.1.addresses.lowerBound }.min() ?? 0
    let high = specs.map { $0.1.addresses.upperBound }.max() ?? 0
    return probeIfOffline(channel)
      .flatMap { run(writes, on: channel) }
      .flatMap { channel.execute(.readHoldingRegisters(address: UInt16(low), count: UInt16(high - low))) }
      .flatMapThrowing { response -> BatchOutcome in
        guard case .registers(let registers) = try response.unwrapped(), registers.count == high - low else {
          return .failed("read-back: unexpected answer \(response)")
        }
        var actual: [SettingName: Int64?] = [:]
        for (name, spec) in specs {
          let start = spec.addresses.lowerBound - low
          actual[name] = spec.decode(registers[start..<start + spec.addresses.count])
        }
        let differences = BatchValues.differences(expected: values, actual: actual)
        drift(differences.joined(separator: "; "))
        return differences.isEmpty
          ? .done : .failed("read-back mismatch: " + differences.joined(separator: "; "))
      }
      .flatMapErrorThrowing { error in .failed(describe(error)) }
  }

  /// Writes a TOU schedule into the meter's TOU table and reads it back; done when they are equal.
  static func timeOfUse(_ channel: MeterChannel, schedule: TimeOfUseSchedule) -> EventLoopFuture<BatchOutcome>
  {
    let profile = channel.meter.profile
    let writes: [ModbusRequest]
    do {
      writes = try profile.timeOfUseRequests(schedule)
    } catch {
      return channel.eventLoop.makeSucceededFuture(.failed("TOU table: \(error)"))
    }
    var readBack = run(writes, on: channel).map { [UInt16]() }
    for request in profile.timeOfUseReadRequests {
      readBack = readBack.flatMap { soFar in
        channel.execute(request).flatMapThrowing { response -> [UInt16] in
          guard case .registers(let registers) = try response.unwrapped() else { return soFar }
          return soFar + registers
        }
      }
    }
    return readBack.map { registers -> BatchOutcome in
      guard let read = try? profile.decodeTimeOfUse(registers) else {
        return .failed("read-back mismatch: the TOU table does not decode")
      }
      return read == schedule ? .done : .failed("read-back mismatch: the TOU table differs")
    }
    .flatMapErrorThrowing { error in .failed(describe(error)) }
  }

  /// Sends a relay command, reads its registers back and the status word's relay bits.
  static func relay(_ channel: MeterChannel, operation: RemoteOperation) -> EventLoopFuture<BatchOutcome> {
    let profile = channel.meter.profile
    let command: RemoteCommand
    switch operation {
    case .trip: command = .trip
    case .keepPower: command = .keepPower
    case .restore: command = .restorePrepay
    case .close: command = profile.resolvedCommand(.close) ?? .restorePrepay
    case .price, .settings, .export:
      return channel.eventLoop.makeSucceededFuture(.failed("\(operation.rawValue) is not a relay command"))
    }
    guard let write = profile.commands[command] else {
      return channel.eventLoop.makeSucceededFuture(
        .failed("profile \(profile.name) has no \(command.rawValue)"))
    }
    let count = write.addresses.count
    return probeIfOffline(channel)
      .flatMap { channel.execute(write.request) }
      .flatMapThrowing { try $0.unwrapped() }
      .flatMap { _ in channel.execute(.readHoldingRegisters(address: write.register, count: UInt16(count))) }
      .flatMapThrowing { response -> [UInt16] in
        guard case .registers(let registers) = try response.unwrapped() else { return [] }
        return registers
      }
      .flatMap { registers -> EventLoopFuture<BatchOutcome> in
        let expected = write.function == .writeSingleRegister ? Array(write.values.prefix(1)) : write.values
        guard registers == expected else {
          return channel.eventLoop.makeSucceededFuture(
            .failed("read-back mismatch: force control \(registers), expected \(expected)"))
        }
        return channel.read().map { values in verifyRelay(operation, values) }
      }
      .flatMapErrorThrowing { error in .failed(describe(error)) }
  }

  static func verifyRelay(_ operation: RemoteOperation, _ values: MeterValues) -> BatchOutcome {
    guard let closed = values.relayClosed else { return .done }
    switch operation {
    case .trip where closed: return .failed("read-back mismatch: the relay is still closed")
    case .keepPower where !closed: return .failed("read-back mismatch: the relay is still open")
    case .close where !closed:
      return .failed(
        "the relay stays open (remaining \(values.remainingFen.map { Money(fen: $0).decimalString } ?? "?"))")
    default: return .done
    }
  }

  /// FC16 writes of adjacent settings merged into one; FC06 settings stay single writes.
  static func mergedWrites(_ settings: [(SettingSpec, Int64)]) throws -> [ModbusRequest] {
    var requests: [ModbusRequest] = []
    var run: (start: Int, words: [UInt16])?
    for (spec, value) in settings.sorted(by: { $0.0.register < $1.0.register }) {
      guard let words = spec.encode(value) else {
        throw BatchValueError(value: value, register: spec.register)
      }
      if spec.function == .writeSingleRegister, let word = words.first, words.count == 1 {
        if let current = run {
          requests.append(.writeMultipleRegisters(address: UInt16(current.start), values: current.words))
        }
        run = nil
        requests.append(.writeSingleRegister(address: spec.register, value: word))
        continue
      }
      if let current = run, current.start + current.words.count == Int(spec.register),
        current.words.count + words.count <= 123
      {
        run = (current.start, current.words + words)
      } else {
        if let current = run {
          requests.append(.writeMultipleRegisters(address: UInt16(current.start), values: current.words))
        }
        run = (Int(spec.register), words)
      }
    }
    if let current = run {
      requests.append(.writeMultipleRegisters(address: UInt16(current.start), values: current.words))
    }
    return requests
  }

  private static func run(_ requests: [ModbusRequest], on channel: MeterChannel) -> EventLoopFuture<Void> {
    var future = channel.eventLoop.makeSucceededVoidFuture()
    for request in requests {
      future = future.flatMap { channel.execute(request) }.flatMapThrowing { _ = try $0.unwrapped() }
    }
    return future
  }

  private static func probeIfOffline(_ channel: MeterChannel) -> EventLoopFuture<Void> {
    guard channel.isOffline else { return channel.eventLoop.makeSucceededVoidFuture() }
    return channel.read().map { _ in () }
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? ModbusError, case .exception(_, let code) = error {
      return "exception \(code.rawValue) (\(code))"
    }
    if let error = error as? ModbusTransportError, case .exception(_, let code) = error {
      return "exception \(code.rawValue) (\(code))"
    }
    if let error = error as? ModbusTransportError, case .timeout = error { return "offline: no answer" }
    return "\(error)"
  }
}

/// A value that does not fit its register.
struct BatchValueError: Error, CustomStringConvertible {
  var value: Int64
  var register: UInt16
  var description: String { "value \(value) does not fit register " + String(format: "0x%04X", register) }
}

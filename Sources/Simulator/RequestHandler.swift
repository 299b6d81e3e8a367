import Domain
import MeterCrypto
import MeterProfiles
import ModbusCore

/// How a simulated meter answers a request, entirely from its profile's register map.
extension SimulatedMeter {
  /// Answers `request` at simulated time `t` (the meter must be advanced to `t`), changing the meter
  /// for writes: recharge tokens, relay commands, the TOU table and settings.
  mutating func respond(to request: ModbusRequest, at t: Double, zone: SiteTimeZone) -> ModbusResponse {
    switch request {
    case .readHoldingRegisters(let address, let count), .readInputRegisters(let address, let count):
      let profile = identity.profile
      guard
        let words = profile.registers(
          start: address, count: count, values: values(at: t, zone: zone),
          meterNumber: identity.number, settings: state.settings,
          forceControl: state.commandRegisters, rechargeResult: state.rechargeResult,
          timeOfUse: timeOfUseRegisters)
      else { return .exception(to: request, code: .illegalDataAddress) }
      return .registers(words)
    case .writeSingleRegister(let address, let value):
      if let code = write(address: address, values: [value], at: t) {
        return .exception(to: request, code: code)
      }
      return .writeSingleRegister(address: address, value: value)
    case .writeMultipleRegisters(let address, let values):
      if let code = write(address: address, values: values, at: t) {
        return .exception(to: request, code: code)
      }
      return .writeMultiple(address: address, count: UInt16(truncatingIfNeeded: values.count))
    case .readCoils, .readDiscreteInputs, .writeSingleCoil, .writeMultipleCoils, .reportServerID:
      return .exception(to: request, code: .illegalFunction)
    }
  }

  /// Applies a register write; returns the exception to answer with, nil when accepted.
  private mutating func write(address: UInt16, values: [UInt16], at t: Double) -> ExceptionCode? {
    let profile = identity.profile
    let range = Int(address)..<Int(address) + values.count
    let token = profile.recharge.addresses
    if range.overlaps(token) {
      guard range == token else { return .illegalDataAddress }
      applyToken(values, at: t)
      return nil
    }
    let result = Int(profile.recharge.resultRegister)
    if range.contains(result) { return .illegalDataAddress }
    if let area = profile.commandArea, range.overlaps(area) {
      guard range.lowerBound >= area.lowerBound, range.upperBound <= area.upperBound else {
        return .illegalDataAddress
      }
      return applyCommand(range: range, values: values)
    }
    if let table = profile.timeOfUse, range.overlaps(table.addresses) {
      return applyTimeOfUse(range: range, values: values)
    }
    return applySettings(range: range, values: values)
  }

  /// Checks a recharge token the way the meter does and applies it when accepted.
  private mutating func applyToken(_ registers: [UInt16], at t: Double) {
    guard let key = identity.meterKey else {
      state.rechargeResult = RechargeResult.badToken.rawValue
      return
    }
    let (result, plaintext) = RechargeVerifier.verify(
      cipher: RechargeToken.bytes(fromRegisters: registers), meterNumber: identity.number,
      meterKey: key, storedCount: state.purchaseCount, remainingFen: state.wallet.remainingFen)
    state.rechargeResult = result.rawValue
    guard result == .accepted, let plaintext else { return }
    let amount = Int64(plaintext.amountFen)
    state.wallet.remainingFen += amount
    state.purchaseCount = plaintext.purchaseCount
    state.rechargeLog.append(
      RechargeLogEntry(
        time: Int64(t.rounded(.down)), count: plaintext.purchaseCount, amountFen: amount,
        balanceAfterFen: state.wallet.remainingFen))
    if state.rechargeLog.count > RechargeLogEntry.capacity {
      state.rechargeLog.removeFirst(state.rechargeLog.count - RechargeLogEntry.capacity)
    }
  }

  /// A write inside the command area: it must be exactly one of the profile's commands.
  private mutating func applyCommand(range: Range<Int>, values: [UInt16]) -> ExceptionCode? {
    let profile = identity.profile
    guard let area = profile.commandArea else { return .illegalDataAddress }
    let match = RemoteCommand.allCases.first { command in
      guard let write = profile.commands[command] else { return false }
      return write.addresses == range && Array(write.values.prefix(range.count)) == values
    }
    guard let match else { return .illegalDataValue }
    if state.commandRegisters.count != area.count {
      state.commandRegisters = Array(repeating: 0, count: area.count)
    }
    for (offset, value) in values.enumerated() {
      state.commandRegisters[range.lowerBound - area.lowerBound + offset] = value
    }
    switch match {
    case .trip: state.forceControl = .trip
    case .keepPower: state.forceControl = .keepPower
    case .restorePrepay, .close: state.forceControl = .prepay
    }
    state.overloadUntil = nil
    return nil
  }

  /// A settings download: every register written must belong to a setting lying wholly inside the write.
  private mutating func applySettings(range: Range<Int>, values: [UInt16]) -> ExceptionCode? {
    let profile = identity.profile
    let inside = profile.settings.filter {
      $0.value.addresses.lowerBound >= range.lowerBound && $0.value.addresses.upperBound <= range.upperBound
    }
    let covered = Set(inside.values.flatMap { Array($0.addresses) })
    guard !inside.isEmpty, range.allSatisfy(covered.contains) else { return .illegalDataAddress }
    var decoded: [SettingName: Int64] = [:]
    for (name, spec) in inside {
      let offset = spec.addresses.lowerBound - range.lowerBound
      let slice = values[offset..<offset + spec.addresses.count]
      guard let value = profile.decodeSetting(name, registers: slice), value >= 0 else {
        return .illegalDataValue
      }
      decoded[name] = value
    }
    for (name, value) in decoded { state.set(name, value) }
    pricesChanged()
    return nil
  }
}

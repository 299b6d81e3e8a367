import ModbusCore

/// How a meter's write faults (`ignore_writes`, `write_exception`) change its answer.
extension SimulatedMeter {
  /// Answers `request` as `respond(to:at:zone:)` does, under `fault`'s write faults.
  ///
  /// `write_exception` answers every FC06/FC16 with its code and changes nothing; `ignore_writes`
  /// answers a write exactly as the meter would but keeps the meter as it was.
  mutating func respond(
    to request: ModbusRequest, at t: Double, zone: SiteTimeZone, fault: MeterFault
  ) -> ModbusResponse {
    let isWrite: Bool
    switch request {
    case .writeSingleRegister, .writeMultipleRegisters: isWrite = true
    default: isWrite = false
    }
    guard isWrite else { return respond(to: request, at: t, zone: zone) }
    if let code = fault.writeException {
      return .exception(to: request, code: ExceptionCode(rawValue: code))
    }
    if fault.ignoreWrites {
      var untouched = self
      return untouched.respond(to: request, at: t, zone: zone)
    }
    return respond(to: request, at: t, zone: zone)
  }
}

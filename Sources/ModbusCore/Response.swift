/// A Modbus response PDU: what a server answered.
public enum ModbusResponse: Sendable, Hashable {
  /// FC 01/02: coil or discrete input states, exactly as many as were requested.
  case bits([Bool])
  /// FC 03/04: register values in address order.
  case registers([UInt16])
  /// FC 05: echo of the coil written.
  case writeSingleCoil(address: UInt16, value: Bool)
  /// FC 06: echo of the register written.
  case writeSingleRegister(address: UInt16, value: UInt16)
  /// FC 15/16: start address and quantity written.
  case writeMultiple(address: UInt16, count: UInt16)
  /// FC 17: the device-specific server ID bytes (after the byte count).
  case serverID(bytes: [UInt8])
  /// An exception response to `function` (the plain code, without the 0x80 flag).
  case exception(function: UInt8, code: ExceptionCode)

  /// Whether this is an exception response.
  public var isException: Bool {
    if case .exception = self { return true }
    return false
  }

  /// The response itself, or `ModbusError.exception` if the server answered with an exception.
  public func unwrapped() throws(ModbusError) -> ModbusResponse {
    if case .exception(let function, let code) = self {
      throw .exception(function: function, code: code)
    }
    return self
  }

  /// An exception response to `request` with `code`.
  public static func exception(to request: ModbusRequest, code: ExceptionCode) -> ModbusResponse {
    .exception(function: request.functionCode.rawValue, code: code)
  }
}

import ModbusCore
import NIOCore

extension ModbusBusClient {
  /// Sends `request` to `unit` and returns its answer (see `execute(_:unit:)` for the failures).
  public func send(_ request: ModbusRequest, unit: UInt8) async throws(ModbusTransportError) -> ModbusResponse
  {
    do {
      return try await execute(request, unit: unit).get()
    } catch let error as ModbusTransportError {
      throw error
    } catch {
      throw .malformed("\(error)")
    }
  }

  /// Reads `count` holding (FC 03) or input (FC 04) registers starting at `address`.
  public func readRegisters(
    unit: UInt8, address: UInt16, count: UInt16, function: FunctionCode = .readHoldingRegisters
  ) async throws(ModbusTransportError) -> [UInt16] {
    let request: ModbusRequest
    switch function {
    case .readHoldingRegisters: request = .readHoldingRegisters(address: address, count: count)
    case .readInputRegisters: request = .readInputRegisters(address: address, count: count)
    default: throw .invalidRequest("registers are read with function 03 or 04, not \(function)")
    }
    guard case .registers(let values) = try await send(request, unit: unit) else {
      throw .malformed("the answer to \(function) carried no registers")
    }
    return values
  }

  /// Writes `values` starting at `address`: FC 06 for one value, FC 16 for several or when forced.
  public func writeRegisters(
    unit: UInt8, address: UInt16, values: [UInt16], forceMultiple: Bool = false
  ) async throws(ModbusTransportError) {
    let request: ModbusRequest =
      values.count == 1 && !forceMultiple
      ? .writeSingleRegister(address: address, value: values[0])
      : .writeMultipleRegisters(address: address, values: values)
    _ = try await send(request, unit: unit)
  }
}

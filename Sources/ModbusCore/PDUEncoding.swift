extension ModbusRequest {
  /// The request PDU: function code then data, big-endian, without unit or CRC.
  ///
  /// Encoding does not check limits; call `validate()` first. Quantities beyond 16 bits
  /// and byte counts beyond 8 bits are truncated rather than trapping.
  public func encodePDU() -> [UInt8] {
    var pdu: [UInt8] = [functionCode.rawValue]
    switch self {
    case .readCoils(let address, let count), .readDiscreteInputs(let address, let count),
      .readHoldingRegisters(let address, let count), .readInputRegisters(let address, let count):
      pdu.appendWord(address)
      pdu.appendWord(count)
    case .writeSingleCoil(let address, let value):
      pdu.appendWord(address)
      pdu.appendWord(value ? 0xFF00 : 0x0000)
    case .writeSingleRegister(let address, let value):
      pdu.appendWord(address)
      pdu.appendWord(value)
    case .writeMultipleCoils(let address, let values):
      let packed = BitPacking.pack(values)
      pdu.appendWord(address)
      pdu.appendWord(UInt16(truncatingIfNeeded: values.count))
      pdu.append(UInt8(truncatingIfNeeded: packed.count))
      pdu.append(contentsOf: packed)
    case .writeMultipleRegisters(let address, let values):
      pdu.appendWord(address)
      pdu.appendWord(UInt16(truncatingIfNeeded: values.count))
      pdu.append(UInt8(truncatingIfNeeded: values.count * 2))
      for value in values { pdu.appendWord(value) }
    case .reportServerID:
      break
    }
    return pdu
  }
}

extension ModbusResponse {
  /// The response PDU as a server sends it for `function`, without unit or CRC.
  ///
  /// `.exception` ignores `function` and uses its own code with the 0x80 flag set.
  public func encodePDU(for function: FunctionCode) -> [UInt8] {
    var pdu: [UInt8] = [function.rawValue]
    switch self {
    case .bits(let bits):
      let packed = BitPacking.pack(bits)
      pdu.append(UInt8(truncatingIfNeeded: packed.count))
      pdu.append(contentsOf: packed)
    case .registers(let registers):
      pdu.append(UInt8(truncatingIfNeeded: registers.count * 2))
      for register in registers { pdu.appendWord(register) }
    case .writeSingleCoil(let address, let value):
      pdu.appendWord(address)
      pdu.appendWord(value ? 0xFF00 : 0x0000)
    case .writeSingleRegister(let address, let value):
      pdu.appendWord(address)
      pdu.appendWord(value)
    case .writeMultiple(let address, let count):
      pdu.appendWord(address)
      pdu.appendWord(count)
    case .serverID(let bytes):
      pdu.append(UInt8(truncatingIfNeeded: bytes.count))
      pdu.append(contentsOf: bytes)
    case .exception(let code, let exception):
      return [code | FunctionCode.exceptionFlag, exception.rawValue]
    }
    return pdu
  }
}

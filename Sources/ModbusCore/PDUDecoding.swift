extension ModbusRequest {
  /// Decodes a request PDU as a server receives it, enforcing the specification's limits.
  ///
  /// Throws `unsupportedFunction` for codes other than FC 01–06, 15, 16, 17;
  /// `illegalQuantity`, `addressOutOfRange`, `byteCountMismatch` or `illegalCoilValue`
  /// for requests a server must refuse (see `ModbusError.serverExceptionCode`);
  /// `truncated` / `unexpectedLength` when the PDU length does not fit the function.
  public static func decodePDU(_ bytes: ArraySlice<UInt8>) throws(ModbusError) -> ModbusRequest {
    guard let code = bytes.byte(at: 0) else { throw .truncated(expected: 1, got: 0) }
    guard let function = FunctionCode(rawValue: code) else { throw .unsupportedFunction(code) }
    switch function {
    case .readCoils, .readDiscreteInputs, .readHoldingRegisters, .readInputRegisters:
      let (address, count) = try addressAndWord(bytes)
      let isBits = function == .readCoils || function == .readDiscreteInputs
      try check(
        quantity: Int(count), allowed: isBits ? ModbusLimits.readBits : ModbusLimits.readRegisters,
        address: address)
      switch function {
      case .readCoils: return .readCoils(address: address, count: count)
      case .readDiscreteInputs: return .readDiscreteInputs(address: address, count: count)
      case .readHoldingRegisters: return .readHoldingRegisters(address: address, count: count)
      default: return .readInputRegisters(address: address, count: count)
      }
    case .writeSingleCoil:
      let (address, raw) = try addressAndWord(bytes)
      return .writeSingleCoil(address: address, value: try coilValue(raw))
    case .writeSingleRegister:
      let (address, value) = try addressAndWord(bytes)
      return .writeSingleRegister(address: address, value: value)
    case .writeMultipleCoils, .writeMultipleRegisters:
      guard let address = bytes.word(at: 1), let quantity = bytes.word(at: 3),
        let byteCount = bytes.byte(at: 5)
      else { throw .truncated(expected: 6, got: bytes.count) }
      let isCoils = function == .writeMultipleCoils
      try check(
        quantity: Int(quantity),
        allowed: isCoils ? ModbusLimits.writeBits : ModbusLimits.writeRegisters, address: address)
      let expectedCount =
        isCoils ? BitPacking.byteCount(forBits: Int(quantity)) : Int(quantity) * 2
      guard Int(byteCount) == expectedCount else {
        throw .byteCountMismatch(expected: expectedCount, got: Int(byteCount))
      }
      try requireLength(bytes, 6 + expectedCount)
      let data = bytes.sub(6, expectedCount)
      if isCoils {
        return .writeMultipleCoils(
          address: address, values: BitPacking.unpack(data, count: Int(quantity)))
      }
      let values = (0..<Int(quantity)).map { data.word(at: $0 * 2) ?? 0 }
      return .writeMultipleRegisters(address: address, values: values)
    case .reportServerID:
      try requireLength(bytes, 1)
      return .reportServerID
    }
  }

  /// Reads the address and second word of a 5-byte PDU (FC 01–06).
  static func addressAndWord(_ bytes: ArraySlice<UInt8>) throws(ModbusError) -> (UInt16, UInt16) {
    try requireLength(bytes, 5)
    guard let first = bytes.word(at: 1), let second = bytes.word(at: 3) else {
      throw .truncated(expected: 5, got: bytes.count)
    }
    return (first, second)
  }
}

extension ModbusResponse {
  /// Decodes a response PDU as a client receives it, checking that it answers `request`.
  ///
  /// Accepts the request's function code or its exception form (code | 0x80, returned as
  /// `.exception`); checks byte counts against the requested quantity and that write
  /// responses echo the request's address, value or quantity. Read-bit responses return
  /// exactly the requested number of bits (padding dropped).
  public static func decodePDU(
    _ bytes: ArraySlice<UInt8>, for request: ModbusRequest
  ) throws(ModbusError) -> ModbusResponse {
    guard let code = bytes.byte(at: 0) else { throw .truncated(expected: 1, got: 0) }
    let function = request.functionCode
    if code == function.exceptionCode {
      try requireLength(bytes, 2)
      return .exception(
        function: function.rawValue, code: ExceptionCode(rawValue: bytes[bytes.startIndex + 1]))
    }
    guard code == function.rawValue else {
      throw .unexpectedFunction(expected: function.rawValue, got: code)
    }
    switch request {
    case .readCoils(_, let count), .readDiscreteInputs(_, let count):
      let data = try byteCountedData(bytes, expected: BitPacking.byteCount(forBits: Int(count)))
      return .bits(BitPacking.unpack(data, count: Int(count)))
    case .readHoldingRegisters(_, let count), .readInputRegisters(_, let count):
      let data = try byteCountedData(bytes, expected: Int(count) * 2)
      return .registers((0..<Int(count)).map { data.word(at: $0 * 2) ?? 0 })
    case .writeSingleCoil(let address, let value):
      let (echoAddress, raw) = try ModbusRequest.addressAndWord(bytes)
      try echo("address", expected: address, got: echoAddress)
      let echoValue = try coilValue(raw)
      try echo("coil value", expected: value ? 0xFF00 : 0, got: raw)
      return .writeSingleCoil(address: echoAddress, value: echoValue)
    case .writeSingleRegister(let address, let value):
      let (echoAddress, echoValue) = try ModbusRequest.addressAndWord(bytes)
      try echo("address", expected: address, got: echoAddress)
      try echo("register value", expected: value, got: echoValue)
      return .writeSingleRegister(address: echoAddress, value: echoValue)
    case .writeMultipleCoils(let address, _), .writeMultipleRegisters(let address, _):
      let (echoAddress, echoCount) = try ModbusRequest.addressAndWord(bytes)
      try echo("address", expected: address, got: echoAddress)
      try echo("quantity", expected: UInt16(truncatingIfNeeded: request.quantity), got: echoCount)
      return .writeMultiple(address: echoAddress, count: echoCount)
    case .reportServerID:
      guard let byteCount = bytes.byte(at: 1) else {
        throw .truncated(expected: 2, got: bytes.count)
      }
      try requireLength(bytes, 2 + Int(byteCount))
      return .serverID(bytes: Array(bytes.sub(2, Int(byteCount))))
    }
  }

  /// Checks the byte-count field and total length, returning the data bytes.
  static func byteCountedData(
    _ bytes: ArraySlice<UInt8>, expected: Int
  ) throws(ModbusError) -> ArraySlice<UInt8> {
    guard let byteCount = bytes.byte(at: 1) else {
      throw .truncated(expected: 2 + expected, got: bytes.count)
    }
    guard Int(byteCount) == expected else {
      throw .byteCountMismatch(expected: expected, got: Int(byteCount))
    }
    try requireLength(bytes, 2 + expected)
    return bytes.sub(2, expected)
  }

  /// Throws `echoMismatch` when a write response does not repeat the request.
  static func echo(_ field: String, expected: UInt16, got: UInt16) throws(ModbusError) {
    guard expected == got else { throw .echoMismatch(field: field, expected: expected, got: got) }
  }
}

/// Throws `truncated` or `unexpectedLength` unless `bytes` holds exactly `length` bytes.
func requireLength(_ bytes: ArraySlice<UInt8>, _ length: Int) throws(ModbusError) {
  if bytes.count < length { throw .truncated(expected: length, got: bytes.count) }
  if bytes.count > length { throw .unexpectedLength(expected: length, got: bytes.count) }
}

/// Maps a coil word to its state: 0xFF00 on, 0x0000 off, anything else illegal.
func coilValue(_ raw: UInt16) throws(ModbusError) -> Bool {
  switch raw {
  case 0xFF00: return true
  case 0x0000: return false
  default: throw .illegalCoilValue(raw)
  }
}

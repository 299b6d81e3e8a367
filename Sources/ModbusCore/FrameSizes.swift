/// How many bytes a PDU will take, known before the bytes arrive.
public enum PDULength: Sendable, Hashable {
  /// The PDU is exactly this many bytes long.
  case bytes(Int)
  /// The header seen so far is too short to tell; feed more bytes.
  case needMoreBytes
  /// The function code is not one whose length this implementation knows.
  case unsupportedFunction(UInt8)
}

extension ModbusRequest {
  /// The length of this request's PDU (function code plus data).
  public var pduLength: Int {
    switch self {
    case .readCoils, .readDiscreteInputs, .readHoldingRegisters, .readInputRegisters,
      .writeSingleCoil, .writeSingleRegister:
      5
    case .writeMultipleCoils(_, let values): 6 + BitPacking.byteCount(forBits: values.count)
    case .writeMultipleRegisters(_, let values): 6 + values.count * 2
    case .reportServerID: 1
    }
  }

  /// The length of a request PDU from its first bytes (server side).
  ///
  /// FC 01–06 are 5 bytes and FC 17 is 1; FC 15/16 are 6 plus the byte count found
  /// at PDU offset 5, so they need six bytes before the length is known.
  public static func pduLength(header: ArraySlice<UInt8>) -> PDULength {
    guard let code = header.byte(at: 0) else { return .needMoreBytes }
    guard let function = FunctionCode(rawValue: code) else { return .unsupportedFunction(code) }
    switch function {
    case .readCoils, .readDiscreteInputs, .readHoldingRegisters, .readInputRegisters,
      .writeSingleCoil, .writeSingleRegister:
      return .bytes(5)
    case .writeMultipleCoils, .writeMultipleRegisters:
      guard let byteCount = header.byte(at: 5) else { return .needMoreBytes }
      return .bytes(6 + Int(byteCount))
    case .reportServerID:
      return .bytes(1)
    }
  }
}

extension ModbusResponse {
  /// The PDU length of an exception response (function | 0x80, code).
  public static let exceptionResponseLength = 2

  /// The PDU length of a normal response to `request`; nil for FC 17, whose length
  /// is given by the byte count in the response itself.
  public static func expectedResponseLength(for request: ModbusRequest) -> Int? {
    switch request {
    case .readCoils(_, let count), .readDiscreteInputs(_, let count):
      2 + BitPacking.byteCount(forBits: Int(count))
    case .readHoldingRegisters(_, let count), .readInputRegisters(_, let count):
      2 + Int(count) * 2
    case .writeSingleCoil, .writeSingleRegister, .writeMultipleCoils, .writeMultipleRegisters:
      5
    case .reportServerID:
      nil
    }
  }
}

/// Sizes of whole RTU frames: unit address + PDU + 2 CRC bytes.
public enum RTUFrameSizes {
  /// Bytes an RTU frame adds around its PDU: one unit address, two CRC.
  public static let overheadBytes = 3
  /// Bytes in an RTU exception response (unit, function | 0x80, code, CRC).
  public static let exceptionResponseBytes = 5
  /// The largest RTU frame the serial line specification allows.
  public static let maxFrameBytes = 256

  /// The RTU frame length of `request` (FC 03 of any count: 8 bytes).
  public static func requestBytes(for request: ModbusRequest) -> Int {
    request.pduLength + overheadBytes
  }

  /// The RTU frame length of a normal response to `request` (FC 03 of 48 registers: 101 bytes);
  /// nil for FC 17, whose length the response itself states.
  public static func responseBytes(for request: ModbusRequest) -> Int? {
    ModbusResponse.expectedResponseLength(for: request).map { $0 + overheadBytes }
  }
}

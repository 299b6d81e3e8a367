/// Everything that can be wrong with a Modbus PDU, frame or byte stream.
public enum ModbusError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The PDU or frame ended before `expected` bytes; only `got` were present.
  case truncated(expected: Int, got: Int)
  /// The PDU is longer than its function allows: `expected` bytes, `got` bytes.
  case unexpectedLength(expected: Int, got: Int)
  /// The CRC computed over the frame (`expected`) differs from the CRC it carries (`got`).
  case badCRC(expected: UInt16, got: UInt16)
  /// A response carried function code `got` where `expected` (or its exception form) was due.
  case unexpectedFunction(expected: UInt8, got: UInt8)
  /// A request carried a function code this implementation does not serve.
  case unsupportedFunction(UInt8)
  /// A byte-count field says `got` where the quantity requires `expected`.
  case byteCountMismatch(expected: Int, got: Int)
  /// A frame came from unit `got` while unit `expected` was addressed.
  case unitMismatch(expected: UInt8, got: UInt8)
  /// An MBAP response carried transaction `got` while `expected` was outstanding.
  case transactionMismatch(expected: UInt16, got: UInt16)
  /// A quantity of coils or registers lies outside what the function allows.
  case illegalQuantity(quantity: Int, allowed: ClosedRange<Int>)
  /// Start address plus quantity runs past register/coil 65535.
  case addressOutOfRange(address: UInt16, quantity: Int)
  /// A write-single-coil value other than 0xFF00 (on) or 0x0000 (off).
  case illegalCoilValue(UInt16)
  /// A write response did not echo the request: `field` was `got`, not `expected`.
  case echoMismatch(field: String, expected: UInt16, got: UInt16)
  /// The server answered with an exception response to `function`.
  case exception(function: UInt8, code: ExceptionCode)
  /// An MBAP header carried a protocol identifier other than 0 (stream is corrupt).
  case invalidProtocolID(UInt16)
  /// An MBAP header carried a length outside 2...254 (stream is corrupt).
  case invalidMBAPLength(UInt16)

  /// A sentence saying what is wrong, for logs and the operator's trace view.
  public var description: String {
    switch self {
    case .truncated(let expected, let got):
      "truncated: needed \(expected) bytes, only \(got) present"
    case .unexpectedLength(let expected, let got):
      "unexpected length: expected \(expected) bytes, got \(got)"
    case .badCRC(let expected, let got):
      "bad CRC: computed \(Hex.word(expected)), frame carries \(Hex.word(got))"
    case .unexpectedFunction(let expected, let got):
      "unexpected function code \(Hex.byte(got)) in response; expected \(Hex.byte(expected))"
    case .unsupportedFunction(let code):
      "unsupported function code \(Hex.byte(code))"
    case .byteCountMismatch(let expected, let got):
      "byte count mismatch: field says \(got), quantity requires \(expected)"
    case .unitMismatch(let expected, let got):
      "response from unit \(got) while unit \(expected) was addressed"
    case .transactionMismatch(let expected, let got):
      "response for transaction \(got) while transaction \(expected) was outstanding"
    case .illegalQuantity(let quantity, let allowed):
      "illegal quantity \(quantity): allowed \(allowed.lowerBound)...\(allowed.upperBound)"
    case .addressOutOfRange(let address, let quantity):
      "address \(address) plus quantity \(quantity) runs past 65535"
    case .illegalCoilValue(let value):
      "illegal coil value \(Hex.word(value)): must be 0xFF00 or 0x0000"
    case .echoMismatch(let field, let expected, let got):
      "write response echoes \(field) \(got), request sent \(expected)"
    case .exception(let function, let code):
      "server exception \(code) to function \(Hex.byte(function))"
    case .invalidProtocolID(let id):
      "corrupt MBAP stream: protocol identifier \(id), must be 0"
    case .invalidMBAPLength(let length):
      "corrupt MBAP stream: length field \(length), must be 2...254"
    }
  }

  /// The exception a server should answer with when decoding a request failed this way.
  ///
  /// `nil` for errors that are not about a request's content (CRC, framing, responses):
  /// a server stays silent on those.
  public var serverExceptionCode: ExceptionCode? {
    switch self {
    case .unsupportedFunction: .illegalFunction
    case .addressOutOfRange: .illegalDataAddress
    case .illegalQuantity, .byteCountMismatch, .illegalCoilValue, .truncated, .unexpectedLength:
      .illegalDataValue
    case .badCRC, .unexpectedFunction, .unitMismatch, .transactionMismatch, .echoMismatch,
      .exception, .invalidProtocolID, .invalidMBAPLength:
      nil
    }
  }
}

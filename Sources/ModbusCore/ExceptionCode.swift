/// A Modbus exception code as carried in an exception response; unknown codes are kept.
///
/// A struct with static members rather than an enum so that any byte a server sends
/// decodes without loss: `ExceptionCode(rawValue: 0x42)` is simply not `isKnown`.
public struct ExceptionCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
  /// The code byte as sent on the wire.
  public let rawValue: UInt8

  /// Wraps any code byte, known or not.
  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// 01: the server does not support the function code.
  public static let illegalFunction = ExceptionCode(rawValue: 0x01)
  /// 02: the address, or address plus quantity, is not allowed on the server.
  public static let illegalDataAddress = ExceptionCode(rawValue: 0x02)
  /// 03: a value in the request (quantity, byte count, coil value...) is not allowed.
  public static let illegalDataValue = ExceptionCode(rawValue: 0x03)
  /// 04: an unrecoverable error occurred while the server performed the action.
  public static let serverDeviceFailure = ExceptionCode(rawValue: 0x04)
  /// 05: the request was accepted but will take long; poll for completion.
  public static let acknowledge = ExceptionCode(rawValue: 0x05)
  /// 06: the server is busy with a long-running command; retry later.
  public static let serverDeviceBusy = ExceptionCode(rawValue: 0x06)
  /// 08: the server found a parity error in its extended memory.
  public static let memoryParityError = ExceptionCode(rawValue: 0x08)
  /// 0A: the gateway could not allocate a path to the target (misconfigured or overloaded).
  public static let gatewayPathUnavailable = ExceptionCode(rawValue: 0x0A)
  /// 0B: the gateway got no response from the target device (often: meter offline).
  public static let gatewayTargetFailedToRespond = ExceptionCode(rawValue: 0x0B)

  /// Every code defined by the Modbus application protocol specification.
  public static let allKnown: [ExceptionCode] = [
    .illegalFunction, .illegalDataAddress, .illegalDataValue, .serverDeviceFailure,
    .acknowledge, .serverDeviceBusy, .memoryParityError, .gatewayPathUnavailable,
    .gatewayTargetFailedToRespond,
  ]

  /// Whether the specification defines this code.
  public var isKnown: Bool { Self.allKnown.contains(self) }

  /// The specification's name for the code, or "unknown exception" for others.
  public var name: String {
    switch rawValue {
    case 0x01: "illegal function"
    case 0x02: "illegal data address"
    case 0x03: "illegal data value"
    case 0x04: "server device failure"
    case 0x05: "acknowledge"
    case 0x06: "server device busy"
    case 0x08: "memory parity error"
    case 0x0A: "gateway path unavailable"
    case 0x0B: "gateway target device failed to respond"
    default: "unknown exception"
    }
  }

  /// The code's name and number, e.g. "illegal data address (0x02)".
  public var description: String { "\(name) (\(Hex.byte(rawValue)))" }
}

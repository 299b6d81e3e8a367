/// Where a meter takes a secure recharge token and reports the result.
public struct RechargeBlock: Sendable, Hashable {
  /// The token scheme; "meterdesk-3des-v1" is MeterDesk's own (DESIGN.md, "Secure recharge").
  public var scheme: String
  /// The first register of the token block, written with FC16.
  public var register: UInt16
  /// The token length in registers (12: 24 bytes).
  public var count: UInt16
  /// The register the meter sets to the result (0 accepted, 1 bad token, 2 wrong meter,
  /// 3 count mismatch, 4 deduction larger than the remaining amount).
  public var resultRegister: UInt16

  /// The token schemes MeterDesk implements.
  public static let knownSchemes: Set<String> = ["meterdesk-3des-v1"]

  /// Creates a recharge block; a 12-register MeterDesk token by default.
  public init(
    scheme: String = "meterdesk-3des-v1", register: UInt16, count: UInt16 = 12, resultRegister: UInt16
  ) {
    self.scheme = scheme
    self.register = register
    self.count = count
    self.resultRegister = resultRegister
  }

  /// The addresses of the token block.
  public var addresses: Range<Int> { Int(register)..<Int(register) + Int(count) }
}

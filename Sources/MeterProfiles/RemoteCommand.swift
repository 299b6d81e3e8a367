import ModbusCore

/// The relay commands an operator can send to a meter.
public enum RemoteCommand: String, Sendable, CaseIterable {
  /// 拉闸: force the relay open.
  case trip
  /// 保电: force the relay closed, whatever the balance.
  case keepPower = "keep_power"
  /// 恢复预付费: release force control; the meter switches by its balance again.
  case restorePrepay = "restore_prepay"
  /// 合闸: close the relay (end a trip). A profile without its own `close` write carries it out
  /// as `restorePrepay`, so the relay closes when the balance allows (`MeterProfile.resolvedCommand`).
  case close
}

/// One register write that carries out a command.
public struct CommandWrite: Sendable, Hashable {
  /// `.writeSingleRegister` (FC06, one value) or `.writeMultipleRegisters` (FC16).
  public var function: FunctionCode
  /// The first register written.
  public var register: UInt16
  /// The register values written.
  public var values: [UInt16]

  /// Creates a write.
  public init(function: FunctionCode, register: UInt16, values: [UInt16]) {
    self.function = function
    self.register = register
    self.values = values
  }

  /// The request: FC06 with the first value when `function` is `.writeSingleRegister`, else FC16.
  public var request: ModbusRequest {
    if function == .writeSingleRegister, let value = values.first {
      return .writeSingleRegister(address: register, value: value)
    }
    return .writeMultipleRegisters(address: register, values: values)
  }

  /// The addresses the write touches.
  public var addresses: Range<Int> {
    Int(register)..<Int(register) + (function == .writeSingleRegister ? 1 : values.count)
  }
}

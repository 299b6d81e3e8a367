import ModbusCore

extension MeterProfile {
  /// The write that carries out `command` (see `resolvedCommand`); nil when the profile cannot.
  public func commandRequest(_ command: RemoteCommand) -> ModbusRequest? {
    commandWrite(command)?.request
  }

  /// For the simulator: the command a received write carries out; nil when it matches none.
  public func command(matching request: ModbusRequest) -> RemoteCommand? {
    RemoteCommand.allCases.first { command in
      guard let write = commands[command] else { return false }
      switch request {
      case .writeSingleRegister(let address, let value):
        return write.register == address && write.values == [value]
      case .writeMultipleRegisters(let address, let values):
        return write.register == address && write.values == values
      default:
        return false
      }
    }
  }

  /// For the simulator: the setting whose first register is `register`; nil when none starts there.
  public func setting(at register: UInt16) -> SettingName? {
    SettingName.allCases.first { settings[$0]?.register == register }
  }

  /// Settings download: one write per setting given (canonical units), in SettingName order.
  ///
  /// Settings the profile does not define, and values that do not fit the register type
  /// (check with `settingRegisters(_:_:)` first), are left out.
  public func settingsRequests(_ values: [SettingName: Int64]) -> [ModbusRequest] {
    SettingName.allCases.compactMap { name in
      guard let value = values[name], let spec = settings[name] else { return nil }
      return spec.request(value)
    }
  }

  /// The registers a setting would be written with; nil when undefined or out of the type's range.
  public func settingRegisters(_ name: SettingName, _ value: Int64) -> [UInt16]? {
    settings[name]?.encode(value)
  }

  /// Simulator decoding of a write: the canonical value of a setting from its registers (first register first).
  public func decodeSetting(_ name: SettingName, registers: ArraySlice<UInt16>) -> Int64? {
    settings[name]?.decode(registers)
  }

  /// The FC16 write of a secure recharge token at `recharge.register`.
  public func rechargeRequest(tokenRegisters: [UInt16]) -> ModbusRequest {
    .writeMultipleRegisters(address: recharge.register, values: tokenRegisters)
  }

  /// The FC03 read of the recharge result register (one register).
  public var rechargeResultRequest: ModbusRequest {
    .readHoldingRegisters(address: recharge.resultRegister, count: 1)
  }

  /// The smallest read that returns the purchase count, and the remaining amount too when it
  /// sits close by in the same poll block; decode the reply with `decode(block: purchaseCountBlock, …)`.
  public var purchaseCountBlock: PollBlock {
    guard let count = field(.purchaseCount),
      let home = pollBlocks.first(where: { $0.contains(count.addresses) })
    else { return routineBlocks.first ?? pollBlocks.first ?? PollBlock(name: "none", start: 0, count: 1) }
    var span = count.addresses
    if let remaining = field(.remaining), home.contains(remaining.addresses) {
      let joined =
        min(
          span.lowerBound, remaining.addresses.lowerBound)..<max(
          span.upperBound, remaining.addresses.upperBound)
      if joined.count <= ModbusLimits.readRegisters.upperBound { span = joined }
    }
    return PollBlock(
      name: "purchase_count", function: home.function, start: UInt16(truncatingIfNeeded: span.lowerBound),
      count: UInt16(truncatingIfNeeded: span.count), routine: false)
  }

  /// The smallest read that returns the purchase count (see `purchaseCountBlock`).
  public var purchaseCountRequest: ModbusRequest { purchaseCountBlock.request }
}

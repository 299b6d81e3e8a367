import Domain
import ModbusCore

/// What batch jobs write and read back to verify: relay commands, the TOU table and settings.
extension MeterProfile {
  /// The command the profile carries out for `command`: the command itself when the profile defines
  /// it; for `.close` without a `[commands.close]` write, `.restorePrepay` (合闸 by going back to
  /// prepay: the relay closes when the balance allows). Nil when the profile can do neither.
  public func resolvedCommand(_ command: RemoteCommand) -> RemoteCommand? {
    if commands[command] != nil { return command }
    if command == .close, commands[.restorePrepay] != nil { return .restorePrepay }
    return nil
  }

  /// The register write of `command`, after `resolvedCommand`; nil when the profile cannot carry it out.
  public func commandWrite(_ command: RemoteCommand) -> CommandWrite? {
    resolvedCommand(command).flatMap { commands[$0] }
  }

  /// The FC03 read of exactly the registers `command` writes; compare the reply with `commandWrite(command)?.values`.
  public func commandReadBackRequest(_ command: RemoteCommand) -> ModbusRequest? {
    guard let write = commandWrite(command) else { return nil }
    return .readHoldingRegisters(address: write.register, count: UInt16(write.addresses.count))
  }

  /// True when registers read with `commandReadBackRequest(command)` hold what `command` writes.
  public func commandReadBackMatches(_ command: RemoteCommand, registers: [UInt16]) -> Bool {
    guard let write = commandWrite(command) else { return false }
    return Array(registers.prefix(write.addresses.count)) == Array(write.values.prefix(write.addresses.count))
  }

  /// The canonical value of every setting whose registers lie wholly inside `block`, from the block's registers.
  ///
  /// Use it on a read of the `prepaid` block after a price or settings download.
  public func decodeSettings(block: PollBlock, registers: [UInt16]) -> [SettingName: Int64] {
    let available = Int(block.start)..<Int(block.start) + min(Int(block.count), registers.count)
    var result: [SettingName: Int64] = [:]
    for (name, spec) in settings
    where spec.addresses.lowerBound >= available.lowerBound
      && spec.addresses.upperBound <= available.upperBound
    {
      let offset = spec.addresses.lowerBound - available.lowerBound
      if let value = spec.decode(registers[offset..<offset + spec.addresses.count]) { result[name] = value }
    }
    return result
  }

  /// The FC16 write(s) that put `schedule` in the meter's TOU table (usually one).
  public func timeOfUseRequests(_ schedule: TimeOfUseSchedule) throws(TimeOfUseTableError) -> [ModbusRequest]
  {
    guard let timeOfUse else { throw .noTable }
    return try timeOfUse.writeRequests(schedule)
  }

  /// The FC03 read(s) of the whole TOU table (usually one); empty without a table.
  public var timeOfUseReadRequests: [ModbusRequest] { timeOfUse?.readRequests ?? [] }

  /// The schedule held by the TOU table's registers, as read by `timeOfUseReadRequests` (replies joined in order).
  public func decodeTimeOfUse(_ registers: [UInt16]) throws(TimeOfUseTableError) -> TimeOfUseSchedule {
    guard let timeOfUse else { throw .noTable }
    return try timeOfUse.decode(registers)
  }
}

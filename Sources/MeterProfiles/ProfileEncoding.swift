extension MeterProfile {
  /// For the simulator: register contents of a block from values (registers without a field are 0; status word built from the flags via statusBits).
  ///
  /// A nil value encodes as 0, except the model code, which falls back to `identity.modelCode`.
  /// Bits of `rawStatus` the layout does not name are kept. Values beyond a type's range are clamped.
  public func encode(_ values: MeterValues, block: PollBlock) -> [UInt16] {
    var words = [UInt16](repeating: 0, count: Int(block.count))
    let start = Int(block.start)
    for (address, word) in fieldWords(values) where block.addresses.contains(address) {
      words[address - start] = word
    }
    return words
  }

  /// For the simulator: the 16-bit register map of a range [start, start+count) built from values,
  /// meter number (BCD at identity register) and settings.
  ///
  /// Returns nil when any register in the range is not implemented (i.e. outside every poll
  /// block, setting, identity, command, TOU table, recharge and result register) → the simulator
  /// answers illegal data address. `forceControl` holds the registers of the command area, from the
  /// lowest command register up, and `timeOfUse` those of the TOU table; settings not given, token
  /// registers and other registers read 0.
  public func registers(
    start: UInt16, count: UInt16, values: MeterValues, meterNumber: String,
    settings settingValues: [SettingName: Int64], forceControl: [UInt16], rechargeResult: UInt16,
    timeOfUse: [UInt16] = []
  ) -> [UInt16]? {
    let range = Int(start)..<Int(start) + Int(count)
    guard range.allSatisfy(isImplemented) else { return nil }
    var map = fieldWords(values)
    for (name, value) in settingValues {
      guard let spec = settings[name] else { continue }
      let words = RegisterCoding.encodeClamped(value, type: spec.type, order: spec.order, scale: spec.scale)
      place(words, at: spec.addresses.lowerBound, in: &map)
    }
    if let commandArea {
      place(Array(forceControl.prefix(commandArea.count)), at: commandArea.lowerBound, in: &map)
    }
    if let table = self.timeOfUse {
      place(Array(timeOfUse.prefix(table.addresses.count)), at: table.addresses.lowerBound, in: &map)
    }
    let number = Identity.registers(meterNumber: meterNumber) ?? [0, 0, 0]
    place(number, at: identity.meterNumberAddresses.lowerBound, in: &map)
    map[Int(recharge.resultRegister)] = rechargeResult
    return range.map { map[$0] ?? 0 }
  }

  /// True when the simulator should answer a read or write of `address`.
  public func isImplemented(_ address: Int) -> Bool {
    implementedRanges.contains { $0.contains(address) }
  }

  /// Every address range the profile names (the TOU table included).
  public var implementedRanges: [Range<Int>] {
    var ranges = pollBlocks.map(\.addresses) + settings.values.map(\.addresses)
    ranges.append(identity.meterNumberAddresses)
    ranges.append(contentsOf: commands.values.map(\.addresses))
    if let table = timeOfUse { ranges.append(table.addresses) }
    ranges.append(recharge.addresses)
    ranges.append(Int(recharge.resultRegister)..<Int(recharge.resultRegister) + 1)
    return ranges
  }

  /// The span from the lowest to the highest register any command writes; nil without commands.
  public var commandArea: Range<Int>? {
    let ranges = commands.values.map(\.addresses)
    guard let low = ranges.map(\.lowerBound).min(), let high = ranges.map(\.upperBound).max() else {
      return nil
    }
    return low..<high
  }

  /// Address → word for every field, from `values`.
  func fieldWords(_ values: MeterValues) -> [Int: UInt16] {
    var map: [Int: UInt16] = [:]
    for field in fields {
      let words: [UInt16]
      switch field.name {
      case .status:
        words = [statusBits.word(from: values, base: values.rawStatus ?? 0)]
      case .modelCode:
        words = field.encode(values.modelCode ?? identity.modelCode ?? 0)
      default:
        words = field.encode(values[field.name] ?? 0)
      }
      place(words, at: field.addresses.lowerBound, in: &map)
    }
    return map
  }

  private func place(_ words: [UInt16], at address: Int, in map: inout [Int: UInt16]) {
    for (offset, word) in words.enumerated() { map[address + offset] = word }
  }
}

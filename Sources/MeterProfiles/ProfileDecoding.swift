extension MeterProfile {
  /// The spec of a field; nil when the profile does not map it.
  public func field(_ name: FieldName) -> FieldSpec? {
    fields.first { $0.name == name }
  }

  /// Decodes one poll block's registers (count must equal block.count) into values; fields outside the block are left nil.
  public func decode(block: PollBlock, registers: [UInt16]) -> MeterValues {
    var values = MeterValues()
    decode(block: block, registers: registers, into: &values)
    return values
  }

  /// Decodes one poll block's registers into `values`, replacing only the fields inside the block.
  ///
  /// A field whose registers are not all present (a short reply) or not decodable (a bad
  /// BCD nibble) is left as it was. The status word also sets the flags through `statusBits`.
  public func decode(block: PollBlock, registers: [UInt16], into values: inout MeterValues) {
    let start = Int(block.start)
    let available = start..<start + min(Int(block.count), registers.count)
    for field in fields
    where field.addresses.lowerBound >= available.lowerBound
      && field.addresses.upperBound <= available.upperBound
    {
      let offset = field.addresses.lowerBound - start
      let slice = registers[offset..<offset + field.type.registerCount]
      if field.name == .status {
        guard let word = slice.first else { continue }
        statusBits.apply(word, to: &values)
      } else if let value = field.decode(slice) {
        values[field.name] = value
      }
    }
  }
}

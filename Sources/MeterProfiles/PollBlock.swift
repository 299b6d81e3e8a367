import ModbusCore

/// One register range a profile reads with a single FC03 or FC04 request.
public struct PollBlock: Sendable, Hashable {
  /// The block's name in the profile, e.g. "main".
  public var name: String
  /// `.readHoldingRegisters` (FC03) or `.readInputRegisters` (FC04).
  public var function: FunctionCode
  /// The first register address.
  public var start: UInt16
  /// The number of registers, 1...125.
  public var count: UInt16
  /// True when acquisition reads the block every routine sweep; false for blocks read on demand.
  public var routine: Bool

  /// Creates a block; routine unless told otherwise.
  public init(
    name: String, function: FunctionCode = .readHoldingRegisters, start: UInt16, count: UInt16,
    routine: Bool = true
  ) {
    self.name = name
    self.function = function
    self.start = start
    self.count = count
    self.routine = routine
  }

  /// The read request for the whole block (FC04 when `function` is `.readInputRegisters`, else FC03).
  public var request: ModbusRequest {
    function == .readInputRegisters
      ? .readInputRegisters(address: start, count: count)
      : .readHoldingRegisters(address: start, count: count)
  }

  /// The addresses the block covers, as integers so the range never overflows.
  public var addresses: Range<Int> { Int(start)..<Int(start) + Int(count) }

  /// True when every register of `range` lies inside the block.
  public func contains(_ range: Range<Int>) -> Bool {
    range.lowerBound >= addresses.lowerBound && range.upperBound <= addresses.upperBound
  }
}

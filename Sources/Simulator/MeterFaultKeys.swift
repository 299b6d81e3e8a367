import TOMLKit

extension MeterFault {
  /// The keys a `[meter."…"]` table of a fault file may hold.
  static let keys = ["silent", "slow_ms", "corrupt", "ignore_writes", "write_exception"]

  /// Sets the fault named by a fault-file key; returns what is wrong, nil when set.
  mutating func set(_ key: String, _ value: (any TOMLValueConvertible)?) -> String? {
    switch key {
    case "silent":
      guard let flag = value?.bool else { return "silent must be true or false" }
      silent = flag
    case "slow_ms":
      guard let ms = value?.int, (0...60_000).contains(ms) else {
        return "slow_ms must be a whole number of milliseconds, 0–60000"
      }
      slowMs = ms
    case "corrupt":
      guard let fraction = value?.double ?? value?.int.map(Double.init), (0...1).contains(fraction) else {
        return "corrupt must be a fraction from 0 to 1, e.g. 0.05"
      }
      corrupt = fraction
    case "ignore_writes":
      guard let flag = value?.bool else { return "ignore_writes must be true or false" }
      ignoreWrites = flag
    case "write_exception":
      guard let code = value?.int, let byte = UInt8(exactly: code), byte >= 1 else {
        return "write_exception must be a Modbus exception code 1–255, e.g. 3 (illegal data value)"
      }
      writeException = byte
    default:
      return "unknown key \"\(key)\" for a meter; expected \(Self.keys.joined(separator: ", "))"
    }
    return nil
  }
}

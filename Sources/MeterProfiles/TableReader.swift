import ModbusCore
import TOMLKit

/// Typed, checked reads of one TOML table; every failure is a `ProfileError` naming the key and line.
struct TableReader {
  let table: TOMLTable
  let path: TOMLKeyPath
  let file: String
  let locator: KeyLocator

  /// An error about `key` in this table (or the table itself when nil).
  func error(_ key: String?, _ message: String, index: Int? = nil) -> ProfileError {
    let target = key.map { path.appending($0, index: index) } ?? path
    return ProfileError(
      file: file, key: target.description, message: message, line: locator.line(of: target))
  }

  /// Throws for the first key (by line) that is not in `known`: usually a typo.
  func rejectUnknownKeys(_ known: [String]) throws(ProfileError) {
    let unknown = table.keys.filter { !known.contains($0) }
    let errors = unknown.map { key in
      error(key, "unknown key \"\(key)\"; expected one of \(known.joined(separator: ", "))")
    }
    if let first = errors.min(by: { ($0.line ?? .max, $0.key) < ($1.line ?? .max, $1.key) }) {
      throw first
    }
  }

  func has(_ key: String) -> Bool { table[key] != nil }

  func requiredTable(_ key: String) throws(ProfileError) -> TableReader {
    guard let reader = try optionalTable(key) else { throw error(key, "missing table") }
    return reader
  }

  func optionalTable(_ key: String) throws(ProfileError) -> TableReader? {
    guard let value = table[key] else { return nil }
    guard let child = value.table else { throw error(key, "must be a table, not \(value.type)") }
    return TableReader(table: child, path: path.appending(key), file: file, locator: locator)
  }

  /// The tables of an array of tables (`[[key]]`); empty when absent.
  func tableArray(_ key: String) throws(ProfileError) -> [TableReader] {
    guard let value = table[key] else { return [] }
    guard let array = value.array else { throw error(key, "must be an array of tables ([[\(key)]])") }
    var readers: [TableReader] = []
    for (index, element) in array.enumerated() {
      guard let child = element.table else {
        throw error(key, "must be an array of tables ([[\(key)]])", index: index)
      }
      readers.append(
        TableReader(table: child, path: path.appending(key, index: index), file: file, locator: locator))
    }
    return readers
  }

  func string(_ key: String) throws(ProfileError) -> String? {
    guard let value = table[key] else { return nil }
    guard let text = value.string else { throw error(key, "must be a string, not \(value.type)") }
    return text
  }

  func requiredString(_ key: String) throws(ProfileError) -> String {
    guard let text = try string(key) else { throw error(key, "missing") }
    guard !text.trimmingCharacters(in: " \t").isEmpty else { throw error(key, "is empty") }
    return text
  }

  func bool(_ key: String) throws(ProfileError) -> Bool? {
    guard let value = table[key] else { return nil }
    guard let flag = value.bool else { throw error(key, "must be true or false, not \(value.type)") }
    return flag
  }

  func int(_ key: String, in range: ClosedRange<Int>) throws(ProfileError) -> Int? {
    guard let value = table[key] else { return nil }
    guard let number = value.int else { throw error(key, "must be a whole number, not \(value.type)") }
    guard range.contains(number) else {
      throw error(key, "\(number) is outside \(range.lowerBound)...\(range.upperBound)")
    }
    return number
  }

  func requiredInt(_ key: String, in range: ClosedRange<Int>) throws(ProfileError) -> Int {
    guard let number = try int(key, in: range) else { throw error(key, "missing") }
    return number
  }

  /// A register address or word: an integer (TOML allows 0x0043) or a string "0x0043" / "67", 0...65535.
  func word(_ key: String) throws(ProfileError) -> UInt16? {
    guard let value = table[key] else { return nil }
    guard let word = Self.word(value) else {
      throw error(key, "\(Self.show(value)) is not a register number 0...65535 (e.g. 0x0043 or \"0x0043\")")
    }
    return word
  }

  func requiredWord(_ key: String) throws(ProfileError) -> UInt16 {
    guard let word = try word(key) else { throw error(key, "missing") }
    return word
  }

  /// An array of register words.
  func words(_ key: String) throws(ProfileError) -> [UInt16]? {
    guard let value = table[key] else { return nil }
    guard let array = value.array else { throw error(key, "must be an array of register values") }
    var words: [UInt16] = []
    for element in array {
      guard let word = Self.word(element) else {
        throw error(key, "\(Self.show(element)) is not a register value 0...65535")
      }
      words.append(word)
    }
    return words
  }

  /// An array of whole numbers within `range`; a single number is taken as a one-element array.
  func ints(_ key: String, in range: ClosedRange<Int>) throws(ProfileError) -> [Int]? {
    guard let value = table[key] else { return nil }
    if let single = value.int { return [try checked(single, key, range)] }
    guard let array = value.array else { throw error(key, "must be a whole number or an array of them") }
    var numbers: [Int] = []
    for element in array {
      guard let number = element.int else { throw error(key, "must hold only whole numbers") }
      numbers.append(try checked(number, key, range))
    }
    return numbers
  }

  func registerType(_ key: String) throws(ProfileError) -> RegisterType {
    let text = try requiredString(key)
    guard let type = RegisterType(rawValue: text) else {
      let names = RegisterType.allCases.map(\.rawValue).joined(separator: ", ")
      throw error(key, "\"\(text)\" is not one of \(names)")
    }
    return type
  }

  func wordOrder(_ key: String) throws(ProfileError) -> WordOrder {
    guard let text = try string(key) else { return .highFirst }
    guard let order = WordOrder(rawValue: text) else {
      throw error(key, "\"\(text)\" is not one of high-first, low-first")
    }
    return order
  }

  /// A scale "1", "10" or "1/10" (a bare integer is accepted too); 1 when absent.
  func scale(_ key: String) throws(ProfileError) -> Scale {
    guard let value = table[key] else { return .one }
    let text = value.int.map(String.init) ?? value.string
    guard let text, let scale = Scale.parse(text) else {
      throw error(
        key,
        "\(Self.show(value)) is not a scale like \"1\", \"10\" or \"1/10\" "
          + "(whole numbers 1...\(Scale.allowedFactors.upperBound))")
    }
    return scale
  }

  private func checked(_ number: Int, _ key: String, _ range: ClosedRange<Int>) throws(ProfileError) -> Int {
    guard range.contains(number) else {
      throw error(key, "\(number) is outside \(range.lowerBound)...\(range.upperBound)")
    }
    return number
  }

  private static func word(_ value: any TOMLValueConvertible) -> UInt16? {
    if let number = value.int { return UInt16(exactly: number) }
    guard let text = value.string?.trimmingCharacters(in: " \t") else { return nil }
    let lower = text.lowercased()
    if lower.hasPrefix("0x") {
      let digits = lower.dropFirst(2).filter { $0 != "_" }
      guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit) else { return nil }
      return UInt16(digits, radix: 16)
    }
    guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit) else { return nil }
    return UInt16(text)
  }

  private static func show(_ value: any TOMLValueConvertible) -> String {
    if let text = value.string { return "\"\(text)\"" }
    if let number = value.int { return String(number) }
    return "a \(value.type)"
  }
}

/// "0x0043" for messages.
func hex(_ address: Int) -> String {
  let digits = String(address, radix: 16, uppercase: true)
  return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// "0x0043" or "0x0043–0x0045" for messages.
func hexRange(_ range: Range<Int>) -> String {
  range.count <= 1 ? hex(range.lowerBound) : "\(hex(range.lowerBound))–\(hex(range.upperBound - 1))"
}

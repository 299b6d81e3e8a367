/// How lines end in the bytes sent to a printer.
public enum LineEnding: String, Sendable, CaseIterable {
  /// "\n" only: for files and printers that return the carriage on a line feed (most thermal printers).
  case lf
  /// "\r\n": dot-matrix printers in raw mode need the carriage return; thermal printers ignore it.
  case crlf

  /// `bytes` with every line feed not already preceded by a carriage return turned into CR LF.
  ///
  /// Safe on UTF-8 and GB18030 bytes alike: neither uses 0x0A or 0x0D inside a multibyte character.
  func apply(to bytes: [UInt8]) -> [UInt8] {
    guard self == .crlf else { return bytes }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + bytes.count / 16)
    var previous: UInt8 = 0
    for byte in bytes {
      if byte == 0x0A && previous != 0x0D { result.append(0x0D) }
      result.append(byte)
      previous = byte
    }
    return result
  }
}

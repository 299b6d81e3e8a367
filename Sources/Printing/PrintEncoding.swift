import Foundation

/// The character encoding of the bytes sent to a printer.
public enum PrintEncoding: String, Sendable, CaseIterable {
  /// UTF-8, for printers (and files) that take it.
  case utf8
  /// GB18030, which many Chinese receipt and dot-matrix printers expect; converted with iconv.
  case gb18030

  /// The name iconv knows the encoding by.
  var iconvName: String {
    switch self {
    case .utf8: "UTF-8"
    case .gb18030: "GB18030"
    }
  }

  /// `text` in this encoding.
  public func encode(_ text: String) throws(PrintError) -> [UInt8] {
    switch self {
    case .utf8: return Array(text.utf8)
    case .gb18030: return try Iconv.convert(Array(text.utf8), from: "UTF-8", to: iconvName)
    }
  }

  /// Text from bytes in this encoding; throws on bytes that are not valid in it.
  public func decode(_ bytes: [UInt8]) throws(PrintError) -> String {
    let utf8 = self == .utf8 ? bytes : try Iconv.convert(bytes, from: iconvName, to: "UTF-8")
    guard let text = String(bytes: utf8, encoding: .utf8) else {
      throw PrintError(message: "the bytes are not valid \(iconvName)")
    }
    return text
  }
}

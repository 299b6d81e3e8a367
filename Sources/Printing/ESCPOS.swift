/// The ESC/POS commands MeterDesk sends to receipt printers, and the job framing built from them.
public enum ESCPOS {
  /// ESC @: initialise the printer (clears modes left by an earlier job).
  public static let initialize: [UInt8] = [0x1B, 0x40]
  /// FS &: select Chinese (double-byte) character mode, so GB18030/GBK bytes print as Hanzi.
  public static let chineseMode: [UInt8] = [0x1C, 0x26]
  /// GS V 66 0: feed the paper to the cutting position and cut (function B, partial cut).
  public static let feedAndCut: [UInt8] = [0x1D, 0x56, 0x42, 0x00]

  /// One print job: ESC @, FS & when the text is GB18030, then each copy's text followed by a
  /// feed-and-cut, so the copies (存根联, 客户联, 记账联) come out as separate slips.
  ///
  /// The copies are fixed-width text lines ending in "\n"; control characters in them other than line
  /// feeds are dropped, so no value on a receipt can become a printer command.
  public static func job(copies: [String], encoding: PrintEncoding, lineEnding: LineEnding = .lf)
    throws(PrintError) -> [UInt8]
  {
    var bytes = initialize
    if encoding == .gb18030 { bytes += chineseMode }
    for copy in copies {
      let clean = String(copy.unicodeScalars.filter { $0 == "\n" || $0.value >= 0x20 && $0.value != 0x7F })
      bytes += lineEnding.apply(to: try encoding.encode(clean))
      bytes += feedAndCut
    }
    return bytes
  }
}

/// Serial-line timing for Modbus RTU, where a character is 11 bits on the wire.
///
/// The 11 bits are start, 8 data, parity (or a second stop bit) and stop. All results are whole microseconds, rounded to nearest. A baud rate below 1 is
/// treated as 1 so the functions never trap.
public enum WireTiming {
  /// Bits per RTU character on the wire.
  public static let bitsPerCharacter = 11
  /// The fixed t3.5 silent interval the specification recommends above 19200 baud.
  public static let fixedSilenceMicros = 1750
  /// The fixed t1.5 inter-character limit the specification recommends above 19200 baud.
  public static let fixedInterCharacterMicros = 750

  /// The time one character takes at `baud` (9600 baud: 1146 µs).
  public static func characterTimeMicros(baud: Int) -> Int {
    wireMicros(bytes: 1, baud: baud)
  }

  /// The time `bytes` characters take back to back at `baud`, rounded once.
  public static func wireMicros(bytes: Int, baud: Int) -> Int {
    roundedDivide(bytes * bitsPerCharacter * 1_000_000, by: max(baud, 1))
  }

  /// The t3.5 silent interval that separates frames (9600 baud: 4010 µs; above 19200: 1750 µs).
  public static func silenceMicros(baud: Int) -> Int {
    guard baud <= 19200 else { return fixedSilenceMicros }
    return roundedDivide(7 * bitsPerCharacter * 1_000_000, by: 2 * max(baud, 1))
  }

  /// The t1.5 limit between characters inside one frame (above 19200: 750 µs).
  public static func interCharacterMicros(baud: Int) -> Int {
    guard baud <= 19200 else { return fixedInterCharacterMicros }
    return roundedDivide(3 * bitsPerCharacter * 1_000_000, by: 2 * max(baud, 1))
  }

  /// The wire time of a request and its response, characters only
  /// (FC 03 of 48 registers at 9600 baud: 8 + 101 bytes ≈ 125 ms).
  public static func transactionMicros(requestBytes: Int, responseBytes: Int, baud: Int) -> Int {
    wireMicros(bytes: requestBytes + responseBytes, baud: baud)
  }

  /// One full bus cycle: both frames, the server's turnaround, and a t3.5 silence after each frame.
  public static func cycleMicros(
    requestBytes: Int, responseBytes: Int, baud: Int, turnaroundMicros: Int
  ) -> Int {
    transactionMicros(requestBytes: requestBytes, responseBytes: responseBytes, baud: baud)
      + 2 * silenceMicros(baud: baud) + turnaroundMicros
  }

  /// Integer division rounded half up, for non-negative operands.
  static func roundedDivide(_ numerator: Int, by denominator: Int) -> Int {
    (numerator + denominator / 2) / denominator
  }
}

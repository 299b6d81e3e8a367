/// The parity bit of a serial line: none, even or odd (always 8 data bits and 1 stop bit).
public enum SerialParity: String, Sendable, Hashable, CaseIterable {
  /// No parity bit (8N1).
  case none = "N"
  /// Even parity (8E1).
  case even = "E"
  /// Odd parity (8O1).
  case odd = "O"
}

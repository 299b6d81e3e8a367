import TerminalUI

/// Allocates curses colour pairs lazily, one per (foreground, background) combination.
public struct ColorPairTable: Sendable {
  /// Pairs available (pair 0 is the terminal default and never allocated).
  public let maxPairs: Int
  private var numbers: [PairKey: Int16] = [:]

  private struct PairKey: Hashable {
    var foreground: TerminalColor
    var background: TerminalColor
  }

  /// A table for a terminal offering `maxPairs` pairs.
  public init(maxPairs: Int) {
    self.maxPairs = maxPairs
  }

  /// The pair for the colours and whether it was just allocated (the caller then calls
  /// `init_pair`); default/default is pair 0; when pairs run out, pair 0.
  public mutating func pair(foreground: TerminalColor, background: TerminalColor) -> (
    number: Int16, isNew: Bool
  ) {
    if foreground == .default && background == .default { return (0, false) }
    let key = PairKey(foreground: foreground, background: background)
    if let number = numbers[key] { return (number, false) }
    let next = numbers.count + 1
    guard next < maxPairs else { return (0, false) }
    let number = Int16(next)
    numbers[key] = number
    return (number, true)
  }

  /// The curses colour number: -1 for the terminal default (with `use_default_colors`).
  public static func cursesColor(_ color: TerminalColor) -> Int16 {
    switch color {
    case .default: -1
    case .indexed(let index): Int16(index)
    }
  }
}

/// How much of a row or column split one part takes.
public enum LayoutConstraint: Sendable, Hashable {
  /// Exactly this many cells (less when space runs out).
  case fixed(Int)
  /// This percentage of the whole.
  case percent(Int)
  /// An equal share of what is left after fixed and percent parts.
  case fill
}

extension Rect {
  /// Splits the rectangle top to bottom by `constraints`.
  public func rows(_ constraints: [LayoutConstraint]) -> [Rect] {
    Rect.sizes(constraints, total: height).map { part in
      Rect(x: x, y: y + part.start, width: width, height: part.length)
    }
  }

  /// Splits the rectangle left to right by `constraints`.
  public func columns(_ constraints: [LayoutConstraint]) -> [Rect] {
    Rect.sizes(constraints, total: width).map { part in
      Rect(x: x + part.start, y: y, width: part.length, height: height)
    }
  }

  private static func sizes(_ constraints: [LayoutConstraint], total: Int) -> [(
    start: Int, length: Int
  )] {
    var lengths = [Int](repeating: 0, count: constraints.count)
    var remaining = max(0, total)
    var fills: [Int] = []
    for (index, constraint) in constraints.enumerated() {
      switch constraint {
      case .fixed(let n):
        lengths[index] = min(max(0, n), remaining)
        remaining -= lengths[index]
      case .percent(let p):
        lengths[index] = min(max(0, total * p / 100), remaining)
        remaining -= lengths[index]
      case .fill:
        fills.append(index)
      }
    }
    if !fills.isEmpty {
      let share = remaining / fills.count
      var extra = remaining - share * fills.count
      for index in fills {
        lengths[index] = share + (extra > 0 ? 1 : 0)
        extra -= 1
      }
    }
    var start = 0
    return lengths.map { length in
      defer { start += length }
      return (start, length)
    }
  }
}

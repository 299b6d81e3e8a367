import Domain
import Testing

/// numerator, denominator, expected quotient.
let halfUpCases: [(Int64, Int64, Int64)] = [
  (0, 1, 0),
  (7, 1, 7),
  (5, 2, 3),
  (-5, 2, -3),
  (4, 3, 1),
  (5, 3, 2),
  (-4, 3, -1),
  (-5, 3, -2),
  (14, 10, 1),
  (15, 10, 2),
  (-14, 10, -1),
  (-15, 10, -2),
  (4_999, 10_000, 0),
  (5_000, 10_000, 1),
  (-5_000, 10_000, -1),
  (9_999, 10_000, 1),
  (Int64.max, 1, Int64.max),
  (Int64.min, 1, Int64.min),
  (Int64.max, 2, 4_611_686_018_427_387_904),
  (Int64.min, 2, -4_611_686_018_427_387_904),
  (Int64.max, Int64.max, 1),
  (Int64.min + 1, Int64.max, -1),
  (4_611_686_018_427_387_904, Int64.max, 1),
  (4_611_686_018_427_387_903, Int64.max, 0),
  (-4_611_686_018_427_387_904, Int64.max, -1),
  (1, Int64.max, 0),
]

@Suite struct RoundingTests {
  @Test(arguments: halfUpCases)
  func divideHalfUp(numerator: Int64, denominator: Int64, expected: Int64) {
    #expect(Rounding.divideHalfUp(numerator, by: denominator) == expected)
  }

  @Test(arguments: Array(Int64(-50)...50))
  func negativesAreSymmetric(numerator: Int64) {
    #expect(Rounding.divideHalfUp(-numerator, by: 4) == -Rounding.divideHalfUp(numerator, by: 4))
  }
}

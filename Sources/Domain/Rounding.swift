/// The single place where MeterDesk rounds: integer division rounded half-up.
public enum Rounding {
  /// Returns `numerator / denominator` rounded half-up (a tie goes away from zero, symmetric for negatives).
  ///
  /// `divideHalfUp(5, by: 2) == 3`, `divideHalfUp(-5, by: 2) == -3`, `divideHalfUp(4, by: 3) == 1`.
  /// The computation never overflows for any `numerator` and any `denominator > 0`.
  /// - Precondition: `denominator > 0`.
  public static func divideHalfUp(_ numerator: Int64, by denominator: Int64) -> Int64 {
    precondition(denominator > 0, "Rounding.divideHalfUp needs a positive denominator")
    let quotient = numerator / denominator
    let remainder = numerator % denominator  // same sign as numerator, |remainder| < denominator
    let magnitude = remainder.magnitude
    // Round away from zero when 2·|remainder| ≥ denominator, written so it cannot overflow.
    guard magnitude >= denominator.magnitude - magnitude else { return quotient }
    return numerator < 0 ? quotient - 1 : quotient + 1
  }
}

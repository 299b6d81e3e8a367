/// Reproducible pseudo-random numbers keyed by a meter number and a time index, so runs repeat exactly.
enum DeterministicNoise {
  /// A 64-bit seed from text (FNV-1a, then mixed).
  static func seed(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return mix(hash)
  }

  /// The SplitMix64 finaliser: a well-spread 64-bit value from any input.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// A value in [0, 1) for `seed` and `index`.
  static func unit(_ seed: UInt64, _ index: Int64) -> Double {
    let bits = mix(seed ^ mix(UInt64(bitPattern: index)))
    return Double(bits >> 11) / Double(UInt64(1) << 53)
  }

  /// A value in [-1, 1) for `seed` and `index`.
  static func signed(_ seed: UInt64, _ index: Int64) -> Double {
    unit(seed, index) * 2 - 1
  }

  /// An integer in `range` for `seed` and `index`.
  static func integer(_ seed: UInt64, _ index: Int64, in range: ClosedRange<Int64>) -> Int64 {
    let span = Double(range.upperBound - range.lowerBound + 1)
    return range.lowerBound + min(Int64(unit(seed, index) * span), range.upperBound - range.lowerBound)
  }
}

/// A small seeded generator for fault decisions (corrupt answers), one per bus.
struct SplitMixGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Starts from `seed`.
  init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    return DeterministicNoise.mix(state &- 0x9e37_79b9_7f4a_7c15)
  }
}

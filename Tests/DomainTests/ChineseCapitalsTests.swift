import Domain
import Testing

@Suite struct ChineseCapitalsTests {
  @Test(arguments: [
    (Int64(0), "零元整"),
    (10_000, "壹佰元整"),
    (101_050, "壹仟零壹拾元伍角"),
    (10_000_007, "壹拾万元零柒分"),
    (5, "伍分"),
    (50, "伍角"),
    (55, "伍角伍分"),
    (105, "壹元零伍分"),
    (1_050, "壹拾元伍角"),
    (10_001_000_000, "壹亿零壹万元整"),
    (100_000_000, "壹佰万元整"),
    (1_000_001, "壹万元零壹分"),
    (12_345_678_912, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"),
    (100, "壹元整"),
    (1_000, "壹拾元整"),
    (1_100, "壹拾壹元整"),
    (2_000, "贰拾元整"),
    (10_500, "壹佰零伍元整"),
    (100_100, "壹仟零壹元整"),
    (60_708, "陆佰零柒元零捌分"),
    (90_090, "玖佰元玖角"),
    (1_000_000, "壹万元整"),
    (1_001_000, "壹万零壹拾元整"),
    (1_010_000, "壹万零壹佰元整"),
    (10_000_100, "壹拾万零壹元整"),
    (11_000_000_000, "壹亿壹仟万元整"),
    (10_000_000_100, "壹亿零壹元整"),
    (10_000_100_000, "壹亿零壹仟元整"),
    (100_000_000_000, "壹拾亿元整"),
    (100_000_000_000_000, "壹万亿元整"),
    (100_010_000_000_000, "壹万亿零壹亿元整"),
    (98_765_432_10, "玖仟捌佰柒拾陆万伍仟肆佰叁拾贰元壹角"),
    (-500, "负伍元整"),
    (-5, "负伍分"),
    (-12, "负壹角贰分"),
    (-101_050, "负壹仟零壹拾元伍角"),
    (
      Int64.max,
      "玖亿亿贰仟贰佰叁拾叁万亿柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分"
    ),
    (
      Int64.min,
      "负玖亿亿贰仟贰佰叁拾叁万亿柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分"
    ),
  ])
  func amount(fen: Int64, capitals: String) {
    #expect(ChineseCapitals.amount(Money(fen: fen)) == capitals)
  }

  @Test(arguments: Array(stride(from: Int64(1), through: 99_999_999, by: 1_234_567)))
  func negativeIsPositiveWithPrefix(fen: Int64) {
    #expect(ChineseCapitals.amount(Money(fen: -fen)) == "负" + ChineseCapitals.amount(Money(fen: fen)))
  }

  @Test(arguments: Array(stride(from: Int64(1), through: 9_999_999_999, by: 7_654_321)))
  func neverTwoZerosInARowNorTrailingZero(fen: Int64) {
    let text = ChineseCapitals.amount(Money(fen: fen))
    #expect(!text.contains("零零"))
    #expect(!text.contains("零元"))
    #expect(!text.hasPrefix("零"))
    #expect(text.hasSuffix("整") || text.hasSuffix("角") || text.hasSuffix("分"))
  }
}

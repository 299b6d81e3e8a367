import Testing

@testable import MeterProfiles

@Suite struct ScaleTests {
  @Test(arguments: [
    ("1", Scale(numerator: 1, denominator: 1)), ("10", Scale(numerator: 10)),
    ("1/10", Scale(numerator: 1, denominator: 10)), (" 100 ", Scale(numerator: 100)),
    ("3/4", Scale(numerator: 3, denominator: 4)),
  ])
  func parsesGoodText(text: String, scale: Scale) {
    #expect(Scale.parse(text) == scale)
  }

  @Test(arguments: ["", "0", "1/0", "-1", "1.5", "1/2/3", "x", "/10", "10/", "2000000", "+1"])
  func refusesBadText(text: String) {
    #expect(Scale.parse(text) == nil)
  }

  @Test func appliesAndInvertsHalfUp() {
    let tenth = Scale(numerator: 1, denominator: 10)
    #expect(tenth.apply(2_205) == 221)
    #expect(tenth.apply(2_204) == 220)
    #expect(tenth.apply(-2_205) == -221)
    #expect(tenth.inverse(221) == 2_210)
    let hundred = Scale(numerator: 100)
    #expect(hundred.apply(135) == 13_500)
    #expect(hundred.inverse(13_500) == 135)
    #expect(hundred.inverse(13_550) == 136)
    #expect(hundred.inverse(13_549) == 135)
    #expect(hundred.inverse(-13_550) == -136)
    #expect(hundred.apply(Int64.max) == Int64.max)
    #expect(Scale(numerator: 1, denominator: 1000).apply(Double(1.5)) == 0)
    #expect(Scale(numerator: 1000).apply(Double(1.2345)) == 1_235)
    #expect(Scale.one.apply(Double.nan) == nil)
    #expect(tenth.description == "1/10" && hundred.description == "100")
  }

  @Test func f32FieldRoundTrips() {
    let field = FieldSpec(name: .voltage, register: 0, type: .f32, scale: Scale(numerator: 10))
    let words = field.encode(2_305)  // 230.5 V as a float in V
    #expect(field.decode(words[...]) == 2_305)
  }

  @Test func bcdFieldRoundTrips() {
    let field = FieldSpec(name: .purchaseCount, register: 0, type: .bcd16)
    #expect(field.encode(1_234) == [0x1234])
    #expect(field.decode([0x0042]) == 42)
    #expect(field.decode([0x00A1]) == nil)
  }
}

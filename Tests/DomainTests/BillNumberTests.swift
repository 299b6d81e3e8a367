import Domain
import Foundation
import Testing

@Suite struct BillNumberTests {
  @Test(arguments: [
    (Int64(42), "00000042"), (0, "00000000"), (1, "00000001"), (12_345_678, "12345678"),
    (123_456_789, "123456789"),
  ])
  func zeroPaddedToEightDigits(value: Int64, text: String) {
    #expect(BillNumber(value).description == text)
  }

  @Test(arguments: [
    ("00000042", Int64?(42)), ("42", 42), (" 7 ", 7), ("0", 0), ("9223372036854775807", Int64.max),
    ("", nil), ("-1", nil), ("+1", nil), ("4 2", nil), ("abc", nil), ("1.0", nil),
    ("9223372036854775808", nil), ("４２", nil),
  ])
  func parsesDigits(text: String, value: Int64?) {
    #expect(BillNumber(text)?.value == value)
  }

  @Test(arguments: [
    (Int64(42), UInt32(42)), (0x1_0000_0005, 5), (4_294_967_296, 0), (4_294_967_295, .max), (Int64.max, .max),
  ])
  func low32(value: Int64, low: UInt32) {
    #expect(BillNumber(value).low32 == low)
  }

  @Test func ordering() {
    #expect(BillNumber(9) < BillNumber(10))
    #expect([BillNumber(3), BillNumber(1), BillNumber(2)].sorted().map(\.value) == [1, 2, 3])
  }

  @Test func codableAsInteger() throws {
    let json = try JSONEncoder().encode([BillNumber(42)])
    #expect(String(decoding: json, as: UTF8.self) == "[42]")
    #expect(try JSONDecoder().decode([BillNumber].self, from: json) == [BillNumber(42)])
  }

  @Test func sequenceStartsAtOne() {
    var sequence = BillNumberSequence(last: nil)
    #expect(sequence.last == nil)
    #expect(sequence.next() == BillNumber(1))
    #expect(sequence.next() == BillNumber(2))
    #expect(sequence.last == BillNumber(2))
  }

  @Test func sequenceContinuesAfterLast() {
    var sequence = BillNumberSequence(last: BillNumber(41))
    #expect(sequence.next().description == "00000042")
    #expect(sequence.next().description == "00000043")
  }
}

import Domain
import Foundation
import Testing

@Suite struct LedgerEntryTests {
  @Test func reversesDefaultsToNil() {
    let entry = LedgerEntry(bill: BillNumber(1), kind: .sale, meter: "M1", account: "A1", amount: .yuan(100))
    #expect(entry.reverses == nil)
    #expect(entry.amount == .yuan(100))
    #expect(
      entry.meter == "M1" && entry.account == "A1" && entry.kind == .sale && entry.bill == BillNumber(1))
  }

  @Test func codableRoundTrip() throws {
    let entry = LedgerEntry(
      bill: BillNumber(7), kind: .reversal, meter: "M1", account: "A1", amount: .yuan(-5),
      reverses: BillNumber(3))
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = try encoder.encode(entry)
    #expect(
      String(decoding: json, as: UTF8.self)
        == #"{"account":"A1","amount":"-5.00","bill":7,"kind":"reversal","meter":"M1","reverses":3}"#)
    #expect(try JSONDecoder().decode(LedgerEntry.self, from: json) == entry)
  }
}

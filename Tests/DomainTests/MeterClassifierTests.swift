import Domain
import Testing

/// One row: opened, online, remaining fen (nil = never read), bits "1" alarm 1, "2" alarm 2, "A" arrears.
/// Alarm amounts are 20.00 (alarm 1) and 10.00 (alarm 2).
struct ClassifierRow: Sendable, CustomTestStringConvertible {
  var opened: Bool
  var online: Bool
  var remainingFen: Int64?
  var bits: String
  var expected: MeterStatus

  var testDescription: String {
    "opened \(opened) online \(online) remaining \(remainingFen.map(String.init) ?? "nil") bits \(bits)"
  }

  var observation: MeterObservation {
    MeterObservation(
      opened: opened, online: online, remaining: remainingFen.map { Money(fen: $0) },
      alarm1Amount: .yuan(20), alarm2Amount: .yuan(10),
      meterAlarm1Bit: bits.contains("1"), meterAlarm2Bit: bits.contains("2"),
      meterArrearsBit: bits.contains("A"))
  }
}

let classifierRows: [ClassifierRow] = [
  ClassifierRow(opened: false, online: false, remainingFen: nil, bits: "", expected: .unopened),
  ClassifierRow(opened: false, online: true, remainingFen: 0, bits: "A", expected: .unopened),
  ClassifierRow(opened: true, online: false, remainingFen: nil, bits: "", expected: .offline),
  ClassifierRow(opened: true, online: false, remainingFen: -500, bits: "A", expected: .offline),
  ClassifierRow(opened: true, online: true, remainingFen: nil, bits: "", expected: .normal),
  ClassifierRow(opened: true, online: true, remainingFen: nil, bits: "A", expected: .arrears),
  ClassifierRow(opened: true, online: true, remainingFen: nil, bits: "2", expected: .alarm2),
  ClassifierRow(opened: true, online: true, remainingFen: nil, bits: "1", expected: .alarm1),
  ClassifierRow(opened: true, online: true, remainingFen: 0, bits: "", expected: .arrears),
  ClassifierRow(opened: true, online: true, remainingFen: -1, bits: "", expected: .arrears),
  ClassifierRow(opened: true, online: true, remainingFen: 1, bits: "", expected: .alarm2),
  ClassifierRow(opened: true, online: true, remainingFen: 1_000, bits: "", expected: .alarm2),
  ClassifierRow(opened: true, online: true, remainingFen: 1_001, bits: "", expected: .alarm1),
  ClassifierRow(opened: true, online: true, remainingFen: 2_000, bits: "", expected: .alarm1),
  ClassifierRow(opened: true, online: true, remainingFen: 2_001, bits: "", expected: .normal),
  ClassifierRow(opened: true, online: true, remainingFen: 10_000, bits: "1", expected: .alarm1),
  ClassifierRow(opened: true, online: true, remainingFen: 10_000, bits: "12", expected: .alarm2),
  ClassifierRow(opened: true, online: true, remainingFen: 10_000, bits: "12A", expected: .arrears),
  ClassifierRow(opened: true, online: true, remainingFen: 500, bits: "A", expected: .arrears),
  ClassifierRow(opened: true, online: true, remainingFen: 1_500, bits: "2", expected: .alarm2),
]

@Suite struct MeterClassifierTests {
  @Test(arguments: classifierRows)
  func classify(row: ClassifierRow) {
    #expect(MeterClassifier.classify(row.observation) == row.expected)
  }

  @Test func zeroAlarmAmountsOnlyAlarmOnArrears() {
    let healthy = MeterObservation(opened: true, online: true, remaining: Money(fen: 1))
    #expect(MeterClassifier.classify(healthy) == .normal)
    let empty = MeterObservation(opened: true, online: true, remaining: .zero)
    #expect(MeterClassifier.classify(empty) == .arrears)
  }
}

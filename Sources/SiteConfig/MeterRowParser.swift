import Domain

/// Parses `meters.csv` rows into meter definitions, one issue per bad cell.
enum MeterRowParser {
  static let columns = [
    "meter", "bus", "address", "profile", "building", "floor", "shop", "circuit", "ct_ratio",
    "alarm1", "alarm2", "power_threshold_w", "tariff", "keep_power", "disabled",
    "auto_sms",
  ]
  static let required = ["meter", "bus", "address", "profile", "building"]

  static func parse(_ text: String, issues: inout IssueCollector) -> [MeterDefinition] {
    let table = CSVTable.parse(text, required: required, issues: &issues)
    var meters: [MeterDefinition] = []
    for row in table.rows {
      let before = issues.issues.count
      let number = row["meter"]
      if !MeterNumber.isValid(number) {
        issues.add("meter number \"\(number)\" must be 12 digits", line: row.line)
      }
      for column in required where row[column].isEmpty && column != "meter" {
        issues.add("meter \(number): \(column) is empty", line: row.line)
      }
      let address = Int(row["address"])
      if !row["address"].isEmpty, address.map({ !(1...247).contains($0) }) ?? true {
        issues.add(
          "meter \(number): address \"\(row["address"])\" is outside 1–247", line: row.line)
      }
      let ctRatio = row["ct_ratio"].isEmpty ? 1 : Int(row["ct_ratio"])
      if ctRatio.map({ !(1...10_000).contains($0) }) ?? true {
        issues.add("meter \(number): ct_ratio \"\(row["ct_ratio"])\" is not 1–10000", line: row.line)
      }
      let alarm1 = optionalMoney(row, "alarm1", number, &issues)
      let alarm2 = optionalMoney(row, "alarm2", number, &issues)
      var power: Int?
      if !row["power_threshold_w"].isEmpty {
        power = Int(row["power_threshold_w"])
        if power.map({ !(100...1_000_000).contains($0) }) ?? true {
          issues.add(
            "meter \(number): power_threshold_w \"\(row["power_threshold_w"])\" is not 100–1000000",
            line: row.line)
        }
      }
      let keepPower = flag(row, "keep_power", number, &issues)
      let disabled = flag(row, "disabled", number, &issues)
      let autoSms = row["auto_sms"].isEmpty ? true : flag(row, "auto_sms", number, &issues)
      guard issues.issues.count == before, let address, let ctRatio else { continue }
      meters.append(
        MeterDefinition(
          number: number, bus: row["bus"], address: address, profile: row["profile"],
          building: row["building"], floor: row["floor"], shop: row["shop"],
          circuit: row["circuit"], ctRatio: ctRatio, alarm1: alarm1, alarm2: alarm2,
          powerThresholdW: power, tariff: row["tariff"].isEmpty ? nil : row["tariff"],
          keepPower: keepPower, disabled: disabled, autoSms: autoSms, line: row.line))
    }
    return meters
  }

  private static func optionalMoney(
    _ row: CSVTable.Row, _ column: String, _ meter: String, _ issues: inout IssueCollector
  ) -> Money? {
    let text = row[column]
    guard !text.isEmpty else { return nil }
    switch Money.parse(text, requirePositive: true) {
    case .success(let money): return money
    case .failure(let error):
      issues.add("meter \(meter): \(column) \"\(text)\": \(error)", line: row.line)
      return nil
    }
  }

  private static func flag(
    _ row: CSVTable.Row, _ column: String, _ meter: String, _ issues: inout IssueCollector
  ) -> Bool {
    switch row[column].lowercased() {
    case "", "0", "no", "false": return false
    case "1", "yes", "true": return true
    default:
      issues.add("meter \(meter): \(column) \"\(row[column])\" is not 0 or 1", line: row.line)
      return false
    }
  }
}

/// Rules for meter numbers (表号).
public enum MeterNumber {
  /// True for exactly 12 ASCII digits, the 6-byte BCD number meters carry.
  public static func isValid(_ text: String) -> Bool {
    text.utf8.count == 12 && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
  }
}

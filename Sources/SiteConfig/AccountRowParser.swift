/// Parses `accounts.csv` rows into account definitions.
enum AccountRowParser {
  static let required = ["account", "tenant", "phone", "shop", "meters"]

  static func parse(_ text: String, issues: inout IssueCollector) -> [AccountDefinition] {
    let table = CSVTable.parse(text, required: required, issues: &issues)
    var accounts: [AccountDefinition] = []
    for row in table.rows {
      let before = issues.issues.count
      let id = row["account"]
      for column in ["account", "tenant", "meters"] where row[column].isEmpty {
        issues.add("account \(id): \(column) is empty", line: row.line)
      }
      let phone = row["phone"]
      if !phone.isEmpty, !phone.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }) {
        issues.add("account \(id): phone \"\(phone)\" is not a phone number", line: row.line)
      }
      let meters = row["meters"].split(separator: ";").map { String($0).trimmingSpaces() }
        .filter { !$0.isEmpty }
      for meter in meters where !MeterNumber.isValid(meter) {
        issues.add("account \(id): meter number \"\(meter)\" must be 12 digits", line: row.line)
      }
      let opened = row["opened_at"]
      if !opened.isEmpty, !isISODate(opened) {
        issues.add("account \(id): opened_at \"\(opened)\" is not YYYY-MM-DD", line: row.line)
      }
      guard issues.issues.count == before else { continue }
      accounts.append(
        AccountDefinition(
          id: id, tenant: row["tenant"], phone: phone, shop: row["shop"], meters: meters,
          openedOn: opened, line: row.line))
    }
    return accounts
  }

  static func isISODate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return false }
    return (2000...2100).contains(year) && (1...12).contains(month) && (1...31).contains(day)
  }
}

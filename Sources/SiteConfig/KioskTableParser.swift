import TOMLKit

/// The tenant query machine's settings (`[kiosk]` in site.toml).
public struct KioskDefinition: Sendable, Hashable {
  /// How to top up, shown to tenants (`top_up`): where the front desk is, its hours, payment methods.
  public var topUp = ""

  /// No kiosk settings: what a site without `[kiosk]` gets.
  public init() {}
}

/// Reads the optional `[kiosk]` table of a site file.
struct KioskTableParser {
  /// The whole site file.
  let table: TOMLTable
  /// Finds the lines of keys for `file:line` errors.
  let locator: TOMLLocator

  func parse(issues: inout IssueCollector) -> KioskDefinition {
    var kiosk = KioskDefinition()
    guard let value = table["kiosk"] else { return kiosk }
    let line = locator.table("kiosk")
    guard let inner = value.table else {
      issues.add("\"kiosk\" must be a table ([kiosk])", line: line)
      return kiosk
    }
    let fields = TOMLFields(table: inner, tableLine: line, locator: locator, context: "[kiosk]")
    fields.rejectUnknownKeys(["top_up"], issues: &issues)
    kiosk.topUp = fields.string("top_up", required: false, issues: &issues) ?? ""
    if kiosk.topUp.count > 400 {
      issues.add("[kiosk]: top_up must be at most 400 characters", line: fields.line("top_up"))
    }
    return kiosk
  }
}

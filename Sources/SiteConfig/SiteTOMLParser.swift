import Domain
import TOMLKit

/// The parts of `site.toml`, before the CSV files are read.
struct ParsedSiteFile {
  var definition: SiteDefinition
  var metersFile: String?
  var accountsFile: String?
  var metersPath: String?
  var accountsPath: String?
}

/// Turns the TOML tree of a site file into definitions, noting each bad value with its line.
struct SiteTOMLParser {
  let table: TOMLTable
  let locator: TOMLLocator

  func parse(issues: inout IssueCollector) -> ParsedSiteFile {
    var definition = SiteDefinition(
      name: "", code: "", timeZone: "", defaults: SiteDefaults(), tariffs: [], buildings: [],
      gateways: [], buses: [], meters: [], accounts: [])
    var result = ParsedSiteFile(definition: definition)
    for key in table.keys
    where !["site", "defaults", "tariffs", "buildings", "gateways", "buses", "printer", "sms", "kiosk"]
      .contains(key)
    {
      issues.add("unknown top-level key \"\(key)\"", line: locator.key(key, inTableAt: nil))
    }

    if let site = section("site", issues: &issues) {
      site.rejectUnknownKeys(["name", "code", "time_zone", "meters", "accounts"], issues: &issues)
      definition.name = site.string("name", issues: &issues) ?? ""
      definition.code = site.string("code", issues: &issues) ?? ""
      definition.timeZone = site.string("time_zone", issues: &issues) ?? ""
      result.metersFile = site.string("meters", issues: &issues)
      result.accountsFile = site.string("accounts", required: false, issues: &issues)
    }
    if let defaults = section("defaults", issues: &issues) {
      definition.defaults = parseDefaults(defaults, issues: &issues)
    }
    definition.tariffs = parseTariffs(issues: &issues)
    definition.buildings = arrayTables("buildings", issues: &issues).map { fields in
      fields.rejectUnknownKeys(["code", "name"], issues: &issues)
      return BuildingDefinition(
        code: fields.string("code", issues: &issues) ?? "",
        name: fields.string("name", issues: &issues) ?? "", line: fields.tableLine)
    }
    definition.gateways = arrayTables("gateways", required: false, issues: &issues).map { fields in
      fields.rejectUnknownKeys(["name", "building", "model", "address"], issues: &issues)
      return GatewayDefinition(
        name: fields.string("name", issues: &issues) ?? "",
        building: fields.string("building", issues: &issues) ?? "",
        model: fields.string("model", required: false, issues: &issues) ?? "",
        address: fields.string("address", required: false, issues: &issues) ?? "",
        line: fields.tableLine)
    }
    definition.buses = arrayTables("buses", issues: &issues).compactMap { parseBus($0, issues: &issues) }
    definition.printer = PrinterTableParser(table: table, locator: locator)
      .parse(oldQueue: definition.defaults.receiptQueue, oldQueueLine: oldQueueLine, issues: &issues)
    definition.defaults.receiptQueue = definition.printer.queue
    definition.sms = SmsTableParser(table: table, locator: locator).parse(issues: &issues)
    definition.kiosk = KioskTableParser(table: table, locator: locator).parse(issues: &issues)
    result.definition = definition
    return result
  }

  /// The line of `[defaults] receipt_queue`, for the printer table's errors.
  private var oldQueueLine: Int? { locator.key("receipt_queue", inTableAt: locator.table("defaults")) }

  private func section(_ name: String, issues: inout IssueCollector) -> TOMLFields? {
    let line = locator.table(name)
    guard let value = table[name] else {
      issues.add("missing table [\(name)]", line: nil)
      return nil
    }
    guard let inner = value.table else {
      issues.add("\"\(name)\" must be a table", line: line)
      return nil
    }
    return TOMLFields(table: inner, tableLine: line, locator: locator, context: "[\(name)]")
  }

  private func arrayTables(_ name: String, required: Bool = true, issues: inout IssueCollector)
    -> [TOMLFields]
  {
    guard let value = table[name] else {
      if required { issues.add("no [[\(name)]] tables", line: nil) }
      return []
    }
    guard let array = value.array else {
      issues.add("\"\(name)\" must be an array of tables ([[\(name)]])", line: locator.table(name))
      return []
    }
    var result: [TOMLFields] = []
    for (index, element) in array.enumerated() {
      let line = locator.arrayTable(name, index: index)
      guard let inner = element.table else {
        issues.add("[[\(name)]] entry \(index + 1) is not a table", line: line)
        continue
      }
      result.append(
        TOMLFields(table: inner, tableLine: line, locator: locator, context: "[[\(name)]]"))
    }
    return result
  }

  private func parseDefaults(_ fields: TOMLFields, issues: inout IssueCollector) -> SiteDefaults {
    fields.rejectUnknownKeys(
      [
        "collection_interval_seconds", "offline_after_failures", "alarm1", "alarm2",
        "hoarding_cap", "power_threshold_w", "tariff", "sms_numbers", "receipt_queue",
      ], issues: &issues)
    var defaults = SiteDefaults()
    if let value = fields.int(
      "collection_interval_seconds", required: false, range: 5...86_400, issues: &issues)
    {
      defaults.collectionIntervalSeconds = value
    }
    if let value = fields.int("offline_after_failures", required: false, range: 1...20, issues: &issues) {
      defaults.offlineAfterFailures = value
    }
    if let value = fields.money("alarm1", issues: &issues) { defaults.alarm1 = value }
    if let value = fields.money("alarm2", issues: &issues) { defaults.alarm2 = value }
    if let value = fields.money("hoarding_cap", issues: &issues) { defaults.hoardingCap = value }
    if let value = fields.int("power_threshold_w", required: false, range: 100...1_000_000, issues: &issues) {
      defaults.powerThresholdW = value
    }
    defaults.tariff = fields.string("tariff", issues: &issues) ?? ""
    defaults.smsNumbers = fields.strings("sms_numbers", issues: &issues) ?? []
    defaults.receiptQueue = fields.string("receipt_queue", required: false, issues: &issues)
    if defaults.alarm2 > defaults.alarm1 {
      issues.add("[defaults]: alarm2 must not exceed alarm1", line: fields.line("alarm2"))
    }
    return defaults
  }

  private func parseTariffs(issues: inout IssueCollector) -> [TariffDefinition] {
    guard let value = table["tariffs"] else {
      issues.add("no [tariffs.NAME] tables", line: nil)
      return []
    }
    guard let tariffs = value.table else {
      issues.add("\"tariffs\" must be a table of tables", line: locator.table("tariffs"))
      return []
    }
    var result: [TariffDefinition] = []
    for name in tariffs.keys.sorted() {
      let line = locator.table("tariffs.\(name)")
      guard let inner = tariffs[name]?.table else {
        issues.add("[tariffs.\(name)] must be a table", line: line)
        continue
      }
      let fields = TOMLFields(
        table: inner, tableLine: line, locator: locator, context: "[tariffs.\(name)]")
      fields.rejectUnknownKeys(
        ["kind", "price", "sharp", "peak", "flat", "valley", "schedule", "tiers"], issues: &issues)
      guard let kind = fields.string("kind", issues: &issues) else { continue }
      var spec = TariffSpec(kind: kind)
      spec.price = fields.string("price", required: false, issues: &issues)
      var prices: [String: String] = [:]
      for period in TariffPeriod.allCases {
        if let text = fields.string(period.rawValue, required: false, issues: &issues) {
          prices[period.rawValue] = text
        }
      }
      spec.prices = prices.isEmpty ? nil : prices
      spec.schedule = fields.strings("schedule", issues: &issues)
      if let tiers = inner["tiers"]?.array {
        spec.tiers = tiers.compactMap { element in
          guard let band = element.table, let price = band["price"]?.string else {
            issues.add("[tariffs.\(name)]: each tier needs a price string", line: fields.line("tiers"))
            return nil
          }
          return TariffSpec.Tier(upTo: band["up_to"]?.string, price: price)
        }
      }
      if case .failure(let error) = spec.tariff() {
        issues.add("[tariffs.\(name)]: \(error)", line: line)
        continue
      }
      result.append(TariffDefinition(name: name, spec: spec, line: line))
    }
    return result
  }

  private func parseBus(_ fields: TOMLFields, issues: inout IssueCollector) -> BusDefinition? {
    fields.rejectUnknownKeys(
      ["name", "gateway", "framing", "endpoint", "baud", "parity", "timeout_ms"], issues: &issues)
    let name = fields.string("name", issues: &issues)
    let gateway = fields.string("gateway", required: false, issues: &issues)
    let framingText = fields.string("framing", issues: &issues)
    let endpoint = fields.string("endpoint", issues: &issues)
    let baud = fields.int("baud", required: false, range: 1200...115_200, issues: &issues) ?? 9600
    let parityText = fields.string("parity", required: false, issues: &issues) ?? "N"
    let timeout = fields.int("timeout_ms", required: false, range: 20...10_000, issues: &issues) ?? 1000
    var framing: BusFraming?
    if let framingText {
      framing = BusFraming(rawValue: framingText)
      if framing == nil {
        issues.add(
          "[[buses]]: framing \"\(framingText)\" is not tcp, rtu-over-tcp or rtu",
          line: fields.line("framing"))
      }
    }
    let parity = Parity(rawValue: parityText.uppercased())
    if parity == nil {
      issues.add("[[buses]]: parity \"\(parityText)\" is not N, E or O", line: fields.line("parity"))
    }
    if let endpoint, let framing, framing != .rtu, !EndpointSyntax.isHostPort(endpoint) {
      issues.add(
        "[[buses]]: endpoint \"\(endpoint)\" is not host:port", line: fields.line("endpoint"))
    }
    guard let name, let framing, let endpoint, let parity else { return nil }
    return BusDefinition(
      name: name, gateway: gateway, framing: framing, endpoint: endpoint, baud: baud,
      parity: parity, timeoutMs: timeout, line: fields.tableLine)
  }
}

/// Checks the shape of endpoint strings.
public enum EndpointSyntax {
  /// True for `host:port` with a port in 1–65535.
  public static func isHostPort(_ text: String) -> Bool {
    guard let colon = text.lastIndex(of: ":") else { return false }
    let host = text[..<colon]
    guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]) else { return false }
    return (1...65_535).contains(port)
  }
}

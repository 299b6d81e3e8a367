/// Cross-checks a parsed site: references resolve, names and addresses are unique.
struct SiteValidator {
  let site: SiteDefinition
  let sitePath: String
  let metersPath: String
  let accountsPath: String
  let knownProfiles: Set<String>

  func validate() -> [SiteIssue] {
    var siteIssues = IssueCollector(file: sitePath)
    var meterIssues = IssueCollector(file: metersPath)
    var accountIssues = IssueCollector(file: accountsPath)

    let buildings = unique(site.buildings, \.code, "building code", \.line, &siteIssues)
    let gateways = unique(site.gateways, \.name, "gateway name", \.line, &siteIssues)
    let buses = unique(site.buses, \.name, "bus name", \.line, &siteIssues)
    let tariffs = Set(site.tariffs.map(\.name))

    if !site.defaults.tariff.isEmpty, !tariffs.contains(site.defaults.tariff) {
      siteIssues.add("[defaults]: unknown tariff \"\(site.defaults.tariff)\"", line: nil)
    }
    for gateway in site.gateways where !buildings.contains(gateway.building) {
      siteIssues.add(
        "gateway \(gateway.name): unknown building \"\(gateway.building)\"", line: gateway.line)
    }
    for bus in site.buses {
      if let gateway = bus.gateway, !gateways.contains(gateway) {
        siteIssues.add("bus \(bus.name): unknown gateway \"\(gateway)\"", line: bus.line)
      }
    }
    var endpoints: [String: String] = [:]
    for bus in site.buses {
      if let other = endpoints[bus.endpoint] {
        siteIssues.add("bus \(bus.name): endpoint \(bus.endpoint) is also bus \(other)'s", line: bus.line)
      }
      endpoints[bus.endpoint] = bus.name
    }

    var numbers: [String: Int] = [:]
    var slots: [String: String] = [:]
    for meter in site.meters {
      if let first = numbers[meter.number] {
        meterIssues.add(
          "meter number \(meter.number) is already used on line \(first)", line: meter.line)
      } else {
        numbers[meter.number] = meter.line
      }
      if !buses.contains(meter.bus) {
        meterIssues.add("meter \(meter.number): unknown bus \"\(meter.bus)\"", line: meter.line)
      } else {
        let slot = "\(meter.bus)#\(meter.address)"
        if let other = slots[slot] {
          meterIssues.add(
            "meter \(meter.number): address \(meter.address) on bus \(meter.bus) is also meter \(other)'s",
            line: meter.line)
        } else {
          slots[slot] = meter.number
        }
      }
      if !knownProfiles.contains(meter.profile) {
        meterIssues.add(
          "meter \(meter.number): unknown profile \"\(meter.profile)\" (known: \(knownProfiles.sorted().joined(separator: ", ")))",
          line: meter.line)
      }
      if !buildings.contains(meter.building) {
        meterIssues.add(
          "meter \(meter.number): unknown building \"\(meter.building)\"", line: meter.line)
      }
      if let tariff = meter.tariff, !tariffs.contains(tariff) {
        meterIssues.add("meter \(meter.number): unknown tariff \"\(tariff)\"", line: meter.line)
      }
      let alarm1 = meter.alarm1 ?? site.defaults.alarm1
      let alarm2 = meter.alarm2 ?? site.defaults.alarm2
      if alarm2 > alarm1 {
        meterIssues.add(
          "meter \(meter.number): alarm2 \(alarm2) exceeds alarm1 \(alarm1)", line: meter.line)
      }
    }

    var accountIDs: [String: Int] = [:]
    var owner: [String: String] = [:]
    for account in site.accounts {
      if let first = accountIDs[account.id] {
        accountIssues.add("account \(account.id) is already defined on line \(first)", line: account.line)
      } else {
        accountIDs[account.id] = account.line
      }
      for meter in account.meters {
        if numbers[meter] == nil {
          accountIssues.add("account \(account.id): unknown meter \(meter)", line: account.line)
        } else if let other = owner[meter] {
          accountIssues.add(
            "account \(account.id): meter \(meter) already belongs to account \(other)",
            line: account.line)
        } else {
          owner[meter] = account.id
        }
      }
    }
    return siteIssues.issues + meterIssues.issues + accountIssues.issues
  }

  private func unique<T>(
    _ items: [T], _ key: KeyPath<T, String>, _ what: String, _ line: KeyPath<T, Int?>,
    _ issues: inout IssueCollector
  ) -> Set<String> {
    var seen: Set<String> = []
    for item in items {
      let name = item[keyPath: key]
      if name.isEmpty { continue }
      if !seen.insert(name).inserted {
        issues.add("\(what) \"\(name)\" is defined twice", line: item[keyPath: line])
      }
    }
    return seen
  }
}

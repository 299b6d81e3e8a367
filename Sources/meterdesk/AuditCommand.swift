import ArgumentParser
import Documents
import Foundation
import Services
import Store

/// `meterdesk audit`: the operation log (操作日志) and its HMAC chain.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "The operation log (操作日志): list it, verify its HMAC chain.",
    subcommands: [AuditVerifyCommand.self, AuditListCommand.self])
}

/// `meterdesk audit verify`: exits 0 when the chain holds, 2 naming the first broken entry.
struct AuditVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check the operation log's HMAC chain against the site key.",
    discussion: """
      Each entry carries an HMAC over its content and the previous entry's HMAC, keyed from the site \\
      master key, which is not in the database. Exit status: 0 the chain holds; 2 an entry was \\
      changed, removed, inserted or is unsigned (the first one is named); 1 no key or no database. \\
      Entries written before the chain existed are reported as predating it.
      """)

  @Option(help: "Database file.") var db: String
  @Option(help: "Site master key file (default: DB.key).") var keys: String?
  @Flag(help: "Print a JSON object {holds, entries, verified, predating, problem}.") var json = false

  /// Exit status when the chain is broken.
  static let broken: Int32 = 2

  func run() throws {
    let database = try SalesCLI.open(db, command: "audit verify")
    let keyFile = keys ?? db + ".key"
    let result: AuditVerification
    do {
      result = try AuditService(database: database, keyFile: keyFile).verify()
    } catch {
      throw fail("meterdesk audit verify: \(error)")
    }
    if json {
      var object: [String: Any] = [
        "holds": result.holds, "entries": result.entries, "verified": result.verified,
        "summary": result.summary,
      ]
      object["predating"] =
        result.predating.map { ["first": $0.lowerBound, "last": $0.upperBound] as Any } ?? NSNull()
      object["problem"] =
        result.problem.map { ["entry": $0.entry, "kind": $0.kind.rawValue, "reason": $0.reason] as Any }
        ?? NSNull()
      try SalesCLI.printJSON(object)
    } else if result.holds {
      print(result.summary)
    }
    if !result.holds {
      if !json { printError("meterdesk audit verify: \(result.summary)") }
      throw ExitCode(Self.broken)
    }
  }
}

/// `meterdesk audit list`: entries by operator, action and date, as text, JSON, .csv or .xlsx.
struct AuditListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List operation-log entries, newest first.",
    discussion: """
      --action matches one action, or every action starting with it when it ends with a dot \\
      (operator.). --from and --to are days (YYYY-MM-DD) in the site's time zone, both included.
      """)

  @Option(help: "Database file.") var db: String
  @Option(name: .customLong("operator"), help: "Only this operator's entries.") var operatorName: String?
  @Option(help: "Only this action (or prefix ending with '.').") var action: String?
  @Option(help: "First day, YYYY-MM-DD.") var from: String?
  @Option(help: "Last day, YYYY-MM-DD.") var to: String?
  @Option(help: "At most this many entries.") var limit: Int?
  @Flag(help: "Print a JSON object {entries: [...]}.") var json = false
  @Option(help: "Write the entries to this .csv file.") var csv: String?
  @Option(help: "Write the entries to this .xlsx file.") var xlsx: String?

  func run() throws {
    let database = try SalesCLI.open(db, command: "audit list")
    let settings = try database.siteSettings()
    let zone = TimeZone(identifier: settings?.timeZone ?? "") ?? .current
    let filter = AuditFilter(
      operator: operatorName, action: action, from: try from.map { try Self.day($0, zone, "--from") },
      to: try to.map { try Self.day($0, zone, "--to").addingTimeInterval(86_400) }, limit: limit)
    let entries = try AuditService(database: database).entries(filter)
    let table = AuditService.table(entries, siteName: settings?.name ?? "", timeZone: zone)
    if let csv { try CSVWriter.write(table, to: csv) }
    if let xlsx { try XLSXWriter.write(table, to: xlsx) }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    if json {
      try SalesCLI.printJSON([
        "entries": entries.map { entry -> [String: Any] in
          let record = entry.record
          return [
            "id": record.id ?? 0, "at": formatter.string(from: record.at), "operator": record.operator,
            "action": record.action, "target": record.target, "detail": record.detail, "signed": entry.signed,
          ]
        }
      ])
    } else if csv == nil && xlsx == nil {
      for entry in entries {
        let record = entry.record
        print(
          "\(record.id ?? 0)\t\(formatter.string(from: record.at))\t\(record.operator)\t\(record.action)\t"
            + "\(record.target)\t\(record.detail)\(entry.signed ? "" : "\t(unsigned)")")
      }
    } else {
      print("\(entries.count) entries written")
    }
  }

  static func day(_ text: String, _ zone: TimeZone, _ option: String) throws -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd"
    guard let date = formatter.date(from: text) else {
      throw ValidationError("\(option) \(text): expected a day as YYYY-MM-DD")
    }
    return date
  }
}

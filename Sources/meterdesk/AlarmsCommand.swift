import ArgumentParser
import Foundation
import Services
import Store

/// `meterdesk alarms`: alarm episodes (报警) and their acknowledgement.
struct AlarmsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "alarms",
    abstract: "Alarm episodes (报警): alarm 1/2, arrears, offline, trips, overload, bus down, drift, tamper.",
    subcommands: [AlarmsListCommand.self, AlarmsAckCommand.self],
    defaultSubcommand: AlarmsListCommand.self)
}

/// `meterdesk alarms [list]`: every episode, or the active ones.
struct AlarmsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List alarm episodes, oldest first.")

  @Option(help: "Database file.") var db: String
  @Flag(help: "Only the active ones (not ended).") var active = false
  @Flag(help: "Print {\"alarms\": [...]}.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "alarms")
    let zone = TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
    let service = AlarmService(database: database)
    let alarms = active ? try service.active() : try service.all()
    if json {
      try SalesCLI.printJSON(["alarms": alarms.map { Self.json($0, zone) }])
      return
    }
    guard !alarms.isEmpty else { return print(active ? "no active alarms" : "no alarms") }
    for alarm in alarms {
      var line =
        "\(alarm.id) \(alarm.kind) (\(alarm.kindName)) "
        + (alarm.meter.map { "meter \($0)" } ?? "bus \(alarm.bus ?? "")")
        + " since \(EventReportJSON.time(alarm.since, zone))"
      if let until = alarm.until { line += " until \(EventReportJSON.time(until, zone))" }
      if !alarm.value.isEmpty { line += ": \(alarm.value)" }
      if let by = alarm.acknowledgedBy { line += " [acknowledged by \(by)]" }
      print(line)
    }
  }

  static func json(_ alarm: AlarmEntry, _ zone: TimeZone) -> [String: Any] {
    var object: [String: Any] = [
      "id": alarm.id, "kind": alarm.kind, "since": EventReportJSON.time(alarm.since, zone),
      "until": EventReportJSON.time(alarm.until, zone), "value": alarm.value,
      "remaining": alarm.remaining.map { $0.decimalString as Any } ?? NSNull(),
      "acknowledged_by": EventReportJSON.text(alarm.acknowledgedBy),
      "acknowledged_at": EventReportJSON.time(alarm.acknowledgedAt, zone),
    ]
    if let meter = alarm.meter { object["meter"] = meter }
    if let bus = alarm.bus { object["bus"] = bus }
    return object
  }
}

/// `meterdesk alarms ack`: an operator acknowledges an episode (audited).
struct AlarmsAckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ack", abstract: "Acknowledge an alarm episode (who and when are recorded).")

  @Option(help: "Database file.") var db: String
  @Option(help: "The episode's id (meterdesk alarms).") var id: Int64
  @Option(name: .customLong("operator"), help: "Operator name.") var operatorName: String
  @Flag(help: "Read the operator's password from standard input (the only way).") var passwordStdin = false
  @Flag(help: "Print the episode as a JSON object.") var json = false

  func run() throws {
    guard passwordStdin else { throw fail("meterdesk alarms ack: --password-stdin is required") }
    let database = try SalesCLI.open(db, command: "alarms ack")
    let (session, _) = try SalesCLI.logIn(
      database: database, operator: operatorName, approver: nil, command: "alarms ack")
    let entry: AlarmEntry
    do {
      entry = try AlarmService(database: database).acknowledge(id: id, by: session, at: Date())
    } catch {
      throw fail("meterdesk alarms ack: \(error)")
    }
    if json {
      let zone = TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
      try SalesCLI.printJSON(AlarmsListCommand.json(entry, zone))
    } else {
      print("alarm \(entry.id) acknowledged by \(session.name)")
    }
  }
}

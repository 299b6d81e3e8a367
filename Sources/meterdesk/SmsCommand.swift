import ArgumentParser
import Foundation
import Services
import Store

/// `meterdesk sms`: MeterDesk's SMS outbox (短信预警), the record of every alarm SMS.
struct SmsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sms",
    abstract: "List the SMS outbox: alarm warnings queued, handed to gammu-smsd, sent or failed.")

  @Option(help: "Database file.") var db: String
  @Flag(help: "Print {\"messages\": [...]}.") var json = false

  func run() throws {
    let database = try SalesCLI.open(db, command: "sms")
    let zone = TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
    let messages = try AlarmService(database: database).smsMessages()
    if json {
      try SalesCLI.printJSON(["messages": messages.map { Self.json($0, zone) }])
      return
    }
    guard !messages.isEmpty else { return print("no SMS") }
    for message in messages {
      var line =
        "\(message.id ?? 0) \(message.level) to \(message.number) "
        + (message.meter.map { "meter \($0)" } ?? "bus \(message.bus ?? "")")
        + ": \(message.state.rawValue) \(EventReportJSON.time(message.updatedAt, zone)) \(message.text)"
      if let error = message.error { line += " (\(error))" }
      print(line)
    }
  }

  static func json(_ message: SmsMessageRecord, _ zone: TimeZone) -> [String: Any] {
    [
      "id": message.id ?? 0, "number": message.number, "meter": EventReportJSON.text(message.meter),
      "bus": EventReportJSON.text(message.bus), "account": EventReportJSON.text(message.account),
      "episode": message.episode, "level": message.level, "state": message.state.rawValue,
      "text": message.text, "error": EventReportJSON.text(message.error),
      "daemon_id": EventReportJSON.text(message.daemonId),
      "created_at": EventReportJSON.time(message.createdAt, zone),
      "updated_at": EventReportJSON.time(message.updatedAt, zone),
    ]
  }
}

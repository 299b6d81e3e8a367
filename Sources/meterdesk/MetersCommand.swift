import ArgumentParser
import Domain
import Foundation
import Services
import Store
import TextWidth

/// `meterdesk meters`: the meter list with status, as a table or JSON.
struct MetersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "meters", abstract: "List meters with account, status and remaining amount.")

  @Option(help: "Database file.") var db: String
  @Flag(help: "Print {\"meters\": [...]} as JSON.") var json = false
  @Flag(help: "Only meters whose prices or settings read back differ from the database (设置偏差).")
  var drift = false

  func run() throws {
    guard FileManager.default.fileExists(atPath: db) else {
      throw fail("meterdesk meters: \(db): no such database (run meterdesk init first)")
    }
    let meters = try MeterQueryService(database: AppDatabase.open(path: db)).meters()
      .filter { !drift || $0.flags.contains(.settingsDrift) }
    if json {
      print(try MeterJSON.document(meters))
    } else {
      print(MeterTable.text(meters))
    }
  }
}

/// The JSON form of the meter list.
enum MeterJSON {
  static func document(_ meters: [MeterSummary]) throws -> String {
    let rows: [[String: Any]] = meters.map { meter in
      [
        "meter": meter.meter, "building": meter.building, "floor": meter.floor,
        "shop": meter.shop, "bus": meter.bus, "address": meter.address,
        "profile": meter.profile, "account": meter.account ?? NSNull(),
        "tenant": meter.tenant ?? NSNull(), "status": meter.status.rawValue,
        "remaining": meter.remaining?.decimalString ?? NSNull(),
        "read_at": meter.readAt.map(ISO8601.string) ?? NSNull(),
        "power_w": meter.powerW ?? NSNull(),
        "energy": meter.energy?.decimalString ?? NSNull(),
        "purchase_count": meter.purchaseCount ?? NSNull(),
        "keep_power": meter.flags.contains(.keepPower),
        "tripped": meter.flags.contains(.tripped),
        "disabled": meter.disabled,
        "settings_drift": meter.settingsDrift ?? NSNull(),
      ]
    }
    let data = try JSONSerialization.data(
      withJSONObject: ["meters": rows], options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
  }
}

/// ISO-8601 timestamps for JSON output.
enum ISO8601 {
  static func string(_ date: Date) -> String {
    date.formatted(
      .iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
  }
}

/// The plain-text meter table, aligned in display cells.
enum MeterTable {
  static func text(_ meters: [MeterSummary]) -> String {
    let columns: [(String, Int, Bool)] = [
      ("meter", 12, false), ("bus", 5, false), ("addr", 4, true), ("shop", 10, false),
      ("tenant", 22, false), ("status", 9, false), ("remaining", 10, true),
    ]
    var lines = [columns.map { DisplayWidth.pad($0.0, to: $0.1, alignRight: $0.2) }.joined(separator: " ")]
    for meter in meters {
      let cells = [
        meter.meter, meter.bus, String(meter.address), meter.shop, meter.tenant ?? "-",
        meter.status.rawValue, meter.remaining?.grouped ?? "-",
      ]
      lines.append(
        zip(columns, cells).map { DisplayWidth.pad($1, to: $0.1, alignRight: $0.2) }
          .joined(separator: " "))
    }
    var counts: [MeterStatus: Int] = [:]
    for meter in meters { counts[meter.status, default: 0] += 1 }
    let buses = Set(meters.map(\.bus)).count
    lines.append(
      "\(meters.count) meters on \(buses) buses: "
        + MeterStatus.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
    return lines.joined(separator: "\n")
  }
}

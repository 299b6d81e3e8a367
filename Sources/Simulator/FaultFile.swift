import Foundation
import TOMLKit

/// Reads a fault file: `[meter."<number>"]` with `silent`, `slow_ms`, `corrupt`, `ignore_writes`,
/// `write_exception`; `[bus."<name>"]` with `down`.
public enum FaultFile {
  /// Reads and checks `path`; every problem is reported as `file:line: message`.
  ///
  /// - Parameters:
  ///   - knownMeters: meter numbers of the site; others are refused (a typo would silently heal a fault).
  ///   - knownBuses: bus names of the site.
  public static func read(
    path: String, knownMeters: Set<String>, knownBuses: Set<String>
  ) throws(SimulatorError) -> FaultPlan {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .badFaultFile(["\(path): cannot read the file (missing or unreadable)"])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .badFaultFile(["\(path): the file is not UTF-8 text"])
    }
    return try parse(text, file: path, knownMeters: knownMeters, knownBuses: knownBuses)
  }

  /// Parses fault file text; `file` names it in messages.
  public static func parse(
    _ text: String, file: String, knownMeters: Set<String>, knownBuses: Set<String>
  ) throws(SimulatorError) -> FaultPlan {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw .badFaultFile(["\(file):\(error.source.begin.line): TOML syntax: \(error.description)"])
    } catch {
      throw .badFaultFile(["\(file): TOML syntax: \(error)"])
    }
    let lines = FaultLines(text: text)
    var problems: [(Int, String)] = []
    func problem(_ line: Int?, _ message: String) {
      problems.append((line ?? 0, message))
    }
    var plan = FaultPlan()
    for key in table.keys.sorted() where key != "meter" && key != "bus" {
      problem(
        lines.header(prefix: key) ?? lines.key(key),
        "unknown table or key \"\(key)\"; expected [meter.\"…\"] or [bus.\"…\"]")
    }
    if let meters = table["meter"] {
      if let meterTable = meters.table {
        for number in meterTable.keys.sorted() {
          let header = lines.header(kind: "meter", name: number)
          guard knownMeters.contains(number) else {
            problem(header, "meter \(number) is not in the site")
            continue
          }
          guard let entry = meterTable[number]?.table else {
            problem(header, "meter.\"\(number)\" must be a table")
            continue
          }
          var fault = MeterFault()
          for key in entry.keys.sorted() {
            if let message = fault.set(key, entry[key]) { problem(lines.key(key, after: header), message) }
          }
          plan.meters[number] = fault
        }
      } else {
        problem(lines.key("meter"), "meter must be a table of [meter.\"<meter number>\"]")
      }
    }
    if let buses = table["bus"] {
      if let busTable = buses.table {
        for name in busTable.keys.sorted() {
          let header = lines.header(kind: "bus", name: name)
          guard knownBuses.contains(name) else {
            problem(header, "bus \(name) is not in the site")
            continue
          }
          guard let entry = busTable[name]?.table else {
            problem(header, "bus.\"\(name)\" must be a table")
            continue
          }
          var fault = BusFault()
          for key in entry.keys.sorted() {
            let line = lines.key(key, after: header)
            if key == "down", let flag = entry[key]?.bool {
              fault.down = flag
            } else if key == "down" {
              problem(line, "down must be true or false")
            } else {
              problem(line, "unknown key \"\(key)\" for a bus; expected down")
            }
          }
          plan.buses[name] = fault
        }
      } else {
        problem(lines.key("bus"), "bus must be a table of [bus.\"<bus name>\"]")
      }
    }
    guard problems.isEmpty else {
      throw .badFaultFile(
        problems.sorted { $0.0 < $1.0 }.map { $0.0 > 0 ? "\(file):\($0.0): \($0.1)" : "\(file): \($0.1)" })
    }
    return plan
  }
}

/// Finds table headers and keys in fault file text, for `file:line` messages.
struct FaultLines {
  private let lines: [String]

  init(text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0).trimmingCharacters(in: .whitespaces)
    }
  }

  /// The line of `[kind."name"]` (quotes optional).
  func header(kind: String, name: String) -> Int? {
    for (index, line) in lines.enumerated() where line.hasPrefix("[") {
      let bare = line.prefix { $0 != "#" }.filter { $0 != " " && $0 != "\"" && $0 != "'" }
      if bare == "[\(kind).\(name)]" { return index + 1 }
    }
    return nil
  }

  /// The first header line starting with `[prefix`.
  func header(prefix: String) -> Int? {
    lines.firstIndex { $0.hasPrefix("[\(prefix)") || $0.hasPrefix("[[\(prefix)") }.map { $0 + 1 }
  }

  /// The line of `key =` after the header at `after` (one-based), before the next header.
  func key(_ key: String, after header: Int? = nil) -> Int? {
    var index = header ?? 0
    while index < lines.count {
      let line = lines[index]
      if header != nil, line.hasPrefix("[") { break }
      if line.hasPrefix(key) {
        let rest = line.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
        if rest.first == "=" { return index + 1 }
      }
      index += 1
    }
    return header
  }
}

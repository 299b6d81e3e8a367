import Foundation
import Services
import SiteConfig
import Store
import TestSupport
import Testing

/// Each case edits a copy of the sample site and names the `file:line: message` it must produce.
@Suite("Bad site input")
struct BadSiteInputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var file: String
    var edit: @Sendable (inout [String]) -> Void
    var expectedFile: String
    var expectedLine: Int?
    var expectedText: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "malformed row", file: "meters.csv", edit: { $0[3] = "202411999999,A-1" },
      expectedFile: "meters.csv", expectedLine: 4, expectedText: "expected 15 fields, found 2"),
    Case(
      name: "address outside 1–247", file: "meters.csv",
      edit: { $0[5] = replaceField($0[5], 2, "248") },
      expectedFile: "meters.csv", expectedLine: 6, expectedText: "outside 1–247"),
    Case(
      name: "two meters at one address on one bus", file: "meters.csv",
      edit: { $0[2] = replaceField($0[2], 2, field($0[1], 2)) },
      expectedFile: "meters.csv", expectedLine: 3, expectedText: "is also meter"),
    Case(
      name: "unknown bus", file: "meters.csv", edit: { $0[7] = replaceField($0[7], 1, "Z-9") },
      expectedFile: "meters.csv", expectedLine: 8, expectedText: "unknown bus \"Z-9\""),
    Case(
      name: "unknown profile", file: "meters.csv",
      edit: { $0[9] = replaceField($0[9], 3, "acme-x1") },
      expectedFile: "meters.csv", expectedLine: 10, expectedText: "unknown profile \"acme-x1\""),
    Case(
      name: "duplicate meter number", file: "meters.csv",
      edit: { $0[12] = replaceField($0[12], 0, field($0[11], 0)) },
      expectedFile: "meters.csv", expectedLine: 13, expectedText: "already used on line 12"),
    Case(
      name: "bad amount", file: "meters.csv", edit: { $0[4] = replaceField($0[4], 9, "12.345") },
      expectedFile: "meters.csv", expectedLine: 5, expectedText: "alarm1 \"12.345\""),
    Case(
      name: "TOML syntax error", file: "site.toml", edit: { $0[2] = "name = \"unterminated" },
      expectedFile: "site.toml", expectedLine: 3, expectedText: "TOML syntax"),
    Case(
      name: "unknown gateway on a bus", file: "site.toml",
      edit: { lines in
        if let index = lines.firstIndex(where: { $0.hasPrefix("gateway = \"GW-A\"") }) {
          lines[index] = "gateway = \"GW-Z\""
        }
      },
      expectedFile: "site.toml", expectedLine: nil, expectedText: "unknown gateway \"GW-Z\""),
    Case(
      name: "account names a meter that does not exist", file: "accounts.csv",
      edit: { $0[1] = replaceField($0[1], 4, "209999999999") },
      expectedFile: "accounts.csv", expectedLine: 2, expectedText: "unknown meter 209999999999"),
  ]

  @Test("every problem is reported as file:line and nothing is imported", arguments: cases)
  func refused(_ testCase: Case) throws {
    let directory = try TemporaryDirectory()
    let sitePath = try RepoPaths.copySampleSite(into: directory)
    let database = try AppDatabase.inMemory()
    let service = SiteImportService(database: database)
    let before = try database.tableCounts()
    let target = directory.path(testCase.file)
    var lines = try String(contentsOfFile: target, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    testCase.edit(&lines)
    try lines.joined(separator: "\n").write(toFile: target, atomically: true, encoding: .utf8)

    let error = try #require(throws: SiteErrors.self) {
      _ = try service.importSite(path: sitePath, by: "test", at: Date())
    }
    let match = error.issues.first { $0.message.contains(testCase.expectedText) }
    let issue = try #require(match, "got: \(error.description)")
    #expect(issue.file == directory.path(testCase.expectedFile))
    if let line = testCase.expectedLine { #expect(issue.line == line) } else { #expect(issue.line != nil) }
    #expect(issue.description.hasPrefix("\(directory.path(testCase.expectedFile)):"))
    #expect(try database.tableCounts() == before)
  }

  @Test("several problems in one file are all reported")
  func allProblemsReported() throws {
    let directory = try TemporaryDirectory()
    let sitePath = try RepoPaths.copySampleSite(into: directory)
    let target = directory.path("meters.csv")
    var lines = try String(contentsOfFile: target, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[2] = replaceField(lines[2], 2, "0")
    lines[6] = replaceField(lines[6], 1, "Q-1")
    lines[8] = "garbage"
    try lines.joined(separator: "\n").write(toFile: target, atomically: true, encoding: .utf8)
    let error = try #require(throws: SiteErrors.self) {
      _ = try SiteFileReader.read(path: sitePath, knownProfiles: ShippedProfiles.names)
    }
    #expect(Set(error.issues.compactMap(\.line)).isSuperset(of: [3, 7, 9]))
  }
}

func field(_ line: String, _ index: Int) -> String {
  line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)[index]
}

func replaceField(_ line: String, _ index: Int, _ value: String) -> String {
  var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  fields[index] = value
  return fields.joined(separator: ",")
}

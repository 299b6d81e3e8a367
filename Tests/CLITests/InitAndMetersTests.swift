import Foundation
import TestSupport
import Testing

@Suite("meterdesk init, meters and operator add")
struct InitAndMetersTests {
  @Test("init imports the sample site and meters --json lists 324 meters on 12 buses")
  func initAndList() throws {
    let directory = try TemporaryDirectory()
    let db = directory.path("site.db")
    let site = RepoPaths.sampleData.appendingPathComponent("site.toml").path
    let first = try CommandRunner.meterdesk(["init", "--db", db, "--site", site])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("324 meters on 12 buses in 3 buildings"))

    let keyAttributes = try FileManager.default.attributesOfItem(atPath: db + ".key")
    #expect((keyAttributes[.posixPermissions] as? Int) == 0o600)
    let key = try String(contentsOfFile: db + ".key", encoding: .utf8)
    #expect(key.trimmingCharacters(in: .whitespacesAndNewlines).count == 64)

    let listed = try CommandRunner.meterdesk(["meters", "--db", db, "--json"])
    #expect(listed.status == 0, "\(listed.stderr)")
    let document = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8))
    let meters = try #require((document as? [String: Any])?["meters"] as? [[String: Any]])
    #expect(meters.count == 324)
    #expect(Set(meters.compactMap { $0["bus"] as? String }).count == 12)
    for key in [
      "meter", "building", "shop", "bus", "address", "profile", "account", "status", "remaining", "read_at",
    ] {
      #expect(meters.allSatisfy { $0.keys.contains(key) }, "missing key \(key)")
    }
    let statuses = Set(meters.compactMap { $0["status"] as? String })
    #expect(statuses.isSubset(of: ["normal", "alarm1", "alarm2", "arrears", "unopened", "offline"]))
    #expect(statuses.contains("unopened"))
    #expect(meters.allSatisfy { $0["remaining"] is NSNull && $0["read_at"] is NSNull })

    let second = try CommandRunner.meterdesk(["init", "--db", db, "--site", site])
    #expect(second.status == 0)
    #expect(second.stdout.contains("nothing changed"))
    #expect(try String(contentsOfFile: db + ".key", encoding: .utf8) == key, "the key is never replaced")
  }

  @Test("a refused import prints file:line errors, exits non-zero and leaves the database as it was")
  func refusedImport() throws {
    let directory = try TemporaryDirectory()
    let site = try RepoPaths.copySampleSite(into: directory)
    let db = directory.path("site.db")
    #expect(try CommandRunner.meterdesk(["init", "--db", db, "--site", site]).status == 0)
    let before = try dump(db)

    let meters = directory.path("meters.csv")
    var lines = try String(contentsOfFile: meters, encoding: .utf8).components(separatedBy: "\n")
    lines[1] = lines[1].replacingOccurrences(of: "A-0502", with: "A-0502-edited")  // a good change…
    lines[4] = lines[4].replacingOccurrences(of: ",A-1,4,", with: ",A-1,300,")  // …and a bad one
    lines[6] = "broken,row"
    try lines.joined(separator: "\n").write(toFile: meters, atomically: true, encoding: .utf8)

    let refused = try CommandRunner.meterdesk(["init", "--db", db, "--site", site])
    #expect(refused.status != 0)
    let errors = refused.stderr.split(separator: "\n").map(String.init)
    #expect(errors.contains { $0.hasPrefix("\(meters):5: ") && $0.contains("outside 1–247") })
    #expect(errors.contains { $0.hasPrefix("\(meters):7: ") && $0.contains("expected 15 fields") })
    #expect(try dump(db) == before, "the good change must not land either")
  }

  @Test("operator add reads the password from stdin and stores a PBKDF2 hash")
  func operatorAdd() throws {
    let directory = try TemporaryDirectory()
    let db = directory.path("site.db")
    let added = try CommandRunner.meterdesk(
      ["operator", "add", "--db", db, "--name", "wang", "--role", "supervisor"], stdin: "pa55word\n")
    #expect(added.status == 0, "\(added.stderr)")
    let hash = try CommandRunner.run(
      "/usr/bin/sqlite3", [db, "SELECT role || ' ' || passwordHash FROM operator WHERE name = 'wang'"])
    #expect(hash.stdout.hasPrefix("supervisor pbkdf2-sha256$"))
    #expect(!hash.stdout.contains("pa55word"))
    let again = try CommandRunner.meterdesk(
      ["operator", "add", "--db", db, "--name", "wang", "--role", "cashier"], stdin: "other\n")
    #expect(again.status != 0)
    #expect(again.stderr.contains("already exists"))
  }

  private func dump(_ db: String) throws -> String {
    let result = try CommandRunner.run("/usr/bin/sqlite3", [db, ".dump"])
    #expect(result.status == 0)
    return result.stdout
  }
}

import Foundation
import Services
import Store
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The tamper-evident operation log and backup / restore through the real `meterdesk` binary, the
/// `sqlite3` shell and a running `meterdesk serve`.
@Suite("Audit chain and backup through the CLI", .serialized)
struct AuditBackupCLITests {
  static let sqlite3 = "/usr/bin/sqlite3"

  /// `sqlite3 DB SQL`, failing the test on a non-zero exit.
  static func shell(_ db: String, _ sql: String) throws -> String {
    let result = try CommandRunner.run(sqlite3, [db, sql])
    guard result.status == 0 else { throw CLISiteError("sqlite3 \(sql): \(result.stderr)") }
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `meterdesk serve --interval 1` on the site, once it holds the lease.
  static func serve(_ site: CLISite) throws -> pid_t {
    let pid = try Spawn.start(
      RepoPaths.meterdesk, ["serve", "--db", site.db, "--interval", "1"],
      output: site.directory.path("serve.log"))
    try SiteRuntimeCLITests.waitForLease(site.db, holder: "serve")
    return pid
  }

  static func stop(_ pid: pid_t) {
    kill(pid, SIGTERM)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  }

  @Test(
    "audit verify holds, then names the entry changed with the sqlite3 shell after its triggers are dropped")
  func verifyCatchesShellEdit() async throws {
    try await CLISite.with { site in
      #expect(try site.sell(CLISite.meters[0], "30.00", ["--wait", "20"]).status == 0)
      let good = try site.run(["audit", "verify", "--db", site.db])
      #expect(good.status == 0, "\(good.stderr)")
      #expect(good.stdout.contains("holds"))
      let count = Int(try Self.shell(site.db, "SELECT COUNT(*) FROM auditLog")) ?? 0
      #expect(count >= 3)
      #expect(try Self.shell(site.db, "SELECT COUNT(*) FROM auditLog WHERE hmac IS NULL") == "0")
      // The triggers stop a plain edit.
      let refused = try CommandRunner.run(
        Self.sqlite3, [site.db, "UPDATE auditLog SET detail = 'x' WHERE id = 2"])
      #expect(refused.status != 0)
      _ = try Self.shell(
        site.db,
        "DROP TRIGGER auditLog_append_only_update; UPDATE auditLog SET operator = 'zhao' WHERE id = 2;")
      let bad = try site.run(["audit", "verify", "--db", site.db])
      #expect(bad.status == AuditVerifyCommandStatus.broken)
      #expect(bad.stderr.contains("entry 2 "), "\(bad.stderr)")
      let json = try site.run(["audit", "verify", "--db", site.db, "--json"])
      let object = try CLISite.object(json.stdout)
      let problem = object["problem"] as? [String: Any]
      #expect(object["holds"] as? Bool == false)
      #expect(problem?["entry"] as? Int == 2 && problem?["kind"] as? String == "changed", "\(object)")
      // Without the key nothing can be verified.
      try FileManager.default.moveItem(atPath: site.db + ".key", toPath: site.db + ".moved")
      let noKey = try site.run(["audit", "verify", "--db", site.db])
      #expect(noKey.status == 1 && noKey.stderr.contains("key"))
      try FileManager.default.moveItem(atPath: site.db + ".moved", toPath: site.db + ".key")
      // A deleted entry is named too.
      _ = try Self.shell(
        site.db, "DROP TRIGGER auditLog_append_only_delete; DELETE FROM auditLog WHERE id = 1;")
      let removed = try site.run(["audit", "verify", "--db", site.db])
      #expect(removed.status == 2 && removed.stderr.contains("entry 1 was removed"), "\(removed.stderr)")
    }
  }

  @Test("audit list filters and exports")
  func list() async throws {
    try await CLISite.with { site in
      let all = try site.run(["audit", "list", "--db", site.db, "--json"])
      #expect(all.status == 0, "\(all.stderr)")
      let entries = try CLISite.object(all.stdout)["entries"] as? [[String: Any]] ?? []
      #expect(!entries.isEmpty && entries.allSatisfy { $0["signed"] as? Bool == true })
      let adds = try site.run([
        "audit", "list", "--db", site.db, "--action", "operator.", "--operator", "test", "--json",
      ])
      let added = try CLISite.object(adds.stdout)["entries"] as? [[String: Any]] ?? []
      #expect(Set(added.map { $0["target"] as? String ?? "" }) == ["li", "wang"])
      let csv = site.directory.path("audit.csv")
      let xlsx = site.directory.path("audit.xlsx")
      let export = try site.run(["audit", "list", "--db", site.db, "--csv", csv, "--xlsx", xlsx])
      #expect(export.status == 0, "\(export.stderr)")
      let text = try String(contentsOfFile: csv, encoding: .utf8)
      #expect(text.contains("operator.add") && text.contains("操作员"))
      #expect(FileManager.default.fileExists(atPath: xlsx))
    }
  }

  @Test(
    "backups taken while serve writes readings pass integrity_check; restore refuses while serve holds the lease"
  )
  func backupDuringServe() async throws {
    try await CLISite.with { site in
      let folder = site.directory.path("backups")
      let daily = site.directory.path("daily")
      try site.database.setBackupSchedule(
        BackupSchedule(folder: daily, time: "00:00", keep: 3), by: "test", at: Date())
      let serve = try Self.serve(site)
      defer { Self.stop(serve) }
      var files: [String] = []
      var readings: [Int] = []
      for round in 0..<3 {
        try await Task.sleep(for: .milliseconds(1500))
        let result = try site.run(["backup", "--db", site.db, "--to", folder, "--keep", "2", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try CLISite.object(result.stdout)
        let file = object["file"] as? String ?? ""
        #expect(object["integrity"] as? String == "ok")
        #expect(object["key_file"] is NSNull)
        #expect(file.hasSuffix(".db") && file.contains("/TS-"), "\(file)")
        #expect(try Self.shell(file, "PRAGMA integrity_check") == "ok")
        readings.append(Int(try Self.shell(file, "SELECT COUNT(*) FROM reading")) ?? 0)
        files.append(file)
        if round < 2 { try await Task.sleep(for: .milliseconds(1000)) }  // distinct file names
      }
      #expect(readings[2] > readings[0], "serve wrote readings between the backups: \(readings)")
      let kept = try FileManager.default.contentsOfDirectory(atPath: folder)
      #expect(kept.count == 2 && !kept.contains((files[0] as NSString).lastPathComponent), "\(kept)")
      #expect(try Self.shell(files[2], "PRAGMA journal_mode") == "delete")
      // The lease holder's daily backup ran (time 00:00 has passed today).
      var dailyFiles: [String] = []
      for _ in 0..<50 where dailyFiles.isEmpty {
        dailyFiles = ((try? FileManager.default.contentsOfDirectory(atPath: daily)) ?? []).filter {
          $0.hasSuffix(".db")
        }
        if dailyFiles.isEmpty { try await Task.sleep(for: .milliseconds(200)) }
      }
      #expect(dailyFiles.count == 1, "\(dailyFiles)")
      // With the key.
      let keyed = try site.run([
        "backup", "--db", site.db, "--to", site.directory.path("keyed"), "--with-key", "--json",
      ])
      let keyFile = try CLISite.object(keyed.stdout)["key_file"] as? String ?? ""
      let mode = (try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? NSNumber)?
        .intValue
      #expect(mode == 0o600)
      #expect(
        FileManager.default.contents(atPath: keyFile)
          == FileManager.default.contents(atPath: site.db + ".key"))

      let refused = try site.run(["restore", "--db", site.db, "--from", files[2]])
      #expect(refused.status == 3 && refused.stderr.contains("serve"), "\(refused.stderr)")
      Self.stop(serve)
      let restored = try site.run(["restore", "--db", site.db, "--from", files[2], "--json"])
      #expect(restored.status == 0, "\(restored.stderr)")
      let replaced = try CLISite.object(restored.stdout)["replaced"] as? String ?? ""
      #expect(FileManager.default.fileExists(atPath: replaced))
      #expect(try Self.shell(site.db, "PRAGMA integrity_check") == "ok")
      #expect(Int(try Self.shell(site.db, "SELECT COUNT(*) FROM reading")) == readings[2])
      let verify = try site.run(["audit", "verify", "--db", site.db])
      #expect(verify.status == 0, "\(verify.stderr)")
    }
  }

  @Test("after restoring an older backup and polling, the meter sold to after the backup is flagged")
  func restoreFlagsMetersAhead() async throws {
    try await CLISite.with { site in
      let folder = site.directory.path("backups")
      let backup = try site.run(["backup", "--db", site.db, "--to", folder, "--json"])
      #expect(backup.status == 0, "\(backup.stderr)")
      let file = try CLISite.object(backup.stdout)["file"] as? String ?? ""
      let meter = CLISite.meters[0]
      let before = try site.snapshot(meter).purchaseCount
      let sale = try site.sell(meter, "40.00", ["--wait", "20", "--json"])
      #expect(try CLISite.object(sale.stdout)["status"] as? String == "delivered", "\(sale.stderr)")
      #expect(try site.snapshot(meter).purchaseCount == before + 1)

      let restored = try site.run(["restore", "--db", site.db, "--from", file])
      #expect(restored.status == 0, "\(restored.stderr)")
      #expect(restored.stdout.contains("checked at their next reading"))
      var status = try CLISite.object(site.run(["restore", "--db", site.db, "--status", "--json"]).stdout)
      var checks = status["checks"] as? [[String: Any]] ?? []
      #expect(checks.allSatisfy { $0["state"] as? String == "pending" }, "\(checks)")

      let poll = try site.run(["poll", "--db", site.db, "--sweeps", "1"])
      #expect(poll.status == 0, "\(poll.stderr)")
      status = try CLISite.object(site.run(["restore", "--db", site.db, "--status", "--json"]).stdout)
      checks = status["checks"] as? [[String: Any]] ?? []
      let states = Dictionary(
        uniqueKeysWithValues: checks.map { ($0["meter"] as? String ?? "", $0["state"] as? String ?? "") })
      #expect(states[meter] == "flagged", "\(checks)")
      #expect(states[CLISite.meters[1]] == "ok" && states[CLISite.meters[2]] == "ok", "\(checks)")
      let flagged = checks.first { $0["meter"] as? String == meter }
      #expect(flagged?["meter_count"] as? Int == Int(before + 1))
      let log = try site.run(["audit", "list", "--db", site.db, "--action", "restore.flagged", "--json"])
      let entries = try CLISite.object(log.stdout)["entries"] as? [[String: Any]] ?? []
      #expect(entries.count == 1 && (entries.first?["target"] as? String) == "meter \(meter)", "\(entries)")
      #expect(try site.run(["audit", "verify", "--db", site.db]).status == 0)
      // The supervisor sees the flag at the undelivered-sales desk and settles it there.
      let desk = try CLISite.object(site.run(["outbox", "list", "--db", site.db, "--json"]).stdout)
      let deskFlags = desk["restore_flags"] as? [[String: Any]] ?? []
      #expect(deskFlags.map { $0["meter"] as? String } == [meter], "\(desk)")
      let cashierSettles = try site.run(
        [
          "outbox", "settle-restore", "--db", site.db, "--meter", meter, "--note", "x", "--operator", "li",
          "--password-stdin",
        ], stdin: "li-pass\n")
      #expect(cashierSettles.status != 0 && cashierSettles.stderr.contains("li"), "\(cashierSettles.stderr)")
      let settled = try site.run(
        [
          "outbox", "settle-restore", "--db", site.db, "--meter", meter, "--note",
          "re-entered bill from the receipt",
          "--operator", "wang", "--password-stdin",
        ], stdin: "wang-pass\n")
      #expect(settled.status == 0, "\(settled.stderr)")
      let after = try CLISite.object(site.run(["outbox", "list", "--db", site.db, "--json"]).stdout)
      #expect((after["restore_flags"] as? [Any])?.isEmpty == true)
      // The restore check's trigger leaves plain sqlite3 inserts of readings working.
      _ = try Self.shell(
        site.db,
        "INSERT INTO reading (meter, readAt, purchaseCount) VALUES ('\(meter)', '2099-01-01 00:00:00.000', 99)"
      )
      // A restore of something that is not a database is refused.
      let junk = site.directory.path("junk.db")
      try Data("not a database".utf8).write(to: URL(fileURLWithPath: junk))
      let refused = try site.run(["restore", "--db", site.db, "--from", junk])
      #expect(refused.status != 0)
    }
  }
}

/// The exit status `meterdesk audit verify` uses for a broken chain.
enum AuditVerifyCommandStatus {
  static let broken: Int32 = 2
}

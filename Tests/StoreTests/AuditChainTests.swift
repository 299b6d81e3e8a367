import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

@Suite("AuditChain")
struct AuditChainTests {
  let key = AuditKey(secret: Array("audit chain test key".utf8))

  /// A database file with `count` signed entries.
  func signedLog(_ directory: TemporaryDirectory, count: Int = 6) throws -> (AppDatabase, String) {
    let path = directory.path("site.db")
    let database = try AppDatabase.open(path: path, auditKey: key)
    for index in 1...count {
      try database.appendAudit(
        AuditRecord(
          at: Date(timeIntervalSince1970: 1_750_000_000 + Double(index)), operator: "wang",
          action: "sale.record", target: "meter \(index)", detail: "￥\(index)0.00"))
    }
    return (database, path)
  }

  /// Runs `sql` as someone holding the database file alone: a plain connection without the key.
  func tamper(_ path: String, _ sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
  }

  @Test("every entry is signed and the chain holds")
  func holds() throws {
    let directory = try TemporaryDirectory()
    let (database, _) = try signedLog(directory)
    let result = try database.verifyAuditChain()
    #expect(result.holds)
    #expect(result.entries == 6 && result.verified == 6 && result.predating == nil)
    #expect(try database.auditEntries().allSatisfy(\.signed))
    #expect(result.summary.contains("holds"))
  }

  @Test("the content columns stay append-only and a signature cannot be replaced")
  func triggers() throws {
    let directory = try TemporaryDirectory()
    let (database, _) = try signedLog(directory)
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in try db.execute(sql: "UPDATE auditLog SET detail = 'x' WHERE id = 2") }
    }
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in try db.execute(sql: "UPDATE auditLog SET hmac = x'00' WHERE id = 2") }
    }
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in try db.execute(sql: "DELETE FROM auditLog WHERE id = 2") }
    }
    // A connection without the chain function cannot even append.
    #expect(throws: DatabaseError.self) {
      try tamper(
        directory.path("site.db"),
        "INSERT INTO auditLog (at, operator, action, target, detail) VALUES ('2025-01-01', 'x', 'y', 'z', '')"
      )
    }
  }

  @Test("a row changed after its triggers are dropped is named")
  func changed() throws {
    let directory = try TemporaryDirectory()
    let (database, path) = try signedLog(directory)
    try tamper(
      path,
      """
      DROP TRIGGER auditLog_append_only_update;
      UPDATE auditLog SET detail = '￥1.00' WHERE id = 3;
      """)
    let result = try database.verifyAuditChain()
    #expect(!result.holds)
    #expect(result.problem?.entry == 3 && result.problem?.kind == .changed)
    #expect(result.summary.contains("entry 3"))
    #expect(result.verified == 2)
  }

  @Test("a row changed with its signature stripped, or the last row changed, is named")
  func changedLastAndStripped() throws {
    let directory = try TemporaryDirectory()
    let (database, path) = try signedLog(directory)
    try tamper(
      path,
      """
      DROP TRIGGER auditLog_append_only_update; DROP TRIGGER auditLog_hmac_once;
      UPDATE auditLog SET target = 'meter 9' WHERE id = 6;
      """)
    #expect(try database.verifyAuditChain().problem?.entry == 6)
    try tamper(path, "UPDATE auditLog SET hmac = NULL, operator = 'li' WHERE id = 4")
    let result = try database.verifyAuditChain()
    #expect(result.problem?.entry == 4 && result.problem?.kind == .unsigned)
  }

  @Test("a deleted row is named, in the middle and at the end")
  func removed() throws {
    let directory = try TemporaryDirectory()
    let (database, path) = try signedLog(directory)
    try tamper(path, "DROP TRIGGER auditLog_append_only_delete; DELETE FROM auditLog WHERE id = 6")
    var result = try database.verifyAuditChain()
    #expect(result.problem?.entry == 6 && result.problem?.kind == .removed)
    #expect(result.problem?.reason.contains("end of the log") == true)
    try tamper(path, "DELETE FROM auditLog WHERE id = 2")
    result = try database.verifyAuditChain()
    #expect(result.problem?.entry == 2 && result.problem?.kind == .removed)
    // Renumbering to hide the gap breaks the chain at the entry after it.
    try tamper(
      path,
      """
      DROP TRIGGER auditLog_append_only_update;
      UPDATE auditLog SET id = -id WHERE id > 2; UPDATE auditLog SET id = -id - 1 WHERE id < 0;
      UPDATE sqlite_sequence SET seq = 4 WHERE name = 'auditLog';
      """)
    result = try database.verifyAuditChain()
    #expect(result.problem?.entry == 2 && result.problem?.kind == .changed)
  }

  @Test("an inserted row is named, appended unsigned or slipped in between")
  func inserted() throws {
    let directory = try TemporaryDirectory()
    let (database, path) = try signedLog(directory)
    try tamper(
      path,
      """
      DROP TRIGGER auditLog_chain;
      INSERT INTO auditLog (at, operator, action, target, detail)
      VALUES ('2025-06-15 12:00:00.000', 'wang', 'sale.record', 'meter 7', '￥70.00');
      """)
    var result = try database.verifyAuditChain()
    #expect(result.problem?.entry == 7 && result.problem?.kind == .unsigned)
    try tamper(
      path,
      """
      DROP TRIGGER auditLog_append_only_update; DROP TRIGGER auditLog_append_only_delete;
      DELETE FROM auditLog WHERE id = 7;
      UPDATE auditLog SET id = -id WHERE id >= 4; UPDATE auditLog SET id = -id + 1 WHERE id < 0;
      INSERT INTO auditLog (id, at, operator, action, target, detail, hmac)
      VALUES (4, '2025-06-15 12:00:00.000', 'wang', 'sale.refund', 'meter 2', '￥-20.00', randomblob(32));
      """)
    result = try database.verifyAuditChain()
    #expect(result.problem?.entry == 4 && result.problem?.kind == .inserted)
  }

  @Test("entries written before the chain existed are reported, and tampering after them is still caught")
  func predating() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("site.db")
    let old = try AppDatabase.open(path: path)
    for index in 1...3 {
      try old.appendAudit(
        AuditRecord(at: Date(), operator: "old", action: "a", target: "\(index)", detail: ""))
    }
    #expect(throws: AuditChainError.self) { try old.verifyAuditChain() }
    let database = try AppDatabase.open(path: path, auditKey: key)
    var result = try database.verifyAuditChain()
    #expect(result.holds && result.predating == 1...3)
    for index in 4...5 {
      try database.appendAudit(
        AuditRecord(at: Date(), operator: "new", action: "a", target: "\(index)", detail: ""))
    }
    result = try database.verifyAuditChain()
    #expect(result.holds && result.predating == 1...3 && result.verified == 2)
    #expect(result.summary.contains("entries 1–3 predate the chain"))
    // A process without the key appends: that entry is named as unsigned.
    try old.appendAudit(AuditRecord(at: Date(), operator: "old", action: "a", target: "6", detail: ""))
    result = try database.verifyAuditChain()
    #expect(result.problem?.entry == 6 && result.problem?.kind == .unsigned)
    try tamper(
      path, "DROP TRIGGER auditLog_append_only_update; UPDATE auditLog SET detail = 'x' WHERE id = 4")
    #expect(try database.verifyAuditChain().problem?.entry == 4)
  }

  @Test("a key file loaded at first write signs; another key fails the chain")
  func keyFile() throws {
    let directory = try TemporaryDirectory()
    let (database, path) = try signedLog(directory, count: 2)
    let other = try AppDatabase.open(path: path, auditKey: AuditKey(secret: [1, 2, 3]))
    #expect(try other.verifyAuditChain().problem?.entry == 1)
    #expect(try database.verifyAuditChain().holds)
  }

  @Test("entries filter by operator, action prefix and time")
  func filter() throws {
    let directory = try TemporaryDirectory()
    let (database, _) = try signedLog(directory)
    try database.appendAudit(
      AuditRecord(
        at: Date(timeIntervalSince1970: 1_750_000_100), operator: "li", action: "operator.add",
        target: "zhao",
        detail: ""))
    #expect(try database.auditEntries(AuditFilter(operator: "li")).map(\.record.target) == ["zhao"])
    #expect(try database.auditEntries(AuditFilter(action: "sale.")).count == 6)
    let window = try database.auditEntries(
      AuditFilter(
        from: Date(timeIntervalSince1970: 1_750_000_002), to: Date(timeIntervalSince1970: 1_750_000_004)))
    #expect(window.map(\.record.target) == ["meter 3", "meter 2"])
    #expect(try database.auditEntries(AuditFilter(limit: 2)).count == 2)
  }
}

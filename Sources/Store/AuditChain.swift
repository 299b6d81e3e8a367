import Foundation
import GRDB
import MeterCrypto
import Synchronization

/// The key of the operation log's HMAC chain, derived from the site master key; never stored in the
/// database, so an entry edited with the database file alone no longer matches its signature.
public struct AuditKey: Sendable {
  let bytes: [UInt8]

  /// The label the audit key is derived under: HMAC-SHA256(master key, label).
  public static let derivationLabel = "meterdesk audit log v1"

  /// Derives the audit key from the site master key.
  public init(masterKey: SiteMasterKey) throws {
    bytes = try HMACSHA256.mac(key: masterKey.bytes, message: Array(Self.derivationLabel.utf8))
  }

  /// Uses `secret` as the audit key as it is (tests).
  public init(secret: [UInt8]) {
    bytes = secret
  }

  /// Loads the site master key file at `path` and derives the audit key; mode warnings go to `warn`.
  public static func load(keyFile path: String, warn: (String) -> Void = { _ in }) throws -> AuditKey {
    try AuditKey(masterKey: KeyFile.load(from: path, warn: warn))
  }

  /// The HMAC of one entry's content chained to the previous signed entry's HMAC.
  func mac(content: [DatabaseValue], previous: DatabaseValue) throws -> Data {
    var message = Array("meterdesk audit v1".utf8)
    for value in content + [previous] { AuditChain.append(value, to: &message) }
    return Data(try HMACSHA256.mac(key: bytes, message: message))
  }
}

/// Where the connections of one database find the audit key: given at open, or loaded from the site
/// key file the first time an entry is written (so a key file created after the database was opened,
/// as `meterdesk init` does, still signs).
final class AuditSigner: Sendable {
  private struct State {
    var key: AuditKey?
    var keyFile: String?
  }

  private let state: Mutex<State>

  init(key: AuditKey?, keyFile: String?) {
    state = Mutex(State(key: key, keyFile: keyFile))
  }

  /// The key, loading it from the key file when not loaded yet; nil when there is none.
  var key: AuditKey? {
    state.withLock { state in
      if let key = state.key { return key }
      guard let file = state.keyFile, FileManager.default.fileExists(atPath: file) else { return nil }
      state.key = try? AuditKey.load(keyFile: file)
      return state.key
    }
  }

  /// Uses the key file at `path` from now on (a `--keys` option).
  func use(keyFile path: String) {
    state.withLock { state in
      if state.keyFile != path { state.key = nil }
      state.keyFile = path
    }
  }

  /// Uses `key` from now on.
  func use(key: AuditKey) {
    state.withLock { $0.key = key }
  }

  /// The SQL function the chain trigger calls: the entry's HMAC, or NULL without a key.
  var function: DatabaseFunction {
    DatabaseFunction(AuditChain.functionName, argumentCount: 6, pure: false) { [self] values in
      guard let key else { return nil }
      return try key.mac(content: Array(values.prefix(5)), previous: values[5])
    }
  }
}

/// The canonical byte form of audit entries, shared by the insert trigger and `audit verify`.
enum AuditChain {
  /// The SQL function the `auditLog_chain` trigger calls.
  static let functionName = "meterdesk_audit_mac"

  /// The content columns an entry's HMAC covers, in order (the row id is checked separately).
  static let contentColumns = ["at", "operator", "action", "target", "detail"]

  /// Appends `value` with its storage class and length, so no two contents share bytes.
  static func append(_ value: DatabaseValue, to message: inout [UInt8]) {
    let tag: UInt8
    let bytes: [UInt8]
    switch value.storage {
    case .null: (tag, bytes) = (0x6E, [])
    case .int64(let number): (tag, bytes) = (0x69, Array(String(number).utf8))
    case .double(let number): (tag, bytes) = (0x72, Array(String(number.bitPattern).utf8))
    case .string(let text): (tag, bytes) = (0x74, Array(text.utf8))
    case .blob(let data): (tag, bytes) = (0x62, Array(data))
    }
    message.append(tag)
    let length = UInt64(bytes.count)
    for shift in stride(from: 56, through: 0, by: -8) {
      message.append(UInt8(truncatingIfNeeded: length >> shift))
    }
    message += bytes
  }
}

/// Why the operation log cannot be verified at all.
public enum AuditChainError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No key: the site master key file is missing or unreadable.
  case noKey(String?)

  /// A short English reason.
  public var description: String {
    switch self {
    case .noKey(let file?): return "no usable site key file \(file): the operation log cannot be verified"
    case .noKey(nil): return "no site key: the operation log cannot be verified"
    }
  }
}

/// The first entry of the operation log that breaks the chain.
public struct AuditProblem: Sendable, Hashable {
  /// What happened to the entry.
  public enum Kind: String, Sendable, Hashable {
    /// Its content no longer matches its signature.
    case changed
    /// It (or a run of entries starting with it) is missing.
    case removed
    /// It was added to the log without the key.
    case inserted
    /// It carries no signature though the chain had started (written without the key, or added).
    case unsigned
  }

  /// The entry's id.
  public var entry: Int64
  /// What happened to it.
  public var kind: Kind
  /// The reason in plain English, naming the entry.
  public var reason: String
}

/// The result of checking the operation log's chain.
public struct AuditVerification: Sendable, Hashable {
  /// Entries in the log.
  public var entries: Int
  /// Entries written before the chain started (unsigned, not verifiable), if any.
  public var predating: ClosedRange<Int64>?
  /// Entries whose signature was checked.
  public var verified: Int
  /// The first entry that breaks the chain, nil when it holds.
  public var problem: AuditProblem?

  /// True when every entry from the chain's start on is present, unchanged and signed.
  public var holds: Bool { problem == nil }

  /// One line for people: whether the chain holds, from which entry, or the first broken entry.
  public var summary: String {
    var parts: [String] = []
    if let problem {
      parts.append("the operation log chain is broken: \(problem.reason)")
    } else {
      parts.append("the operation log chain holds: \(verified) of \(entries) entries verified")
    }
    if let predating {
      let range =
        predating.lowerBound == predating.upperBound
        ? "entry \(predating.lowerBound) predates"
        : "entries \(predating.lowerBound)–\(predating.upperBound) predate"
      parts.append("\(range) the chain")
    }
    return parts.joined(separator: "; ")
  }
}

/// What ``AppDatabase/auditEntries(_:)`` selects.
public struct AuditFilter: Sendable, Hashable {
  /// Only this operator's entries.
  public var `operator`: String?
  /// Only this action, or every action starting with it when it ends with `.` (e.g. `operator.`).
  public var action: String?
  /// Only entries at or after this time.
  public var from: Date?
  /// Only entries before this time.
  public var to: Date?
  /// At most this many, newest first; nil for all.
  public var limit: Int?

  /// Creates a filter; nil fields select everything.
  public init(
    operator: String? = nil, action: String? = nil, from: Date? = nil, to: Date? = nil, limit: Int? = nil
  ) {
    self.operator = `operator`
    self.action = action
    self.from = from
    self.to = to
    self.limit = limit
  }
}

/// One entry of the operation log with whether it carries a signature.
public struct AuditEntry: Sendable, Hashable {
  /// The entry.
  public var record: AuditRecord
  /// Whether it carries an HMAC (false for entries predating the chain or written without the key).
  public var signed: Bool
}

extension AppDatabase {
  /// Uses the site master key file at `path` to sign new operation-log entries (a `--keys` option).
  public func useAuditKeyFile(_ path: String) {
    auditSigner.use(keyFile: path)
  }

  /// Uses `key` to sign new operation-log entries.
  public func useAuditKey(_ key: AuditKey) {
    auditSigner.use(key: key)
  }

  /// Whether this process has the audit key, so the entries it writes are signed.
  public var signsAudit: Bool { auditSigner.key != nil }

  /// Operation-log entries matching `filter`, newest first.
  public func auditEntries(_ filter: AuditFilter = AuditFilter()) throws -> [AuditEntry] {
    var clauses: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if let name = filter.operator {
      clauses.append("operator = ?")
      arguments.append(name)
    }
    if let action = filter.action {
      if action.hasSuffix(".") {
        clauses.append("substr(action, 1, ?) = ?")
        arguments += [action.count, action]
      } else {
        clauses.append("action = ?")
        arguments.append(action)
      }
    }
    if let from = filter.from {
      clauses.append("at >= ?")
      arguments.append(from)
    }
    if let to = filter.to {
      clauses.append("at < ?")
      arguments.append(to)
    }
    var sql = "SELECT *, hmac IS NOT NULL AS signed FROM auditLog"
    if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
    sql += " ORDER BY id DESC"
    if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
    return try writer.read { db in
      try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
        AuditEntry(record: try AuditRecord(row: row), signed: row["signed"])
      }
    }
  }

  /// Checks the whole operation log against its HMAC chain; throws when this process has no key.
  public func verifyAuditChain() throws -> AuditVerification {
    guard let key = auditSigner.key else { throw AuditChainError.noKey(nil) }
    return try writer.read { db in try Self.verify(db, key: key) }
  }

  private struct ChainRow {
    var id: Int64
    var content: [DatabaseValue]
    var hmac: DatabaseValue
  }

  static func verify(_ db: Database, key: AuditKey) throws -> AuditVerification {
    let columns = AuditChain.contentColumns.joined(separator: ", ")
    let rows = try Row.fetchAll(db, sql: "SELECT id, \(columns), hmac FROM auditLog ORDER BY id").map { row in
      ChainRow(
        id: row[0], content: (1...AuditChain.contentColumns.count).map { row[$0] as DatabaseValue },
        hmac: row["hmac"])
    }
    let firstEntry = try Int64.fetchOne(db, sql: "SELECT firstEntry FROM auditChain WHERE id = 1")
    let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'auditLog'")
    var result = AuditVerification(entries: rows.count, predating: nil, verified: 0, problem: nil)
    var previous = DatabaseValue.null
    var expectedID: Int64 = 1
    func fail(_ entry: Int64, _ kind: AuditProblem.Kind, _ reason: String) -> AuditVerification {
      result.problem = AuditProblem(entry: entry, kind: kind, reason: reason)
      return result
    }
    for (index, row) in rows.enumerated() {
      if row.id != expectedID {
        let missing =
          row.id - 1 == expectedID ? "entry \(expectedID) was" : "entries \(expectedID)–\(row.id - 1) were"
        return fail(expectedID, .removed, "\(missing) removed (the log jumps to entry \(row.id))")
      }
      expectedID = row.id + 1
      guard let start = firstEntry, row.id >= start else {
        if !row.hmac.isNull {
          return fail(
            row.id, .changed,
            "entry \(row.id) is signed but the log's record of where the chain starts was altered")
        }
        result.predating = (result.predating?.lowerBound ?? row.id)...row.id
        continue
      }
      guard case .blob(let stored) = row.hmac.storage else {
        return fail(
          row.id, .unsigned,
          "entry \(row.id) is not signed: it was written without the site key or inserted with the database file alone"
        )
      }
      if try key.mac(content: row.content, previous: previous) != stored {
        guard index + 1 < rows.count, case .blob(let next) = rows[index + 1].hmac.storage else {
          return fail(
            row.id, .changed,
            "entry \(row.id) does not match its signature: it was changed or inserted")
        }
        let following = rows[index + 1].content
        if try key.mac(content: following, previous: previous) == next {
          return fail(
            row.id, .inserted, "entry \(row.id) was inserted: the entries around it chain without it")
        }
        return fail(
          row.id, .changed,
          "entry \(row.id) does not match its signature: it was changed (or an entry before it removed)")
      }
      previous = row.hmac
      result.verified += 1
    }
    let last = rows.last?.id ?? 0
    if let sequence, sequence > last {
      let missing = sequence == last + 1 ? "entry \(sequence) was" : "entries \(last + 1)–\(sequence) were"
      return fail(last + 1, .removed, "\(missing) removed from the end of the log")
    }
    return result
  }
}

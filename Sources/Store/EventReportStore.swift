import Domain
import Foundation
import GRDB

/// A meter as the alarm and offline reports see it: where it is, whose it is, its latest state and
/// which recorded conditions are open.
public struct ReportMeterStatus: Sendable, Hashable {
  /// The meter row.
  public var meter: MeterRecord
  /// The gateway of the meter's bus, nil for a local serial port.
  public var gateway: String?
  /// The tenant of the meter's account, nil without an account.
  public var tenant: String?
  /// The latest state, nil when the meter was never polled.
  public var state: MeterStateRecord?
  /// For each condition kind whose latest recorded event entered it (still open), when it entered.
  public var openSince: [String: Date]

  /// Creates a status.
  public init(
    meter: MeterRecord, gateway: String?, tenant: String?, state: MeterStateRecord?, openSince: [String: Date]
  ) {
    self.meter = meter
    self.gateway = gateway
    self.tenant = tenant
    self.state = state
    self.openSince = openSince
  }
}

/// One recorded condition transition (alarm entered or left, offline, tripped…).
public struct ReportConditionEvent: Sendable, Hashable {
  /// Meter number.
  public var meter: String
  /// `alarm1`, `alarm2`, `arrears`, `offline`, `tripped` or `overload`.
  public var kind: String
  /// True when the condition began, false when it ended.
  public var entered: Bool
  /// When it was noticed.
  public var at: Date
  /// Extra words (the error that made a meter offline, for example).
  public var detail: String

  /// Creates an event.
  public init(meter: String, kind: String, entered: Bool, at: Date, detail: String) {
    self.meter = meter
    self.kind = kind
    self.entered = entered
    self.at = at
    self.detail = detail
  }
}

/// Condition transitions of a range, with what was open when it began.
public struct ReportConditionHistory: Sendable, Hashable {
  /// For each meter and kind, its latest event before the range (open at the start when it entered).
  public var before: [ReportConditionEvent]
  /// The events inside the range, oldest first.
  public var events: [ReportConditionEvent]

  /// Creates a history.
  public init(before: [ReportConditionEvent], events: [ReportConditionEvent]) {
    self.before = before
    self.events = events
  }
}

/// One `account.*` audit line (open, close, replace, add or remove a meter) with its account's tenant.
public struct ReportAccountAudit: Sendable, Hashable {
  /// When it happened.
  public var at: Date
  /// Who did it.
  public var `operator`: String
  /// `account.open`, `account.close`, `account.replace-meter`, `account.add-meter` or `account.remove-meter`.
  public var action: String
  /// The account id (the audit target without its `account ` prefix).
  public var account: String
  /// The account's tenant, empty when the account is unknown.
  public var tenant: String
  /// The audit detail in plain words.
  public var detail: String

  /// Creates an audit row.
  public init(at: Date, operator: String, action: String, account: String, tenant: String, detail: String) {
    self.at = at
    self.operator = `operator`
    self.action = action
    self.account = account
    self.tenant = tenant
    self.detail = detail
  }
}

/// One ledger entry as the account records read it: the bill, its kind and amount, and whose it is.
public struct ReportAccountEntry: Sendable, Hashable {
  /// The bill number.
  public var bill: Int64
  /// What the entry was.
  public var kind: LedgerKind
  /// The meter it was entered on.
  public var meter: String
  /// The account it was entered for.
  public var account: String
  /// The account's tenant, empty when unknown.
  public var tenant: String
  /// Signed amount in fen, as the ledger holds it.
  public var amountFen: Int64
  /// How a sale was paid, nil for other kinds.
  public var payMethod: PayMethod?
  /// Who entered it.
  public var `operator`: String
  /// When it was entered.
  public var createdAt: Date
  /// The entry's remark ("meter replaced by …" on a replacement's settlement).
  public var remark: String

  /// Creates an entry.
  public init(
    bill: Int64, kind: LedgerKind, meter: String, account: String, tenant: String, amountFen: Int64,
    payMethod: PayMethod?, operator: String, createdAt: Date, remark: String
  ) {
    self.bill = bill
    self.kind = kind
    self.meter = meter
    self.account = account
    self.tenant = tenant
    self.amountFen = amountFen
    self.payMethod = payMethod
    self.operator = `operator`
    self.createdAt = createdAt
    self.remark = remark
  }
}

extension AppDatabase {
  /// Every meter in `scope` (bus then address order) with its gateway, tenant, latest state and open
  /// conditions: two queries in one read.
  public func reportMeterStatuses(where scope: MeterScope = MeterScope()) throws -> [ReportMeterStatus] {
    let conditions = scope.conditions()
    return try writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT m.*, b.gateway AS busGateway, a.tenant AS accountTenant
          FROM meter m JOIN bus b ON b.name = m.bus LEFT JOIN account a ON a.id = m.account
          WHERE 1 = 1\(conditions.sql)
          ORDER BY m.bus, m.address
          """, arguments: conditions.arguments)
      let states = Dictionary(uniqueKeysWithValues: try MeterStateRecord.fetchAll(db).map { ($0.meter, $0) })
      var open: [String: [String: Date]] = [:]
      let latest = try Row.fetchAll(
        db,
        sql: """
          SELECT meter, kind, entered, at FROM alarmEvent
          WHERE id IN (SELECT MAX(id) FROM alarmEvent GROUP BY meter, kind)
          """)
      for row in latest where row["entered"] as Bool {
        open[row["meter"] as String, default: [:]][row["kind"] as String] = row["at"] as Date
      }
      return try rows.map { row in
        let meter = try MeterRecord(row: row)
        return ReportMeterStatus(
          meter: meter, gateway: row["busGateway"], tenant: row["accountTenant"], state: states[meter.number],
          openSince: open[meter.number] ?? [:])
      }
    }
  }

  /// Transitions of `kinds` noticed in `[start, end)` on meters in `scope`, with each meter's and kind's
  /// latest transition before `start` (what was open when the range began).
  public func reportConditionHistory(
    from start: Date, to end: Date, kinds: [String], where scope: MeterScope = MeterScope()
  ) throws -> ReportConditionHistory {
    guard !kinds.isEmpty else { return ReportConditionHistory(before: [], events: []) }
    let conditions = scope.conditions()
    let kindList = kinds.map { _ in "?" }.joined(separator: ", ")
    func events(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws
      -> [ReportConditionEvent]
    {
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        ReportConditionEvent(
          meter: row["meter"], kind: row["kind"], entered: row["entered"], at: row["at"],
          detail: row["detail"])
      }
    }
    return try writer.read { db in
      var beforeArguments: StatementArguments = [start]
      beforeArguments += StatementArguments(kinds)
      beforeArguments += conditions.arguments
      let before = try events(
        db,
        """
        SELECT e.meter, e.kind, e.entered, e.at, e.detail FROM alarmEvent e JOIN meter m ON m.number = e.meter
        WHERE e.id IN (
          SELECT MAX(id) FROM alarmEvent WHERE at < ? AND kind IN (\(kindList)) GROUP BY meter, kind)
        \(conditions.sql)
        ORDER BY e.id
        """, beforeArguments)
      var inArguments: StatementArguments = [start, end]
      inArguments += StatementArguments(kinds)
      inArguments += conditions.arguments
      let inside = try events(
        db,
        """
        SELECT e.meter, e.kind, e.entered, e.at, e.detail FROM alarmEvent e JOIN meter m ON m.number = e.meter
        WHERE e.at >= ? AND e.at < ? AND e.kind IN (\(kindList))\(conditions.sql)
        ORDER BY e.at, e.id
        """, inArguments)
      return ReportConditionHistory(before: before, events: inside)
    }
  }

  /// Every bus with its gateway, by name.
  public func reportBuses() throws -> [BusRecord] {
    try writer.read { db in try BusRecord.order(Column("name")).fetchAll(db) }
  }

  /// The `account.*` audit lines (open, close, replace, add and remove a meter) of `[start, end)`,
  /// oldest first, optionally of one account, each with its account's tenant.
  public func reportAccountAudits(from start: Date, to end: Date, account: String? = nil) throws
    -> [ReportAccountAudit]
  {
    var sql = """
      SELECT l.at, l.operator, l.action, l.target, l.detail, COALESCE(a.tenant, '') AS tenant
      FROM auditLog l LEFT JOIN account a ON l.target = 'account ' || a.id
      WHERE l.at >= ? AND l.at < ? AND l.action IN
        ('account.open', 'account.close', 'account.replace-meter', 'account.add-meter', 'account.remove-meter')
      """
    var arguments: StatementArguments = [start, end]
    if let account {
      sql += " AND l.target = ?"
      arguments += ["account \(account)"]
    }
    sql += " ORDER BY l.at, l.id"
    return try writer.read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        let target: String = row["target"]
        return ReportAccountAudit(
          at: row["at"], operator: row["operator"], action: row["action"],
          account: target.hasPrefix("account ") ? String(target.dropFirst("account ".count)) : target,
          tenant: row["tenant"], detail: row["detail"])
      }
    }
  }

  /// Every ledger entry (all kinds) of `[start, end)` within `scope`, in bill order, with its account's
  /// tenant.
  public func reportAccountEntries(from start: Date, to end: Date, where scope: LedgerScope = LedgerScope())
    throws -> [ReportAccountEntry]
  {
    var sql = """
      SELECT l.bill, l.kind, l.meter, l.account, COALESCE(a.tenant, '') AS tenant, l.amountFen, l.payMethod,
        l.operator, l.createdAt, l.remark
      FROM ledgerEntry l LEFT JOIN meter m ON m.number = l.meter LEFT JOIN account a ON a.id = l.account
      WHERE l.createdAt >= ? AND l.createdAt < ?
      """
    var arguments: StatementArguments = [start, end]
    let conditions = scope.conditions()
    sql += conditions.sql
    arguments += conditions.arguments
    sql += " ORDER BY l.bill"
    return try writer.read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        let kindText: String = row["kind"]
        guard let kind = LedgerKind(rawValue: kindText) else {
          throw DatabaseError(message: "unknown ledger kind \(kindText)")
        }
        let payText: String? = row["payMethod"]
        return ReportAccountEntry(
          bill: row["bill"], kind: kind, meter: row["meter"], account: row["account"], tenant: row["tenant"],
          amountFen: row["amountFen"], payMethod: payText.flatMap(PayMethod.init(rawValue:)),
          operator: row["operator"], createdAt: row["createdAt"], remark: row["remark"])
      }
    }
  }
}

import Foundation
import GRDB

/// A meter as the energy reports show it: where it is, its CT ratio, tariff and tenant.
public struct ReportMeter: Sendable, Hashable {
  /// Meter number (表号).
  public var number: String
  /// Shop or room (商铺).
  public var shop: String
  /// Circuit label (回路).
  public var circuit: String
  /// Building code.
  public var building: String
  /// Bus name.
  public var bus: String
  /// CT ratio (互感器倍率).
  public var ctRatio: Int
  /// The meter's own tariff name, nil for the site default.
  public var tariff: String?
  /// The owning account, nil when the meter is not opened.
  public var account: String?
  /// The account's tenant (租户), empty when the meter is not opened.
  public var tenant: String

  /// Creates a meter row.
  public init(
    number: String, shop: String, circuit: String, building: String, bus: String, ctRatio: Int,
    tariff: String?, account: String?, tenant: String
  ) {
    self.number = number
    self.shop = shop
    self.circuit = circuit
    self.building = building
    self.bus = bus
    self.ctRatio = ctRatio
    self.tariff = tariff
    self.account = account
    self.tenant = tenant
  }
}

/// A meter's registers at the end of one day of the daily rollup (or at its first reading).
public struct RollupPoint: Sendable, Hashable {
  /// The rollup's local day, `YYYY-MM-DD`.
  public var day: String
  /// Total active energy, 0.01 kWh.
  public var energy: Int64
  /// Sharp, peak, flat and valley registers, 0.01 kWh; nil when the rollup does not hold all four.
  public var periods: [Int64]?

  /// Creates a point.
  public init(day: String, energy: Int64, periods: [Int64]?) {
    self.day = day
    self.energy = energy
    self.periods = periods
  }
}

extension AppDatabase {
  /// The meters within `scope`, by number, with their account's tenant.
  public func reportMeters(where scope: MeterScope = MeterScope()) throws -> [ReportMeter] {
    let conditions = scope.conditions()
    let sql = """
      SELECT m.number, m.shop, m.circuit, m.building, m.bus, m.ctRatio, m.tariff, m.account,
        COALESCE(a.tenant, '') AS tenant
      FROM meter m LEFT JOIN account a ON a.id = m.account
      WHERE true\(conditions.sql) ORDER BY m.number
      """
    return try writer.read { db in
      try Row.fetchAll(db, sql: sql, arguments: conditions.arguments).map { row in
        ReportMeter(
          number: row["number"], shop: row["shop"], circuit: row["circuit"], building: row["building"],
          bus: row["bus"], ctRatio: row["ctRatio"], tariff: row["tariff"], account: row["account"],
          tenant: row["tenant"])
      }
    }
  }

  /// Each meter's registers at the end of its last rollup day before `day` (strictly), by meter
  /// number; meters without such a day are absent. One index probe per meter: the meters drive the
  /// query (CROSS JOIN keeps that order), never a scan of the rollups.
  public func rollupsBefore(_ day: String, where scope: MeterScope = MeterScope()) throws -> [String:
    RollupPoint]
  {
    try latestRollups(comparison: "<", day: day, scope: scope)
  }

  /// Each meter's registers at the end of its last rollup day on or before `day`, by meter number.
  public func rollupsOnOrBefore(_ day: String, where scope: MeterScope = MeterScope()) throws
    -> [String: RollupPoint]
  {
    try latestRollups(comparison: "<=", day: day, scope: scope)
  }

  /// Each meter's first reading of its first rollup day in `[from, to]` (`firstEnergy`, no
  /// time-of-use registers: the rollup keeps only a day's last ones; see ``firstRegisters(_:)``), by
  /// meter number.
  public func firstRollups(from: String, to: String, where scope: MeterScope = MeterScope()) throws
    -> [String: RollupPoint]
  {
    let conditions = scope.conditions()
    let sql = """
      SELECT d.meter, d.day, d.firstEnergy AS energy
      FROM (
        SELECT m.number AS meter, (
          SELECT x.day FROM dailyEnergy x WHERE x.meter = m.number AND x.day >= ? AND x.day <= ?
          ORDER BY x.day LIMIT 1) AS day
        FROM meter m WHERE true\(conditions.sql)
      ) AS pick CROSS JOIN dailyEnergy d ON d.meter = pick.meter AND d.day = pick.day
      """
    var arguments: StatementArguments = [from, to]
    arguments += conditions.arguments
    return try writer.read { db in
      var points: [String: RollupPoint] = [:]
      for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
        points[row["meter"]] = RollupPoint(day: row["day"], energy: row["energy"], periods: nil)
      }
      return points
    }
  }

  /// The time-of-use registers of each meter's first raw reading at or after an instant, when that
  /// reading's total is the given one (the rollup's `firstEnergy` of the day starting there) and it holds
  /// all four registers; by meter number. One index probe per meter; a pruned reading gives nothing.
  public func firstRegisters(_ probes: [(meter: String, from: Date, energy: Int64)]) throws -> [String:
    [Int64]]
  {
    guard !probes.isEmpty else { return [:] }
    return try writer.read { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT energyTotal, energySharp, energyPeak, energyFlat, energyValley FROM reading
          WHERE meter = ? AND readAt >= ? AND energyTotal IS NOT NULL ORDER BY readAt LIMIT 1
          """)
      var registers: [String: [Int64]] = [:]
      for probe in probes {
        guard let row = try Row.fetchOne(statement, arguments: [probe.meter, probe.from]),
          row["energyTotal"] == probe.energy
        else { continue }
        let values: [Int64?] = [
          row["energySharp"], row["energyPeak"], row["energyFlat"], row["energyValley"],
        ]
        if values.allSatisfy({ $0 != nil }) { registers[probe.meter] = values.compactMap { $0 } }
      }
      return registers
    }
  }

  /// The rollup rows of days in `[from, to]` of the meters within `scope`, by meter then day.
  public func dailyRollups(from: String, to: String, where scope: MeterScope = MeterScope()) throws
    -> [DailyEnergyRecord]
  {
    let conditions = scope.conditions()
    let sql = """
      SELECT d.* FROM dailyEnergy d JOIN meter m ON m.number = d.meter
      WHERE d.day >= ? AND d.day <= ?\(conditions.sql) ORDER BY d.meter, d.day
      """
    var arguments: StatementArguments = [from, to]
    arguments += conditions.arguments
    return try writer.read { db in
      try DailyEnergyRecord.fetchAll(db, sql: sql, arguments: arguments)
    }
  }

  private func latestRollups(comparison: String, day: String, scope: MeterScope) throws -> [String:
    RollupPoint]
  {
    let conditions = scope.conditions()
    let sql = """
      SELECT d.meter, d.day, d.lastEnergy, d.lastSharp, d.lastPeak, d.lastFlat, d.lastValley
      FROM (
        SELECT m.number AS meter, (
          SELECT x.day FROM dailyEnergy x WHERE x.meter = m.number AND x.day \(comparison) ?
          ORDER BY x.day DESC LIMIT 1) AS day
        FROM meter m WHERE true\(conditions.sql)
      ) AS pick CROSS JOIN dailyEnergy d ON d.meter = pick.meter AND d.day = pick.day
      """
    var arguments: StatementArguments = [day]
    arguments += conditions.arguments
    return try writer.read { db in
      var points: [String: RollupPoint] = [:]
      for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
        let registers: [Int64?] = [row["lastSharp"], row["lastPeak"], row["lastFlat"], row["lastValley"]]
        let periods = registers.allSatisfy { $0 != nil } ? registers.compactMap { $0 } : nil
        points[row["meter"]] = RollupPoint(day: row["day"], energy: row["lastEnergy"], periods: periods)
      }
      return points
    }
  }
}

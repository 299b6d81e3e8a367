import GRDB

/// Which meters a report counts (energy, alarms, offline): every field set must match, nil matches all.
public struct MeterScope: Sendable, Hashable {
  /// The meter's building (code).
  public var building: String?
  /// The meter's bus.
  public var bus: String?
  /// The meter's number.
  public var meter: String?
  /// The meter's account.
  public var account: String?

  /// Creates a scope; the default matches every meter.
  public init(building: String? = nil, bus: String? = nil, meter: String? = nil, account: String? = nil) {
    self.building = building
    self.bus = bus
    self.meter = meter
    self.account = account
  }

  /// The scope's SQL conditions over `meter m`, each starting with " AND", with their arguments.
  func conditions() -> (sql: String, arguments: StatementArguments) {
    var sql = ""
    var arguments = StatementArguments()
    for (column, value) in [
      ("m.building", building), ("m.bus", bus), ("m.number", meter), ("m.account", account),
    ] {
      guard let value else { continue }
      sql += " AND \(column) = ?"
      arguments += [value]
    }
    return (sql, arguments)
  }
}

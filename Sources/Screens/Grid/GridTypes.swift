import Domain
import TerminalUI

/// How the grid groups meters under header rows; `g` cycles through them.
public enum GridGrouping: String, Sendable, CaseIterable, Hashable {
  /// One header per building.
  case building
  /// One header per building floor.
  case floor
  /// One header per bus.
  case bus
  /// No headers.
  case none

  /// The next grouping in the cycle.
  public var next: GridGrouping {
    let all = GridGrouping.allCases
    let index = all.firstIndex(of: self) ?? 0
    return all[(index + 1) % all.count]
  }
}

/// How meters are ordered (inside their group); `s` cycles through them.
public enum GridSort: String, Sendable, CaseIterable, Hashable {
  /// By meter number, naturally (2 before 10).
  case meter
  /// Lowest remaining amount first; never-read meters last.
  case remaining
  /// Most severe status first: arrears, offline, alarm 2, alarm 1, not opened, normal.
  case severity
  /// Oldest reading first; never-read meters first of all.
  case age

  /// The next sort in the cycle.
  public var next: GridSort {
    let all = GridSort.allCases
    let index = all.firstIndex(of: self) ?? 0
    return all[(index + 1) % all.count]
  }
}

/// A group header row: what it groups and how many meters are under it.
public struct GroupHeader: Sendable, Hashable {
  /// The grouping that made it.
  public var grouping: GridGrouping
  /// The building name, "building floor" or the bus name.
  public var title: String
  /// Meters under the header (after filtering).
  public var count: Int
}

/// One row of the grid: a group header or a meter (by its index in `GridState.meters`).
public enum GridRow: Sendable, Hashable {
  /// A group header.
  case header(GroupHeader)
  /// The meter at this index of `GridState.meters`.
  case meter(Int)

  /// The meter index, nil for headers.
  public var meterIndex: Int? {
    if case .meter(let index) = self { return index }
    return nil
  }
}

/// A passing note on the grid's info line.
public enum GridNotice: Sendable, Hashable {
  /// A read-now was requested for the meter.
  case reading(String)
  /// The read-now finished; the error text when it failed.
  case readFinished(String, error: String?)
  /// The search found nothing.
  case noMatch
}

extension MeterStatus {
  /// The role that colours this status on screen.
  public var styleRole: StyleRole {
    switch self {
    case .normal: .normalStatus
    case .alarm1: .alarm1
    case .alarm2: .alarm2
    case .arrears: .arrears
    case .unopened: .unopened
    case .offline: .offline
    }
  }

  /// Rank for the severity sort: 0 is the most severe.
  var severityRank: Int {
    switch self {
    case .arrears: 0
    case .offline: 1
    case .alarm2: 2
    case .alarm1: 3
    case .unopened: 4
    case .normal: 5
    }
  }
}

import Domain
import TerminalUI

extension GridState {
  /// Replaces every meter and rebuilds the rows, keeping the selected meter when it still exists.
  mutating func load(_ newMeters: [GridMeter]) {
    let anchor = selectionAnchor()
    meters = newMeters
    positions = Dictionary(
      newMeters.enumerated().map { ($1.meter, $0) }, uniquingKeysWith: { first, _ in first })
    tagged = tagged.filter { positions[$0] != nil }
    loaded = true
    rebuild(anchor: anchor)
  }

  /// Replaces meters by number (adding unknown ones) and rebuilds, keeping the selected meter on
  /// the same screen row.
  mutating func update(_ changed: [GridMeter]) {
    guard !changed.isEmpty else { return }
    let anchor = selectionAnchor()
    for meter in changed {
      if let index = positions[meter.meter] {
        meters[index] = meter
      } else {
        positions[meter.meter] = meters.count
        meters.append(meter)
      }
    }
    rebuild(anchor: anchor)
  }

  /// The selected meter and its row on screen, to restore after a rebuild.
  func selectionAnchor() -> (meter: String, screenRow: Int)? {
    guard let meter = selectedMeter else { return nil }
    let offset = TableState.offset(
      keeping: table.selected, from: table.offset, rowCount: rows.count, visible: visibleRows)
    return (meter.meter, table.selected - offset)
  }

  /// Recomputes counts and rows from meters, filter, sort and grouping; then restores the selection.
  mutating func rebuild(anchor: (meter: String, screenRow: Int)?) {
    var counts: [MeterStatus: Int] = [:]
    for meter in meters { counts[meter.status, default: 0] += 1 }
    self.counts = counts
    let indices = meters.indices.filter {
      shown.contains(meters[$0].status) && (!driftOnly || meters[$0].flags.contains(.settingsDrift))
    }
    var keyed = indices.map { (index: $0, key: GridState.sortKey(meters[$0], sort, grouping)) }
    keyed.sort { $0.key < $1.key }
    rows = GridState.rowsWithHeaders(
      keyed.map(\.index), keys: keyed.map(\.key.group), meters: meters, grouping: grouping)
    restore(anchor)
  }

  /// Puts the selection back on the anchor's meter at the same screen row, or on the nearest meter row.
  mutating func restore(_ anchor: (meter: String, screenRow: Int)?) {
    if let anchor,
      let row = rows.firstIndex(where: { $0.meterIndex.map { meters[$0].meter } == anchor.meter })
    {
      table.selected = row
      table.offset = max(0, min(row - anchor.screenRow, max(0, rows.count - visibleRows)))
      table.offset = TableState.offset(
        keeping: row, from: table.offset, rowCount: rows.count, visible: visibleRows)
    } else {
      table.select(table.selected, rowCount: rows.count, visible: visibleRows)
      settleOnMeter(direction: 1)
    }
  }

  /// Moves the selection off a header row (in `direction`, else back), showing the header above it.
  mutating func settleOnMeter(direction: Int) {
    guard !rows.isEmpty else {
      table = TableState()
      return
    }
    var row = min(max(0, table.selected), rows.count - 1)
    if rows[row].meterIndex == nil {
      let step = direction >= 0 ? 1 : -1
      var probe = row + step
      while probe >= 0, probe < rows.count, rows[probe].meterIndex == nil { probe += step }
      if probe < 0 || probe >= rows.count {
        probe = row - step
        while probe >= 0, probe < rows.count, rows[probe].meterIndex == nil { probe -= step }
      }
      if probe >= 0, probe < rows.count { row = probe }
    }
    table.select(row, rowCount: rows.count, visible: visibleRows)
    // Keep the group header visible when its first meter is at the top.
    if row > 0, table.offset == row, rows[row - 1].meterIndex == nil { table.offset = row - 1 }
  }

  /// The key a meter sorts by: its group, then the sort's rank, then its meter number (naturally).
  static func sortKey(_ meter: GridMeter, _ sort: GridSort, _ grouping: GridGrouping) -> RowKey {
    let group: String
    switch grouping {
    case .none: group = ""
    case .building: group = naturalKey(meter.building)
    case .floor: group = naturalKey(meter.building) + "\u{1}" + naturalKey(meter.floor)
    case .bus: group = naturalKey(meter.bus)
    }
    let rank: Int64
    switch sort {
    case .meter: rank = 0
    case .remaining: rank = meter.remaining?.fen ?? Int64.max
    case .severity: rank = Int64(meter.status.severityRank)
    case .age: rank = meter.readAt.map { Int64($0.timeIntervalSince1970.rounded(.down)) } ?? Int64.min
    }
    return RowKey(group: group, rank: rank, meter: naturalKey(meter.meter))
  }

  /// Rows for sorted meter indices with a header before each group (`keys` are the indices' group keys).
  static func rowsWithHeaders(_ indices: [Int], keys: [String], meters: [GridMeter], grouping: GridGrouping)
    -> [GridRow]
  {
    guard grouping != .none else { return indices.map { .meter($0) } }
    var rows: [GridRow] = []
    rows.reserveCapacity(indices.count + 64)
    var start = 0
    while start < indices.count {
      let first = meters[indices[start]]
      var end = start + 1
      while end < indices.count, keys[end] == keys[start] { end += 1 }
      let title: String
      switch grouping {
      case .building: title = first.buildingName
      case .floor: title = first.buildingName + " " + first.floor
      case .bus, .none: title = first.bus
      }
      rows.append(.header(GroupHeader(grouping: grouping, title: title, count: end - start)))
      for position in start..<end { rows.append(.meter(indices[position])) }
      start = end
    }
    return rows
  }

  /// A key whose plain string order is natural order: every run of ASCII digits is zero-padded to
  /// 20 digits, so "B2" sorts before "B10" and "2" before "10".
  static func naturalKey(_ text: String) -> String {
    var result = ""
    var digits = ""
    func flush() {
      guard !digits.isEmpty else { return }
      result += String(repeating: "0", count: max(0, 20 - digits.count)) + digits
      digits = ""
    }
    for scalar in text.unicodeScalars {
      if scalar.value >= 48 && scalar.value <= 57 {
        digits.unicodeScalars.append(scalar)
      } else {
        flush()
        result.unicodeScalars.append(scalar)
      }
    }
    flush()
    return result
  }
}

/// The sort key of one grid row: group, rank inside the group, natural meter number.
struct RowKey: Comparable {
  var group: String
  var rank: Int64
  var meter: String

  static func < (a: RowKey, b: RowKey) -> Bool {
    if a.group != b.group { return a.group < b.group }
    if a.rank != b.rank { return a.rank < b.rank }
    return a.meter < b.meter
  }
}

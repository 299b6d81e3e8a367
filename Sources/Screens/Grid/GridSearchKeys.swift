import Domain
import TerminalUI

extension GridScreen {
  /// Keys while the search line is open: text edits it; Enter jumps to the first match from the
  /// selection, Enter again on that match opens it; Down/Tab next match, Up/Shift-Tab previous; Esc closes.
  static func searchKey(_ state: inout GridState, _ key: Key) -> [Effect] {
    guard var search = state.search else { return [] }
    state.notice = nil
    let query = search.field.value.trimmingSpaces
    switch key {
    case .escape:
      state.search = nil
      return []
    case .function(4):
      state.search = nil
      state.filterMenu = 0
      return []
    case .enter:
      guard !query.isEmpty else {
        state.search = nil
        return []
      }
      if let jumped = search.jumpedTo, let meter = state.selectedMeter, meter.meter == jumped {
        state.search = nil
        return [.loadDetail(meter: jumped)]
      }
      search.jumpedTo = jump(&state, query: query, from: state.table.selected, step: 1)
    case .down, .tab:
      guard !query.isEmpty else { break }
      search.jumpedTo = jump(&state, query: query, from: state.table.selected + 1, step: 1)
    case .up, .backTab:
      guard !query.isEmpty else { break }
      search.jumpedTo = jump(&state, query: query, from: state.table.selected - 1, step: -1)
    default:
      if search.field.handle(key) {
        search.jumpedTo = nil
        state.search = search
        state.refreshSearchCount()
        return []
      }
    }
    state.search = search
    return []
  }

  /// Selects the first matching row from `start` in direction `step`, wrapping once; the meter number
  /// jumped to, or nil (and a "no match" notice) when nothing matches.
  private static func jump(_ state: inout GridState, query: String, from start: Int, step: Int) -> String? {
    let count = state.rows.count
    guard count > 0 else {
      state.notice = .noMatch
      return nil
    }
    let needle = query.lowercased()
    var row = ((start % count) + count) % count
    for _ in 0..<count {
      if let meter = state.meter(atRow: row), GridState.matches(meter, needle) {
        state.table.select(row, rowCount: count, visible: state.visibleRows)
        if row > 0, state.table.offset == row, state.rows[row - 1].meterIndex == nil {
          state.table.offset = row - 1
        }
        return meter.meter
      }
      row = ((row + step) % count + count) % count
    }
    state.notice = .noMatch
    return nil
  }
}

extension GridState {
  /// True when the lowercased `needle` occurs in the meter number, shop, tenant or phone.
  static func matches(_ meter: GridMeter, _ needle: String) -> Bool {
    if meter.meter.lowercased().contains(needle) || meter.shop.lowercased().contains(needle) { return true }
    if let tenant = meter.tenant, tenant.lowercased().contains(needle) { return true }
    if let phone = meter.phone, phone.contains(needle) { return true }
    return false
  }

  /// Recounts the rows matching the search text (when a search is open).
  mutating func refreshSearchCount() {
    guard var search else { return }
    let needle = search.field.value.trimmingSpaces.lowercased()
    if needle.isEmpty {
      search.matchCount = 0
    } else {
      var count = 0
      for row in rows {
        if let index = row.meterIndex, GridState.matches(meters[index], needle) { count += 1 }
      }
      search.matchCount = count
    }
    self.search = search
  }
}

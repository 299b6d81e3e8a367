import Domain
import Foundation
import TerminalUI

/// The open `/` search: the text typed and the meter the last Enter jumped to.
public struct GridSearch: Sendable, Hashable {
  /// The search text (any script).
  public var field: FormField
  /// The meter the last jump landed on; Enter again on it opens the detail.
  public var jumpedTo: String?
  /// Rows matching the text (computed when the text changes).
  public var matchCount: Int

  /// An empty search.
  public init() {
    field = FormField(label: "")
    field.maxLength = 40
    jumpedTo = nil
    matchCount = 0
  }
}

/// The meter status grid: every meter, the derived row index (filter, sort, groups), the selection,
/// tags, the search and the filter menu.
///
/// `rows` is recomputed only when meters, filter, sort or grouping change, never per frame, so
/// scrolling and rendering cost is proportional to the visible rows.
public struct GridState: Sendable {
  /// Every meter, in load order.
  public internal(set) var meters: [GridMeter]
  /// Meter number → index in `meters`.
  var positions: [String: Int]
  /// The rows shown: group headers and filtered, sorted meters.
  public internal(set) var rows: [GridRow]
  /// Meters per status over the whole site (not only the filtered rows).
  public internal(set) var counts: [MeterStatus: Int]
  /// The grouping.
  public internal(set) var grouping: GridGrouping
  /// The sort.
  public internal(set) var sort: GridSort
  /// The statuses shown (all six unless filtered).
  public internal(set) var shown: Set<MeterStatus>
  /// True when only meters flagged with settings drift (设置偏差) are shown.
  public internal(set) var driftOnly = false
  /// The selected row and the scroll position.
  public internal(set) var table: TableState
  /// Meter numbers tagged with Space, for batch operations.
  public internal(set) var tagged: Set<String>
  /// The open search, if any.
  public internal(set) var search: GridSearch?
  /// The highlighted item of the open filter menu (0–5 the statuses, 6 all), nil when closed.
  public internal(set) var filterMenu: Int?
  /// A passing note for the info line.
  public internal(set) var notice: GridNotice?
  /// True once the first `metersLoaded` arrived.
  public internal(set) var loaded: Bool
  /// The time readings' ages are measured against.
  public var now: Date
  /// The grid's area (the screen between the title and the status line).
  public internal(set) var size: Size

  /// An empty grid of `size`, grouped by building and sorted by meter number.
  public init(size: Size, now: Date) {
    meters = []
    positions = [:]
    rows = []
    counts = [:]
    grouping = .building
    sort = .meter
    shown = Set(MeterStatus.allCases)
    table = TableState()
    tagged = []
    search = nil
    filterMenu = nil
    notice = nil
    loaded = false
    self.now = now
    self.size = size
  }

  /// The meter on the selected row, if that row is a meter.
  public var selectedMeter: GridMeter? {
    guard table.selected >= 0, table.selected < rows.count, let index = rows[table.selected].meterIndex
    else { return nil }
    return meters[index]
  }

  /// The meter shown on row `row`, nil for headers and out-of-range rows.
  public func meter(atRow row: Int) -> GridMeter? {
    guard row >= 0, row < rows.count, let index = rows[row].meterIndex else { return nil }
    return meters[index]
  }

  /// Table rows that fit: the area less the legend, the info line and the table header.
  public var visibleRows: Int { max(1, size.height - 3) }

  /// True while typing goes to the search field (so `?` and letters are text, not commands).
  public var acceptsText: Bool { search != nil }

  /// True when Esc closes something inside the grid (search or filter menu).
  public var capturesEscape: Bool { search != nil || filterMenu != nil }
}

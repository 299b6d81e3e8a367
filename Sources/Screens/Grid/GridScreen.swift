import Domain
import TerminalUI

/// The meter status grid (home screen): navigate, tag, search, filter, sort, group, open, read now.
public enum GridScreen {
  /// Applies `action` to `state`; returns `.loadDetail` to open a meter and `.readNow` for F5.
  public static func update(_ state: inout GridState, _ action: GridAction) -> [Effect] {
    switch action {
    case .metersLoaded(let meters):
      state.load(meters)
      state.refreshSearchCount()
      return []
    case .metersUpdated(let meters):
      state.update(meters)
      return []
    case .readNowFinished(let meter, let result):
      state.notice = .readFinished(meter, error: result)
      return []
    case .clockTicked(let now):
      state.now = now
      return []
    case .resized(let size):
      state.size = size
      state.table.select(state.table.selected, rowCount: state.rows.count, visible: state.visibleRows)
      return []
    case .mouse(let x, let y, let button):
      return mouse(&state, x: x, y: y, button: button)
    case .keyPressed(let key):
      if state.filterMenu != nil { return filterKey(&state, key) }
      if state.search != nil { return searchKey(&state, key) }
      return commandKey(&state, key)
    }
  }

  private static func commandKey(_ state: inout GridState, _ key: Key) -> [Effect] {
    state.notice = nil
    switch key {
    case .up: move(&state, by: -1)
    case .down: move(&state, by: 1)
    case .pageUp: move(&state, by: -state.visibleRows)
    case .pageDown: move(&state, by: state.visibleRows)
    case .home:
      state.table.select(0, rowCount: state.rows.count, visible: state.visibleRows)
      state.settleOnMeter(direction: 1)
    case .end:
      state.table.select(state.rows.count - 1, rowCount: state.rows.count, visible: state.visibleRows)
      state.settleOnMeter(direction: -1)
    case .enter:
      if let meter = state.selectedMeter { return [.loadDetail(meter: meter.meter)] }
    case .character(" "):
      toggleTag(&state)
    case .character("/"), .function(3):
      state.search = GridSearch()
      state.refreshSearchCount()
    case .function(4):
      state.filterMenu = 0
    case .function(5):
      if let meter = state.selectedMeter {
        state.notice = .reading(meter.meter)
        return [.readNow(meter: meter.meter)]
      }
    case .character("s"):
      let anchor = state.selectionAnchor()
      state.sort = state.sort.next
      state.rebuild(anchor: anchor)
    case .character("g"):
      let anchor = state.selectionAnchor()
      state.grouping = state.grouping.next
      state.rebuild(anchor: anchor)
    case .character("u"):
      state.tagged = []
    default:
      break
    }
    return []
  }

  /// Moves the selection by `delta` rows, stepping over group headers.
  static func move(_ state: inout GridState, by delta: Int) {
    state.table.move(by: delta, rowCount: state.rows.count, visible: state.visibleRows)
    state.settleOnMeter(direction: delta)
  }

  private static func toggleTag(_ state: inout GridState) {
    guard let meter = state.selectedMeter else { return }
    if state.tagged.contains(meter.meter) {
      state.tagged.remove(meter.meter)
    } else {
      state.tagged.insert(meter.meter)
    }
    let before = state.table.selected
    move(&state, by: 1)
    if state.selectedMeter == nil { state.table.selected = before }
  }

  private static func mouse(_ state: inout GridState, x: Int, y: Int, button: MouseButton) -> [Effect] {
    switch button {
    case .wheelUp: move(&state, by: -3)
    case .wheelDown: move(&state, by: 3)
    case .left:
      let rect = tableRect(state.size)
      let table = Table(columns: [], rowCount: state.rows.count) { _ in TableRow(cells: []) }
      guard let row = table.rowIndex(atY: y, rect: rect, state: state.table),
        state.meter(atRow: row) != nil
      else { return [] }
      if row == state.table.selected, let meter = state.selectedMeter {
        return [.loadDetail(meter: meter.meter)]
      }
      state.table.select(row, rowCount: state.rows.count, visible: state.visibleRows)
    default: break
    }
    return []
  }

  /// Where the table sits in the grid's area: below the legend and the info line.
  static func tableRect(_ size: Size) -> Rect {
    Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 2))
  }
}

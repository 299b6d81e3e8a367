import Domain
import TerminalUI

extension GridScreen {
  /// The filter menu's items: the six statuses, "settings drift only", then "all".
  static let filterItems: [GridFilterItem] = MeterStatus.allCases.map { .status($0) } + [.drift, .all]

  /// Keys while the F4 filter menu is open: Up/Down move; Space toggles the status (or drift only);
  /// Enter shows only that status (drift: toggles it; all: everything) and closes; `a` shows all;
  /// Esc or F4 closes.
  static func filterKey(_ state: inout GridState, _ key: Key) -> [Effect] {
    guard let cursor = state.filterMenu else { return [] }
    let item = filterItems[min(max(0, cursor), filterItems.count - 1)]
    switch key {
    case .escape, .function(4):
      state.filterMenu = nil
    case .up:
      state.filterMenu = (cursor + filterItems.count - 1) % filterItems.count
    case .down:
      state.filterMenu = (cursor + 1) % filterItems.count
    case .character(" "):
      switch item {
      case .status(let status):
        var shown = state.shown
        if shown.contains(status) { shown.remove(status) } else { shown.insert(status) }
        applyFilter(&state, shown)
      case .drift:
        applyFilter(&state, state.shown, driftOnly: !state.driftOnly)
      case .all:
        applyFilter(&state, Set(MeterStatus.allCases), driftOnly: false)
      }
    case .enter:
      switch item {
      case .status(let status): applyFilter(&state, [status])
      case .drift: applyFilter(&state, state.shown, driftOnly: !state.driftOnly)
      case .all: applyFilter(&state, Set(MeterStatus.allCases), driftOnly: false)
      }
      state.filterMenu = nil
    case .character("a"):
      applyFilter(&state, Set(MeterStatus.allCases), driftOnly: false)
    default:
      break
    }
    return []
  }

  private static func applyFilter(
    _ state: inout GridState, _ shown: Set<MeterStatus>, driftOnly: Bool? = nil
  ) {
    let anchor = state.selectionAnchor()
    state.shown = shown
    if let driftOnly { state.driftOnly = driftOnly }
    state.rebuild(anchor: anchor)
  }
}

/// An item of the grid's F4 filter menu.
enum GridFilterItem: Hashable {
  /// One status (a check box).
  case status(MeterStatus)
  /// Only meters whose prices or settings read back differ from the database (设置偏差).
  case drift
  /// Every status, drift filter off.
  case all
}

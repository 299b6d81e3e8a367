import Domain
import TerminalUI

extension GridScreen {
  /// The filter menu's items: the six statuses, then "all".
  static let filterItems: [MeterStatus?] = MeterStatus.allCases.map { Optional($0) } + [nil]

  /// Keys while the F4 filter menu is open: Up/Down move; Space toggles the status; Enter shows only
  /// that status (or all) and closes; `a` shows all; Esc or F4 closes.
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
      if let status = item {
        var shown = state.shown
        if shown.contains(status) { shown.remove(status) } else { shown.insert(status) }
        applyFilter(&state, shown)
      } else {
        applyFilter(&state, Set(MeterStatus.allCases))
      }
    case .enter:
      applyFilter(&state, item.map { [$0] } ?? Set(MeterStatus.allCases))
      state.filterMenu = nil
    case .character("a"):
      applyFilter(&state, Set(MeterStatus.allCases))
    default:
      break
    }
    return []
  }

  private static func applyFilter(_ state: inout GridState, _ shown: Set<MeterStatus>) {
    let anchor = state.selectionAnchor()
    state.shown = shown
    state.rebuild(anchor: anchor)
  }
}

import Foundation
import TerminalUI

/// The meter detail screen: identity, account, live values, settings, daily energy, alarms; F5 reads now.
public enum DetailScreen {
  /// Applies `action` to `state`; F5 returns `.readNow` at interactive priority.
  public static func update(_ state: inout DetailState, _ action: DetailAction) -> [Effect] {
    switch action {
    case .detailLoaded(let detail):
      guard detail.grid.meter == state.meter else { return [] }
      state.detail = detail
    case .metersUpdated(let meters):
      guard var detail = state.detail, let fresh = meters.last(where: { $0.meter == state.meter }) else {
        break
      }
      detail.grid = fresh
      if let power = fresh.powerW { detail.powerW = power }
      if let energy = fresh.energy { detail.energyTotal = energy }
      state.detail = detail
    case .readNowFinished(let meter, let result):
      guard meter == state.meter else { return [] }
      state.reading = false
      state.outcome = result.map { .failed($0) } ?? .succeeded(state.now)
    case .clockTicked(let now):
      state.now = now
    case .resized(let size):
      state.size = size
      state.scroll = 0
    case .keyPressed(let key):
      return handle(key, &state)
    }
    return []
  }

  private static func handle(_ key: Key, _ state: inout DetailState) -> [Effect] {
    switch key {
    case .function(5), .character("r"):
      guard !state.reading else { return [] }
      state.reading = true
      state.outcome = nil
      return [.readNow(meter: state.meter)]
    case .up: state.scroll = max(0, state.scroll - 1)
    case .down: state.scroll += 1
    case .pageUp: state.scroll = max(0, state.scroll - max(1, state.size.height - 2))
    case .pageDown: state.scroll += max(1, state.size.height - 2)
    case .home: state.scroll = 0
    case .end: state.scroll = maxScroll(state)
    default: break
    }
    state.scroll = min(state.scroll, maxScroll(state))
    return []
  }

  /// The most lines the narrow layout can scroll (0 when everything fits or in the wide layout).
  static func maxScroll(_ state: DetailState) -> Int {
    guard let detail = state.detail, state.size.width < twoColumnWidth else { return 0 }
    let lines = stacked(DetailContent(state: state, detail: detail, strings: Strings(.en))).count
    return max(0, lines - (state.size.height - 1))
  }

  /// Keys this screen understands, for the help overlay.
  public static let help: [HelpEntry] = [
    HelpEntry(keys: "F2", text: .sale),
    HelpEntry(keys: "F5 / r", text: .detailRead),
    HelpEntry(keys: "↑ ↓ PgUp PgDn", text: .move),
    HelpEntry(keys: "Esc", text: .back),
    HelpEntry(keys: "F3 /", text: .search),
    HelpEntry(keys: "F8", text: .buses),
    HelpEntry(keys: "F1 / ?", text: .showHelp),
    HelpEntry(keys: "F10", text: .quit),
  ]
}

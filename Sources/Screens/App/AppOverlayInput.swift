import TerminalUI

extension AppReducer {
  /// Keys while an overlay is open.
  static func overlayKey(_ key: Key, _ state: inout AppState) -> [Effect] {
    switch state.overlay {
    case .help?:
      switch key {
      case .escape, .enter, .function(1), .character("?"), .character("q"), .character(" "):
        state.overlay = nil
      case .function(10):
        state.overlay = nil
        return requestQuit(&state)
      default: break
      }
    case .quitConfirmation(let selected)?:
      switch key {
      case .character("y"), .character("Y"):
        return [.quit]
      case .character("n"), .character("N"), .escape, .function(10):
        state.overlay = nil
      case .left, .right, .tab, .backTab:
        state.overlay = .quitConfirmation(selected: 1 - selected)
      case .enter:
        if selected == 0 { return [.quit] }
        state.overlay = nil
      default: break
      }
    case .message?:
      switch key {
      case .escape, .enter, .character(" "): state.overlay = nil
      default: break
      }
    case nil:
      break
    }
    return []
  }

  /// Mouse: the F-key bar triggers its key; dialogs take clicks on their buttons; rows are selected.
  static func mouse(x: Int, y: Int, button: MouseButton, _ state: inout AppState) -> [Effect] {
    if button == .left, y == state.size.height - 1 {
      guard let number = AppView.fKeyBar(state).item(atX: x, width: state.size.width) else { return [] }
      return keyPressed(.function(number), &state)
    }
    if let overlay = state.overlay {
      guard button == .left else { return [] }
      if case .quitConfirmation = overlay,
        let index = AppView.quitDialog(state).button(atX: x, y: y, in: AppView.screenRect(state.size))
      {
        if index == 0 { return [.quit] }
        state.overlay = nil
      } else if case .message = overlay {
        state.overlay = nil
      }
      return []
    }
    let contentY = y - AppLayout.contentTop
    guard contentY >= 0, contentY < AppLayout.contentSize(state.size).height, state.session != nil else {
      return []
    }
    switch state.screen {
    case .grid: return routeGrid(.mouse(x: x, y: contentY, button: button), &state)
    case .buses: return BusesScreen.update(&state.buses, .mouse(x: x, y: contentY, button: button))
    case .outbox: return updateOutbox(&state, .mouse(x: x, y: contentY, button: button))
    case .batch: return updateBatch(&state, .mouse(x: x, y: contentY, button: button))
    case .login, .detail, .sale, .accounts, .reports, .system, .alarms: return []
    }
  }
}

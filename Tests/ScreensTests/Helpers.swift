import Domain
import Screens
import TerminalUI

/// Small helpers to drive the reducer in tests.
extension AppState {
  @discardableResult
  mutating func send(_ actions: AppAction...) -> [Effect] {
    actions.flatMap { AppReducer.update(&self, $0) }
  }

  @discardableResult
  mutating func press(_ keys: Key...) -> [Effect] {
    keys.flatMap { AppReducer.update(&self, .input(.key($0))) }
  }

  @discardableResult
  mutating func type(_ text: String) -> [Effect] {
    text.flatMap { AppReducer.update(&self, .input(.key(.character($0)))) }
  }

  var selectedMeter: String? { grid.selectedMeter?.meter }

  var rendered: Buffer { AppView.render(self) }
}

extension Buffer {
  /// The row index whose text contains `text`.
  func row(containing text: String) -> Int? { find(text)?.y }
}

import Domain
import Foundation
import TerminalUI

/// The accounts screen (账户): find accounts, show their meters, open (开户) and close (销户) them.
public enum AccountsScreen {
  /// Applies `action` to `state`; searching returns `.loadAccounts`, the form `.openAccount`,
  /// closing `.closeAccount`.
  public static func update(_ state: inout AccountsState, _ action: AccountsAction) -> [Effect] {
    switch action {
    case .keyPressed(let key):
      return handle(key, &state)
    case .accountsLoaded(let rows):
      let account = state.account?.account
      state.rows = rows
      state.loaded = true
      state.selected =
        rows.firstIndex { $0.account == account } ?? min(state.selected, max(0, rows.count - 1))
    case .accountOpened(let account, let bill):
      guard state.phase == .submitting else { return [] }
      state.phase = .list
      state.clearForm()
      state.notice = .opened(account: account, firstSale: bill)
      state.search.value = account
      state.search.cursor = account.count
      return [.loadAccounts(search: account)]
    case .accountClosed(let account, let settlements):
      guard state.phase == .submitting else { return [] }
      state.phase = .list
      state.notice = .closed(account: account, settlements: settlements)
      return [.loadAccounts(search: state.search.value)]
    case .accountRefused(let reason):
      guard state.phase == .submitting else { return [] }
      state.phase = state.submittingOpen ? .opening : .list
      state.problem = .refused(reason)
    case .queryPasswordSet(let account, let error):
      if let error {
        state.problem = .refused(error)
      } else {
        state.phase = .list
        state.notice = .queryPasswordSet(account: account)
      }
    }
    return []
  }

  private static func handle(_ key: Key, _ state: inout AccountsState) -> [Effect] {
    if state.searching { return searching(key, &state) }
    switch state.phase {
    case .list: return list(key, &state)
    case .meters:
      if key == .escape || key == .enter { state.phase = .list }
      return []
    case .opening: return opening(key, &state)
    case .confirmingClose(let selected): return confirmingClose(key, selected: selected, &state)
    case .approving: return approving(key, &state)
    case .submitting: return []
    case .queryPassword(let onRepeat): return queryPassword(key, onRepeat: onRepeat, &state)
    }
  }

  private static func list(_ key: Key, _ state: inout AccountsState) -> [Effect] {
    switch key {
    case .up: state.selected = max(0, state.selected - 1)
    case .down: state.selected = min(max(0, state.rows.count - 1), state.selected + 1)
    case .home: state.selected = 0
    case .end: state.selected = max(0, state.rows.count - 1)
    case .pageUp: state.selected = max(0, state.selected - 10)
    case .pageDown: state.selected = min(max(0, state.rows.count - 1), state.selected + 10)
    case .character("/"), .function(3):
      state.searching = true
      state.problem = nil
    case .enter:
      if state.account != nil { state.phase = .meters }
    case .character("n"), .character("N"):
      state.problem = nil
      state.notice = nil
      guard state.role?.allows(.openAccount) ?? false else {
        state.problem = .notAllowed
        return []
      }
      state.phase = .opening
    case .character("q"):
      state.problem = nil
      state.notice = nil
      guard state.role?.allows(.editAccount) ?? false else {
        state.problem = .notAllowed
        return []
      }
      guard let account = state.account, !account.closed else {
        if state.account != nil { state.problem = .alreadyClosed }
        return []
      }
      state.queryPassword = FormField(label: "", secure: true)
      state.queryRepeat = FormField(label: "", secure: true)
      state.phase = .queryPassword(onRepeat: false)
    case .character("x"), .character("X"):
      state.problem = nil
      state.notice = nil
      guard let account = state.account else { return [] }
      guard !account.closed else {
        state.problem = .alreadyClosed
        return []
      }
      state.phase = .confirmingClose(selected: 1)
    default: break
    }
    return []
  }

  private static func queryPassword(_ key: Key, onRepeat: Bool, _ state: inout AccountsState) -> [Effect] {
    switch key {
    case .escape:
      state.phase = .list
    case .tab, .backTab, .up, .down:
      state.phase = .queryPassword(onRepeat: !onRepeat)
    case .enter:
      guard let account = state.account else { return [] }
      guard state.queryPassword.value == state.queryRepeat.value else {
        state.problem = .passwordsDiffer
        return []
      }
      state.problem = nil
      return [.setQueryPassword(account: account.account, password: state.queryPassword.value)]
    default:
      if onRepeat { _ = state.queryRepeat.handle(key) } else { _ = state.queryPassword.handle(key) }
    }
    return []
  }

  private static func searching(_ key: Key, _ state: inout AccountsState) -> [Effect] {
    switch key {
    case .escape:
      state.searching = false
      guard !state.search.value.isEmpty else { return [] }
      state.search.value = ""
      state.search.cursor = 0
      return [.loadAccounts(search: "")]
    case .enter, .up, .down:
      state.searching = false
      return key == .enter ? [] : list(key, &state)
    default:
      guard state.search.handle(key) else { return [] }
      state.selected = 0
      return [.loadAccounts(search: state.search.value.trimmingCharacters(in: .whitespaces))]
    }
  }

  /// Keys this screen understands, for the help overlay.
  public static let help: [HelpEntry] = [
    HelpEntry(keys: "↑ ↓", text: .move),
    HelpEntry(keys: "/ F3", text: .accountSearch),
    HelpEntry(keys: "Enter", text: .accountMeters),
    HelpEntry(keys: "n", text: .accountOpen),
    HelpEntry(keys: "x", text: .accountClose),
    HelpEntry(keys: "q", text: .accountQueryPassword),
    HelpEntry(keys: "Tab", text: .loginNextField),
    HelpEntry(keys: "Esc", text: .back),
    HelpEntry(keys: "F1 / ?", text: .showHelp),
    HelpEntry(keys: "F10", text: .quit),
  ]
}

import Domain
import Foundation
import TerminalUI

/// The tenant query machine (用户查询机): a start screen asking for an account or meter number and
/// the query password, then the account's balance, recharges and 30-day use on pages 1, 2 and 3.
///
/// No key leaves it: F10, Esc and Ctrl-C do nothing on the start screen; only Ctrl-X opens the
/// admin exit dialog, which closes the kiosk on an admin's name and password.
public enum KioskScreen {
  /// Applies an action; returns the work to do.
  public static func update(_ state: inout KioskState, _ action: KioskAction) -> [KioskEffect] {
    switch action {
    case .tick(let now):
      state.now = now
      return []
    case .idle:
      state.clear()
      return []
    case .accountLoaded(let account):
      state.busy = false
      state.number = FormField(label: "")
      state.password = FormField(label: "", secure: true)
      state.onPassword = false
      state.account = account
      state.tab = .balance
      state.selectedMeter = 0
      state.message = nil
      return []
    case .refused(let message):
      state.busy = false
      state.message = message
      state.password.value = ""
      state.password.cursor = 0
      if case .wrongPassword = message {
        state.onPassword = true
      } else {
        state.onPassword = false
      }
      return []
    case .readFinished(let message, let account):
      state.busy = false
      guard state.account != nil else { return [] }
      if let account { state.account = account }
      state.message = message
      return []
    case .adminAccepted:
      state.admin = nil
      state.exitRequested = true
      return []
    case .adminRefused:
      state.admin?.checking = false
      state.admin?.refused = true
      state.admin?.password.value = ""
      state.admin?.password.cursor = 0
      return []
    case .input(.resize(let size)):
      state.size = size
      return []
    case .input(.mouse):
      return []
    case .input(.key(let key)):
      if key == .control("x") {
        if state.admin == nil { state.admin = KioskAdminState() }
        return []
      }
      if state.admin != nil { return adminKey(&state, key) }
      return state.account == nil ? startKey(&state, key) : accountKey(&state, key)
    }
  }

  private static func startKey(_ state: inout KioskState, _ key: Key) -> [KioskEffect] {
    guard !state.busy else { return [] }
    switch key {
    case .tab, .down, .backTab, .up:
      state.onPassword.toggle()
      return []
    case .escape:
      state.clear()
      return []
    case .enter:
      if !state.onPassword {
        state.onPassword = true
        return []
      }
      let number = state.number.value.trimmingCharacters(in: .whitespaces)
      guard !number.isEmpty else {
        state.message = .numberMissing
        state.onPassword = false
        return []
      }
      state.busy = true
      state.message = .checking
      return [.query(number: number, password: state.password.value)]
    default:
      if state.onPassword {
        _ = state.password.handle(key)
      } else {
        _ = state.number.handle(key)
      }
      return []
    }
  }

  private static func accountKey(_ state: inout KioskState, _ key: Key) -> [KioskEffect] {
    guard let account = state.account else { return [] }
    switch key {
    case .character("1"): state.tab = .balance
    case .character("2"): state.tab = .recharges
    case .character("3"): state.tab = .usage
    case .tab, .right:
      state.tab = KioskTab(rawValue: state.tab.rawValue % 3 + 1) ?? .balance
    case .backTab, .left:
      state.tab = KioskTab(rawValue: (state.tab.rawValue + 1) % 3 + 1) ?? .balance
    case .up:
      state.selectedMeter = max(0, state.selectedMeter - 1)
    case .down:
      state.selectedMeter = min(max(0, account.meters.count - 1), state.selectedMeter + 1)
    case .character("r"), .character("R"), .function(5):
      guard !state.busy, account.meters.indices.contains(state.selectedMeter) else { return [] }
      state.busy = true
      state.tab = .balance
      state.message = .reading
      return [.freshRead(account: account.id, meter: account.meters[state.selectedMeter].number)]
    case .escape, .character("q"), .character("Q"):
      state.clear()
    default:
      break
    }
    return []
  }

  private static func adminKey(_ state: inout KioskState, _ key: Key) -> [KioskEffect] {
    guard var admin = state.admin, !admin.checking else { return [] }
    switch key {
    case .escape:
      state.admin = nil
      return []
    case .tab, .backTab, .up, .down:
      admin.onPassword.toggle()
    case .enter:
      if !admin.onPassword {
        admin.onPassword = true
      } else if !admin.name.value.isEmpty {
        admin.checking = true
        admin.refused = false
        state.admin = admin
        return [.checkAdmin(name: admin.name.value, password: admin.password.value)]
      }
    default:
      if admin.onPassword {
        _ = admin.password.handle(key)
      } else {
        _ = admin.name.handle(key)
      }
    }
    state.admin = admin
    return []
  }
}

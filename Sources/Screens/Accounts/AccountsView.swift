import Domain
import Foundation
import TerminalUI

extension AccountsScreen {
  /// Renders the account table (or the selected account's meters, or the open form) and any dialog;
  /// `meters` are the grid's rows, for the live remaining amounts.
  public static func view(
    _ state: AccountsState, meters: [GridMeter], now: Date, size: Size, language: Language
  ) -> Buffer {
    let strings = Strings(language)
    var buffer = Buffer(size: size)
    guard size.width > 0, size.height > 2 else { return buffer }
    switch state.phase {
    case .meters:
      drawMeters(state, meters: meters, now: now, into: &buffer, strings: strings)
    case .opening:
      drawForm(state, into: &buffer, strings: strings)
    case .submitting where state.submittingOpen:
      drawForm(state, into: &buffer, strings: strings)
    default:
      drawList(state, into: &buffer, strings: strings)
    }
    if case .confirmingClose(let selected) = state.phase {
      closeDialog(state, selected: selected, strings: strings).render(into: &buffer, in: Rect(size: size))
    }
    if state.phase == .approving { drawApproval(state, into: &buffer, strings: strings) }
    if case .queryPassword(let onRepeat) = state.phase {
      drawQueryPassword(state, onRepeat: onRepeat, into: &buffer, strings: strings)
    }
    return buffer
  }

  private static let columns = [1, 12, 14, 14, 22, 34, 10]

  private static func drawList(_ state: AccountsState, into buffer: inout Buffer, strings: Strings) {
    let width = buffer.size.width
    var search = state.search
    search.label = strings[AccountText.searchLabel]
    search.render(
      into: &buffer, rect: Rect(x: 1, y: 0, width: min(width - 2, 48), height: 1), focused: state.searching,
      labelWidth: Format.cells(search.label) + 2)
    let headers = [AccountText.account, .tenant, .phone, .shop, .meters, .state].map { strings[$0] }
    row(headers, y: 1, role: .header, into: &buffer)
    let listTop = 2
    let visible = max(0, buffer.size.height - listTop - 2)
    if state.rows.isEmpty {
      let text = strings[state.loaded ? AccountText.none : .loading]
      buffer.write(text, x: 2, y: listTop, role: .dim, maxWidth: max(0, width - 4))
    }
    let first = max(0, min(state.selected - visible + 1, state.rows.count - visible))
    for (offset, account) in state.rows.dropFirst(first).prefix(visible).enumerated() {
      let index = first + offset
      let cells = [
        account.account, account.tenant, account.phone, account.shop,
        account.meters.joined(separator: " "), strings[account.closed ? AccountText.closed : .open],
      ]
      let role: StyleRole = index == state.selected ? .selected : (account.closed ? .dim : .normal)
      row(cells, y: listTop + offset, role: role, into: &buffer)
    }
    let bottom = buffer.size.height - 1
    if let (text, role) = message(state, strings: strings) {
      buffer.write(text, x: 1, y: bottom - 1, role: role, maxWidth: max(0, width - 2))
    }
    buffer.write(strings[AccountText.hint], x: 1, y: bottom, role: .dim, maxWidth: max(0, width - 2))
  }

  private static func drawMeters(
    _ state: AccountsState, meters: [GridMeter], now: Date, into buffer: inout Buffer, strings: Strings
  ) {
    guard let account = state.account else { return }
    let width = buffer.size.width
    buffer.write(
      " " + strings.format(AccountText.metersTitle, account.account, account.tenant, account.shop),
      in: Rect(x: 0, y: 0, width: width, height: 1), role: .header, bold: true)
    let headers = [AccountText.meters, .remaining, .read, .status].map { strings[$0] }
    row(headers, y: 2, role: .header, into: &buffer, columns: [2, 16, 18, 12])
    for (index, number) in account.meters.enumerated() where 3 + index < buffer.size.height - 1 {
      let cells: [String]
      if let meter = meters.first(where: { $0.meter == number }) {
        var status = strings.status(meter.status)
        let flags = strings.flags(meter.flags)
        if !flags.isEmpty { status += " " + flags.joined(separator: " ") }
        cells = [
          number, Format.yuan(meter.remaining, strings: strings),
          Format.age(since: meter.readAt, now: now, strings: strings), status,
        ]
      } else {
        cells = [number, strings[AccountText.notInGrid], "", ""]
      }
      row(cells, y: 3 + index, role: .normal, into: &buffer, columns: [2, 16, 18, 12])
    }
    buffer.write(
      strings[AccountText.metersHint], x: 1, y: buffer.size.height - 1, role: .dim,
      maxWidth: max(0, width - 2))
  }

  /// The problem or success line, in the operator's language.
  static func message(_ state: AccountsState, strings: Strings) -> (String, StyleRole)? {
    if let problem = state.problem { return (problemText(problem, strings: strings), .error) }
    switch state.notice {
    case nil: return nil
    case .opened(let account, nil)?: return (strings.format(AccountText.opened, account), .success)
    case .opened(let account, let bill?)?:
      return (strings.format(AccountText.openedWithSale, account, "\(bill)"), .success)
    case .closed(let account, let count)?:
      return (strings.format(AccountText.closedNotice, account, "\(count)"), .success)
    case .queryPasswordSet(let account)?:
      return (strings.format(AccountText.queryPasswordSet, account), .success)
    }
  }

  private static func problemText(_ problem: AccountProblem, strings: Strings) -> String {
    switch problem {
    case .missing(.tenant): strings[AccountText.missingTenant]
    case .missing(.shop): strings[AccountText.missingShop]
    case .missing: strings[AccountText.missingMeters]
    case .amount(let problem): SaleValidation.text(problem, strings: strings)
    case .notAllowed: strings[AccountText.notAllowed]
    case .approvalCancelled: strings[AccountText.approvalCancelled]
    case .credentialsMissing: strings[AccountText.credentialsMissing]
    case .alreadyClosed: strings[AccountText.alreadyClosed]
    case .passwordsDiffer: strings[AccountText.passwordsDiffer]
    case .refused(let reason): reason
    }
  }

  static func row(
    _ cells: [String], y: Int, role: StyleRole, into buffer: inout Buffer, columns: [Int] = columns
  ) {
    buffer.fill(Rect(x: 0, y: y, width: buffer.size.width, height: 1), role: role)
    var x = columns[0]
    for (index, cell) in cells.enumerated() where x < buffer.size.width {
      let width = index + 1 < columns.count ? columns[index + 1] : max(0, buffer.size.width - x - 1)
      buffer.write(cell, x: x, y: y, role: role, maxWidth: max(0, min(width - 1, buffer.size.width - x - 1)))
      x += width
    }
  }

  /// The kiosk query password dialog: the account, the new password twice (masked), the outcome.
  static func drawQueryPassword(
    _ state: AccountsState, onRepeat: Bool, into buffer: inout Buffer, strings: Strings
  ) {
    let width = min(max(0, buffer.size.width - 4), 60)
    let box = Rect(size: buffer.size).centered(width: width, height: 8)
    buffer.fill(box, role: .dialog)
    buffer.write(
      strings.format(AccountText.queryPasswordTitle, state.account?.account ?? ""), x: box.x + 2, y: box.y,
      role: .dialog, maxWidth: width - 4, bold: true)
    let labels = [strings[AccountText.queryPasswordNew], strings[AccountText.queryPasswordRepeat]]
    let labelWidth = (labels.map { Format.cells($0) }.max() ?? 0) + 2
    var first = state.queryPassword
    first.label = labels[0]
    var second = state.queryRepeat
    second.label = labels[1]
    first.render(
      into: &buffer, rect: Rect(x: box.x + 2, y: box.y + 2, width: width - 4, height: 1), focused: !onRepeat,
      labelWidth: labelWidth)
    second.render(
      into: &buffer, rect: Rect(x: box.x + 2, y: box.y + 3, width: width - 4, height: 1), focused: onRepeat,
      labelWidth: labelWidth)
    if let (text, role) = message(state, strings: strings), state.problem != nil {
      buffer.write(text, x: box.x + 2, y: box.y + 5, role: role, maxWidth: width - 4)
    }
    buffer.write(
      strings[AccountText.queryPasswordHint], x: box.x + 2, y: box.y + 7, role: .dim, maxWidth: width - 4)
  }
}

import Domain
import TerminalUI

extension AccountsScreen {
  /// The open-account form: tenant, phone, shop, meters, first recharge with capitals, payment.
  static func drawForm(_ state: AccountsState, into buffer: inout Buffer, strings: Strings) {
    let width = max(0, min(buffer.size.width - 4, 80))
    buffer.write(
      " " + strings[AccountText.formTitle], in: Rect(x: 0, y: 0, width: buffer.size.width, height: 1),
      role: .header, bold: true)
    let labels: [(AccountField, AccountText)] = [
      (.tenant, .tenant), (.phone, .phone), (.shop, .shop), (.meters, .meters), (.recharge, .recharge),
    ]
    let all = labels.map { strings[$0.1] } + [strings[AccountText.capitals], strings[AccountText.pay]]
    let labelWidth = (all.map { Format.cells($0) }.max() ?? 0) + 2
    let editing = state.phase == .opening
    var y = 2
    for (field, label) in labels {
      var form = state.fields[field] ?? FormField(label: "")
      form.label = strings[label]
      form.render(
        into: &buffer, rect: Rect(x: 2, y: y, width: width, height: 1),
        focused: editing && state.focus == field, labelWidth: labelWidth)
      y += 1
    }
    buffer.write(strings[AccountText.capitals], x: 2, y: y, role: .normal)
    if case .success(let money?) = state.recharge {
      buffer.write(
        ChineseCapitals.amount(money), x: 2 + labelWidth, y: y, role: .info,
        maxWidth: max(0, width - labelWidth), bold: true)
    }
    y += 1
    buffer.write(strings[AccountText.pay], x: 2, y: y, role: .normal, bold: editing && state.focus == .pay)
    var x = 2 + labelWidth
    for (index, method) in PayMethod.allCases.enumerated() {
      let chosen = index == state.payIndex
      let name = strings.language == .zh ? method.chineseName : method.englishName
      let role: StyleRole = chosen && editing && state.focus == .pay ? .selected : .normal
      x +=
        buffer.write(
          (chosen ? "(•) " : "( ) ") + "\(index + 1) " + name, x: x, y: y, role: role, bold: chosen) + 2
    }
    y += 2
    buffer.write(strings[AccountText.metersFieldHint], x: 2, y: y, role: .dim, maxWidth: width)
    y += 1
    if state.phase == .submitting {
      buffer.write(strings[AccountText.submitting], x: 2, y: y, role: .info, maxWidth: width)
    } else if let (text, role) = message(state, strings: strings) {
      buffer.write(text, x: 2, y: y, role: role, maxWidth: width)
    }
    buffer.write(
      strings[AccountText.formHint], x: 1, y: buffer.size.height - 1, role: .dim,
      maxWidth: max(0, buffer.size.width - 2))
  }

  /// The close confirmation: account, tenant, shop, the settlement note, and the approval note.
  static func closeDialog(_ state: AccountsState, selected: Int, strings: Strings) -> Dialog {
    let account = state.account
    var lines = [
      strings.format(
        AccountText.closeLine, account?.account ?? "", account?.tenant ?? "", account?.shop ?? ""),
      strings[AccountText.closeSettle],
    ]
    if state.needsApproval { lines.append(strings[AccountText.supervisorNeeded]) }
    return Dialog(
      title: strings[AccountText.closeTitle], lines: lines,
      buttons: [strings[AccountText.closeYes], strings[AccountText.closeNo]], selected: selected,
      role: .dialog)
  }

  /// The supervisor approval dialog (as the sale window's): name and masked password, centred.
  static func drawApproval(_ state: AccountsState, into buffer: inout Buffer, strings: Strings) {
    ApprovalDialog.draw(
      into: &buffer, strings: strings, reason: strings[AccountText.supervisorNeeded],
      name: state.supervisorName,
      password: state.supervisorPassword, onPassword: state.approvalOnPassword,
      problem: state.problem == nil ? nil : message(state, strings: strings))
  }
}

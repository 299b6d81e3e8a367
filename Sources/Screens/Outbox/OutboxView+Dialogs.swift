import Domain
import TerminalUI

extension OutboxScreen {
  /// The confirmation of a resolution: the bill, what the meter showed, what will happen, and the approval note.
  static func confirmDialog(
    _ state: OutboxState, _ resolution: OutboxResolution, selected: Int, strings: Strings
  ) -> Dialog {
    let row = state.pendingRow
    let bill = row.map { "\($0.bill)" } ?? ""
    let kind = row.map { kindName($0.kind, strings) } ?? ""
    let amount = row?.amount.grouped ?? ""
    let meter = row?.meter ?? ""
    let title: String
    var lines: [String]
    switch resolution {
    case .landed:
      title = strings[OutboxText.landedTitle]
      lines = [strings.format(OutboxText.landedLine, bill, kind, amount, meter)]
      if let row, let read = state.freshReads[row.bill] {
        lines.append(
          strings.format(
            OutboxText.landedRead, "\(read.purchaseCount)",
            row.expectedCount.map { "\($0)" } ?? strings[CommonText.never], read.remaining.grouped))
      }
      lines.append(strings[OutboxText.landedEffect])
    case .void:
      title = strings[OutboxText.voidTitle]
      lines = [strings.format(OutboxText.voidLine, bill, kind, amount, meter)]
      if let row, row.amount.fen > 0 {
        lines.append(strings.format(OutboxText.voidCredit, row.amount.grouped))
      } else {
        lines.append(strings[OutboxText.voidDebit])
      }
    case .retry:
      title = strings[OutboxText.retryTitle]
      lines = [strings.format(OutboxText.retryLine, bill, meter)]
    }
    if state.needsApproval { lines.append(strings[OutboxText.supervisorNeeded]) }
    return Dialog(
      title: title, lines: lines, buttons: [strings[OutboxText.confirmYes], strings[OutboxText.confirmNo]],
      selected: selected, role: .dialog)
  }

  /// The supervisor approval dialog (as the sale window's): name and masked password, centred.
  static func drawApproval(_ state: OutboxState, into buffer: inout Buffer, strings: Strings) {
    let width = min(max(0, buffer.size.width - 4), 64)
    let height = 8
    let x = max(0, (buffer.size.width - width) / 2)
    let y = max(0, (buffer.size.height - height) / 2)
    buffer.fill(Rect(x: x, y: y, width: width, height: height), role: .dialog)
    buffer.write(
      strings[SaleText.approvalTitle], x: x + 2, y: y, role: .dialog, maxWidth: width - 4, bold: true)
    buffer.write(strings[OutboxText.approvalLine], x: x + 2, y: y + 1, role: .dialog, maxWidth: width - 4)
    let labels = [strings[SaleText.supervisorName], strings[SaleText.supervisorPassword]]
    let labelWidth = (labels.map { Format.cells($0) }.max() ?? 0) + 2
    var name = state.supervisorName
    name.label = labels[0]
    var password = state.supervisorPassword
    password.label = labels[1]
    name.render(
      into: &buffer, rect: Rect(x: x + 2, y: y + 3, width: max(0, width - 4), height: 1),
      focused: !state.approvalOnPassword, labelWidth: labelWidth)
    password.render(
      into: &buffer, rect: Rect(x: x + 2, y: y + 4, width: max(0, width - 4), height: 1),
      focused: state.approvalOnPassword, labelWidth: labelWidth)
    if let (text, role) = message(state, strings: strings), state.problem != nil {
      buffer.write(text, x: x + 2, y: y + 5, role: role, maxWidth: width - 4)
    }
    buffer.write(strings[SaleText.approvalHint], x: x + 2, y: y + 7, role: .dim, maxWidth: width - 4)
  }
}

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
    ApprovalDialog.draw(
      into: &buffer, strings: strings, reason: strings[OutboxText.approvalLine], name: state.supervisorName,
      password: state.supervisorPassword, onPassword: state.approvalOnPassword,
      problem: state.problem == nil ? nil : message(state, strings: strings))
  }
}

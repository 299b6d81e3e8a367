import Domain
import Foundation
import TerminalUI

extension SaleScreen {
  /// The mode banner for refund and reversal (supervisor needed), at row `top`; returns the next row.
  static func drawMode(_ state: SaleState, into buffer: inout Buffer, top: Int, strings: Strings) -> Int {
    guard state.mode != .sale else { return top }
    let width = max(0, buffer.size.width - 4)
    let title = state.mode == .refund ? SaleText.refundTitle : .reversalTitle
    buffer.write(strings[title], x: 2, y: top, role: .warning, maxWidth: width, bold: true)
    if state.needsApproval {
      buffer.write(strings[SaleText.supervisorNeeded], x: 2, y: top + 1, role: .warning, maxWidth: width)
    }
    return top + 2
  }

  /// The meter's delivered sales to pick for reversal; returns the next row.
  static func drawBills(_ state: SaleState, into buffer: inout Buffer, top: Int, strings: Strings) -> Int {
    let width = max(0, buffer.size.width - 4)
    var y = top
    if state.recent.isEmpty {
      buffer.write(strings[SaleText.noBills], x: 2, y: y, role: .dim, maxWidth: width)
      y += 1
    }
    for (index, sale) in state.recent.enumerated() where y < buffer.size.height - 6 {
      let role: StyleRole = index == state.billIndex ? .selected : .normal
      buffer.fill(Rect(x: 0, y: y, width: buffer.size.width, height: 1), role: role)
      let text = strings.format(
        SaleText.billRow, "\(sale.bill)", sale.amount.grouped,
        Format.age(since: sale.at, now: state.now, strings: strings))
      buffer.write(text, x: 2, y: y, role: role, maxWidth: width)
      y += 1
    }
    if let problem = state.approvalProblem {
      buffer.write(approvalText(problem, strings), x: 2, y: y, role: .error, maxWidth: width)
      y += 1
    }
    return y
  }

  /// The refund or reversal confirm dialog.
  static func negativeConfirmDialog(_ state: SaleState, selected: Int, strings: Strings) -> Dialog {
    let meter = state.meter?.meter ?? ""
    let title: String
    var lines: [String]
    if state.mode == .refund {
      let amount = state.amount ?? .zero
      title = strings[SaleText.refundConfirmTitle]
      lines = [
        strings.format(SaleText.refundConfirmLine, meter, amount.grouped, ChineseCapitals.amount(amount))
      ]
    } else {
      let bill = state.reversalBill
      title = strings[SaleText.reversalConfirmTitle]
      lines = [
        strings.format(
          SaleText.reversalConfirmLine, bill.map { "\($0.bill)" } ?? "", meter, bill?.amount.grouped ?? "")
      ]
    }
    if state.needsApproval { lines.append(strings[SaleText.supervisorNeeded]) }
    return Dialog(
      title: title, lines: lines, buttons: [strings[SaleText.confirmYes], strings[SaleText.confirmNo]],
      selected: selected, role: .dialog)
  }

  /// The supervisor approval dialog: name and password (masked) fields, drawn centred.
  static func drawApproval(_ state: SaleState, into buffer: inout Buffer, strings: Strings) {
    ApprovalDialog.draw(
      into: &buffer, strings: strings, reason: strings[SaleText.approvalLine], name: state.supervisorName,
      password: state.supervisorPassword, onPassword: state.approvalOnPassword,
      problem: state.approvalProblem.map { (approvalText($0, strings), .error) })
  }

  /// A refusal before the services, in the operator's language.
  static func approvalText(_ problem: SaleApprovalProblem, _ strings: Strings) -> String {
    switch problem {
    case .supervisorNeeded: strings[SaleText.approvalCancelled]
    case .credentialsMissing: strings[SaleText.credentialsMissing]
    case .noBill: strings[SaleText.noBillChosen]
    }
  }
}

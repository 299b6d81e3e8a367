import TerminalUI

/// The supervisor approval dialog every screen uses (sale refunds and reversals, account closing,
/// the outbox desk, batch jobs, the relay test): a title, why approval is needed, the name and the
/// masked password fields, an optional problem line and the key hint, centred.
enum ApprovalDialog {
  /// Draws the dialog; `onPassword` says which field has the cursor.
  static func draw(
    into buffer: inout Buffer, strings: Strings, reason: String, name: FormField, password: FormField,
    onPassword: Bool, problem: (text: String, role: StyleRole)?
  ) {
    let width = min(max(0, buffer.size.width - 4), 64)
    let height = 8
    let x = max(0, (buffer.size.width - width) / 2)
    let y = max(0, (buffer.size.height - height) / 2)
    buffer.fill(Rect(x: x, y: y, width: width, height: height), role: .dialog)
    buffer.write(
      strings[SaleText.approvalTitle], x: x + 2, y: y, role: .dialog, maxWidth: width - 4, bold: true)
    buffer.write(reason, x: x + 2, y: y + 1, role: .dialog, maxWidth: width - 4)
    let labels = [strings[SaleText.supervisorName], strings[SaleText.supervisorPassword]]
    let labelWidth = (labels.map { Format.cells($0) }.max() ?? 0) + 2
    var name = name
    name.label = labels[0]
    var password = password
    password.label = labels[1]
    let fieldWidth = max(0, width - 4)
    name.render(
      into: &buffer, rect: Rect(x: x + 2, y: y + 3, width: fieldWidth, height: 1), focused: !onPassword,
      labelWidth: labelWidth)
    password.render(
      into: &buffer, rect: Rect(x: x + 2, y: y + 4, width: fieldWidth, height: 1), focused: onPassword,
      labelWidth: labelWidth)
    if let problem {
      buffer.write(problem.text, x: x + 2, y: y + 5, role: problem.role, maxWidth: width - 4)
    }
    buffer.write(strings[SaleText.approvalHint], x: x + 2, y: y + 7, role: .dim, maxWidth: width - 4)
  }
}

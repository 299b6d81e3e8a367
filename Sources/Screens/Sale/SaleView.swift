import Domain
import Foundation
import TerminalUI

extension SaleScreen {
  /// Renders the tenant heading, the account's meters, the form and the delivery progress.
  public static func view(_ state: SaleState, size: Size, language: Language) -> Buffer {
    let strings = Strings(language)
    var buffer = Buffer(size: size)
    guard size.width > 0, size.height > 0 else { return buffer }
    drawHeading(state, into: &buffer, strings: strings)
    var y = drawMeters(state, into: &buffer, top: 2, strings: strings)
    y += 1
    y = drawMode(state, into: &buffer, top: y, strings: strings)
    if state.mode == .reversal, state.phase != .delivering, state.phase != .submitting {
      y = drawBills(state, into: &buffer, top: y, strings: strings)
    } else {
      y = drawForm(state, into: &buffer, top: y, strings: strings)
    }
    y += 1
    drawProgress(state, into: &buffer, top: y, strings: strings)
    let hint: SaleText =
      switch (state.phase, state.mode) {
      case (.delivering, _): .hintDone
      case (_, .sale): .hint
      case (_, .refund): .refundHint
      case (_, .reversal): .reversalHint
      }
    buffer.write(
      strings[hint], in: Rect(x: 1, y: size.height - 1, width: size.width - 2, height: 1), role: .dim)
    if case .confirming(let selected) = state.phase {
      let dialog =
        state.mode == .sale
        ? confirmDialog(state, selected: selected, strings: strings)
        : negativeConfirmDialog(state, selected: selected, strings: strings)
      dialog.render(into: &buffer, in: Rect(size: size))
    }
    if state.phase == .approving { drawApproval(state, into: &buffer, strings: strings) }
    return buffer
  }

  /// The confirm dialog: meter, amount with capitals, payment.
  static func confirmDialog(_ state: SaleState, selected: Int, strings: Strings) -> Dialog {
    let amount = state.amount ?? .zero
    return Dialog(
      title: strings[SaleText.confirmTitle],
      lines: [
        strings.format(
          SaleText.confirmLine, state.meter?.meter ?? "", amount.grouped, ChineseCapitals.amount(amount)),
        strings.format(SaleText.confirmPay, payName(state.pay, strings)),
      ],
      buttons: [strings[SaleText.confirmYes], strings[SaleText.confirmNo]], selected: selected, role: .dialog)
  }

  private static func payName(_ pay: PayMethod, _ strings: Strings) -> String {
    strings.language == .zh ? pay.chineseName : pay.englishName
  }

  private static func drawHeading(_ state: SaleState, into buffer: inout Buffer, strings: Strings) {
    let meter = state.meter
    let parts = [
      strings[SaleText.title],
      strings[SaleText.tenant] + " " + (meter?.tenant ?? strings[CommonText.never]),
      strings[SaleText.account] + " " + (meter?.account ?? strings[CommonText.never]),
      strings[SaleText.shop] + " " + (meter.map { "\($0.buildingName) \($0.shop)" } ?? ""),
    ]
    buffer.write(
      " " + parts.joined(separator: " · "), in: Rect(x: 0, y: 0, width: buffer.size.width, height: 1),
      role: .header, bold: true)
  }

  private static func drawMeters(_ state: SaleState, into buffer: inout Buffer, top: Int, strings: Strings)
    -> Int
  {
    let columns = [2, 16, 18, 10]
    let headers = [
      strings[SaleText.meterHeader], strings[SaleText.remainingHeader], strings[SaleText.ageHeader],
      strings[SaleText.statusHeader],
    ]
    row(headers, columns: columns, y: top, role: .header, into: &buffer)
    var y = top + 1
    for (index, meter) in state.meters.enumerated() where y < buffer.size.height - 8 {
      var status = strings.status(meter.status)
      let flags = strings.flags(meter.flags)
      if !flags.isEmpty { status += " " + flags.joined(separator: " ") }
      let cells = [
        meter.meter, Format.yuan(meter.remaining, strings: strings),
        Format.age(since: meter.readAt, now: state.now, strings: strings), status,
      ]
      row(cells, columns: columns, y: y, role: index == state.selected ? .selected : .normal, into: &buffer)
      y += 1
    }
    return y
  }

  private static func row(
    _ cells: [String], columns: [Int], y: Int, role: StyleRole, into buffer: inout Buffer
  ) {
    buffer.fill(Rect(x: 0, y: y, width: buffer.size.width, height: 1), role: role)
    var x = columns[0]
    for (index, cell) in cells.enumerated() {
      let width = index + 1 < columns.count ? columns[index + 1] : max(0, buffer.size.width - x - 1)
      buffer.write(cell, x: x, y: y, role: role, maxWidth: max(0, width - 1))
      x += width
    }
  }

  private static func drawForm(_ state: SaleState, into buffer: inout Buffer, top: Int, strings: Strings)
    -> Int
  {
    let amountLabel = state.mode == .refund ? SaleText.refundAmount : .amount
    let labels = [amountLabel, .capitals, .pay].map { strings[$0] }
    let labelWidth = (labels.map { Format.cells($0) }.max() ?? 0) + 2
    let width = max(0, min(buffer.size.width - 4, 100))
    var field = state.amountField
    field.label = strings[amountLabel]
    let editing = state.phase == .editing
    field.render(
      into: &buffer, rect: Rect(x: 2, y: top, width: min(width, labelWidth + 16), height: 1),
      focused: editing && state.focus == .amount, labelWidth: labelWidth)
    if let problem = problem(state, strings: strings) {
      buffer.write(problem, x: 2 + labelWidth, y: top + 1, role: .error, maxWidth: max(0, width - labelWidth))
    }
    let capitals = state.amount.map { ChineseCapitals.amount($0) } ?? strings[CommonText.never]
    buffer.write(strings[SaleText.capitals], x: 2, y: top + 2, role: .normal)
    buffer.write(
      capitals, x: 2 + labelWidth, y: top + 2, role: .info, maxWidth: width - labelWidth, bold: true)
    if let allowed = state.allowed {
      let text = strings.format(SaleText.allowed, allowed.grouped)
      let x = 2 + labelWidth + 18
      buffer.write(text, x: x, y: top, role: .dim, maxWidth: max(0, buffer.size.width - x - 1))
    }
    buffer.write(strings[SaleText.pay], x: 2, y: top + 3, role: .normal, bold: editing && state.focus == .pay)
    var x = 2 + labelWidth
    for (index, method) in PayMethod.allCases.enumerated() {
      let chosen = index == state.payIndex
      let text = (chosen ? "(•) " : "( ) ") + "\(index + 1) " + payName(method, strings)
      let role: StyleRole = chosen && editing && state.focus == .pay ? .selected : .normal
      x += buffer.write(text, x: x, y: top + 3, role: role, bold: chosen) + 2
    }
    return top + 4
  }

  private static func problem(_ state: SaleState, strings: Strings) -> String? {
    if let refusal = state.refusal { return refusal }
    if let problem = state.approvalProblem { return approvalText(problem, strings) }
    if state.meter?.account == nil { return strings[SaleText.notOpened] }
    guard state.showProblem, state.phase == .editing else { return nil }
    if case .failure(let problem) = SaleValidation.check(state.amountField.value, allowed: state.allowed) {
      return SaleValidation.text(problem, strings: strings)
    }
    return nil
  }

  private static func drawProgress(_ state: SaleState, into buffer: inout Buffer, top: Int, strings: Strings)
  {
    let width = max(0, buffer.size.width - 4)
    if state.phase == .submitting {
      buffer.write(strings[SaleText.submitting], x: 2, y: top, role: .info, maxWidth: width)
      return
    }
    guard let receipt = state.receipt else { return }
    buffer.write(
      strings.format(SaleText.bill, "\(receipt.bill)") + " · "
        + strings.format(
          receipt.mode == .sale ? SaleText.confirmLine : .refundConfirmLine, receipt.meter,
          receipt.amount.grouped,
          ChineseCapitals.amount(receipt.amount)),
      x: 2, y: top, role: .normal, maxWidth: width)
    if let (text, role) = progressText(state.progress, strings: strings) {
      buffer.write(text, x: 2, y: top + 1, role: role, maxWidth: width, bold: true)
    }
    if let (text, role) = printText(state.printing, strings: strings) {
      buffer.write(text, x: 2, y: top + 2, role: role, maxWidth: width)
    }
  }

  private static func progressText(_ progress: SaleProgress?, strings: Strings) -> (String, StyleRole)? {
    switch progress {
    case nil: nil
    case .queued?: (strings[SaleText.queued], .info)
    case .sent?: (strings[SaleText.sent], .info)
    case .delivered(let balance?)?: (strings.format(SaleText.delivered, balance.grouped), .success)
    case .delivered(nil)?: (strings[SaleText.deliveredNoBalance], .success)
    case .pending(let reason)?: (strings.format(SaleText.pending, reason), .warning)
    case .failed(_, let reason)?: (strings.format(SaleText.failed, reason), .error)
    case .conflict(let reason)?: (strings.format(SaleText.conflict, reason), .error)
    }
  }

  private static func printText(_ outcome: ReceiptOutcome?, strings: Strings) -> (String, StyleRole)? {
    switch outcome {
    case nil: nil
    case .printing?: (strings[SaleText.printing], .dim)
    case .printed(let place)?: (strings.format(SaleText.printed, place), .success)
    case .failed(let reason)?: (strings.format(SaleText.printFailed, reason), .error)
    }
  }
}

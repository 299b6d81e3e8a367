import Domain
import Foundation
import TerminalUI

extension ReportsScreen {
  /// A centred dialog box of `height` rows with `title`; returns its inner area.
  private static func box(_ title: String, height: Int, into buffer: inout Buffer) -> Rect {
    let width = min(max(0, buffer.size.width - 4), 64)
    let rect = Rect(size: buffer.size).centered(width: width, height: height)
    buffer.fill(rect, role: .dialog)
    buffer.write(title, x: rect.x + 2, y: rect.y, role: .dialog, maxWidth: width - 4, bold: true)
    return Rect(x: rect.x + 2, y: rect.y + 1, width: max(0, width - 4), height: max(0, height - 1))
  }

  static func drawCustomRange(_ state: ReportsState, onTo: Bool, into buffer: inout Buffer, strings: Strings)
  {
    let inner = box(strings[ReportText.customTitle], height: 7, into: &buffer)
    let labels = [strings[ReportText.customFrom], strings[ReportText.customTo]]
    let labelWidth = (labels.map { Format.cells($0) }.max() ?? 0) + 2
    var from = state.fromField
    from.label = labels[0]
    var to = state.toField
    to.label = labels[1]
    from.render(into: &buffer, rect: inner.row(1), focused: !onTo, labelWidth: labelWidth)
    to.render(into: &buffer, rect: inner.row(2), focused: onTo, labelWidth: labelWidth)
    if let error = state.fromField.error { buffer.write(error, in: inner.row(3), role: .error) }
    buffer.write(strings[ReportText.customHint], in: inner.row(5), role: .dim)
  }

  static func drawFilter(_ state: ReportsState, into buffer: inout Buffer, strings: Strings) {
    let inner = box(strings[ReportText.filterTitle], height: 6, into: &buffer)
    var field = state.filterField
    field.label = strings[ReportText.filterTitle]
    field.render(into: &buffer, rect: inner.row(1), focused: true, labelWidth: Format.cells(field.label) + 2)
    if let error = field.error { buffer.write(error, in: inner.row(2), role: .error) }
    buffer.write(strings[ReportText.filterHint], in: inner.row(4), role: .dim)
  }

  static func drawShift(_ state: ReportsState, onRemark: Bool, into buffer: inout Buffer, strings: Strings) {
    let inner = box(strings[ReportText.shiftTitle], height: 12, into: &buffer)
    guard let shift = state.shift else {
      buffer.write(strings[ReportText.shiftLoading], in: inner.row(1), role: .dim)
      return
    }
    let started = shift.startedAt.map { state.clock.dateTime($0) } ?? strings[CommonText.never]
    buffer.write(strings.format(ReportText.shiftStarted, started), in: inner.row(0), role: .dialog)
    buffer.write(
      strings.format(
        ReportText.shiftBills, "\(shift.bills)", shift.sales.grouped, shift.reversals.grouped,
        shift.refunds.grouped), in: inner.row(1), role: .dialog)
    let pays = PayMethod.allCases.map { pay in
      strings.format(ReportText.shiftPay, payName(pay, strings), (shift.byPay[pay] ?? .zero).grouped)
    }
    buffer.write(pays.joined(separator: " · "), in: inner.row(2), role: .dialog)
    buffer.write(
      strings.format(ReportText.shiftExpected, shift.cashExpected.grouped), in: inner.row(4), role: .dialog,
      bold: true)
    let labels = [strings[ReportText.shiftCounted], strings[ReportText.shiftRemark]]
    let labelWidth = (labels.map { Format.cells($0) }.max() ?? 0) + 2
    var counted = state.countedField
    counted.label = labels[0]
    var remark = state.remarkField
    remark.label = labels[1]
    counted.render(into: &buffer, rect: inner.row(6), focused: !onRemark, labelWidth: labelWidth)
    remark.render(into: &buffer, rect: inner.row(7), focused: onRemark, labelWidth: labelWidth)
    if let error = state.countedField.error {
      buffer.write(error, in: inner.row(8), role: .error)
    } else if case .problem(let text)? = state.notice {
      buffer.write(text, in: inner.row(8), role: .error)
    }
    buffer.write(strings[ReportText.shiftHint], in: inner.row(10), role: .dim)
  }

  private static func payName(_ pay: PayMethod, _ strings: Strings) -> String {
    strings.language == .zh ? pay.chineseName : pay.englishName
  }
}

import Domain
import TerminalUI

extension BatchScreen {
  /// The preview: meters, approval note, what will be written and the skipped meters with their reasons.
  static func drawPreview(
    _ state: BatchState, _ preview: BatchPreviewModel, into buffer: inout Buffer, strings: Strings
  ) {
    let size = buffer.size
    let name = operationName(preview.operation, strings)
    StatusLine(
      left: " " + strings.format(BatchText.previewTitle, name, targetDescription(state, strings)), right: "",
      role: .header
    ).render(into: &buffer, rect: Rect(x: 0, y: 0, width: size.width, height: 1))
    let width = max(0, size.width - 2)
    var y = 2
    let meters = strings.format(BatchText.previewMeters, Format.grouped(preview.meters), name)
    var x = 1 + buffer.write(meters, x: 1, y: y, role: .normal, maxWidth: width, bold: true)
    let skipped =
      preview.skipped.isEmpty
      ? strings[BatchText.previewNoSkip]
      : strings.format(BatchText.previewSkipped, "\(preview.skipped.count)")
    x += buffer.write(
      " · " + skipped, x: x, y: y, role: preview.skipped.isEmpty ? .dim : .warning, maxWidth: 1 + width - x)
    if preview.needsApproval {
      buffer.write(
        " · " + strings[BatchText.needsApproval], x: x, y: y, role: .warning, maxWidth: 1 + width - x)
    }
    y += 2
    let bottom = size.height - BatchState.footerRows
    buffer.write(strings[BatchText.writesHeading], x: 1, y: y, role: .header, maxWidth: width, bold: true)
    y += 1
    let writes = preview.writes.isEmpty ? [strings[BatchText.noWrites]] : preview.writes
    let writeRows = preview.skipped.isEmpty ? writes.count : min(writes.count, max(1, (bottom - y) / 2))
    for line in writes.prefix(writeRows) where y < bottom {
      buffer.write("  " + line, x: 1, y: y, role: preview.writes.isEmpty ? .dim : .info, maxWidth: width)
      y += 1
    }
    if !preview.skipped.isEmpty, y + 2 < bottom {
      y += 1
      buffer.write(strings[BatchText.skippedHeading], x: 1, y: y, role: .header, maxWidth: width, bold: true)
      y += 1
      drawSkipped(
        preview.skipped, in: Rect(x: 1, y: y, width: width, height: bottom - y), into: &buffer,
        strings: strings)
    }
    if case .starting = state.phase {
      footer(strings[BatchText.starting], role: .info, hint: strings[BatchText.previewHint], into: &buffer)
    } else {
      footer(state, hint: strings[BatchText.previewHint], into: &buffer, strings: strings)
    }
  }

  private static func drawSkipped(
    _ skipped: [BatchSkip], in rect: Rect, into buffer: inout Buffer, strings: Strings
  ) {
    let columns = [
      TableColumn(title: strings[BatchText.colMeter], width: 12),
      TableColumn(title: strings[BatchText.colReason], width: 0),
    ]
    var rows = skipped
    let fits = Table.visibleRows(in: rect)
    var more = 0
    if rows.count > fits, fits > 1 {
      more = rows.count - (fits - 1)
      rows = Array(rows.prefix(fits - 1))
    }
    let shown = rows
    let extra = more > 0 ? 1 : 0
    let moreText = "… +\(more)"
    let table = Table(columns: columns, rowCount: shown.count + extra, showsMarkers: false) { index in
      guard index < shown.count else { return TableRow(cells: [moreText, ""], role: .dim) }
      return TableRow(cells: [shown[index].meter, shown[index].reason], cellRoles: [1: .warning])
    }
    var tableState = TableState()
    tableState.selected = -1
    table.render(into: &buffer, rect: rect, state: tableState, focused: false)
  }

  /// "Run it?" with the meter count, what the operation does to tenants and the approval note.
  static func confirmDialog(
    _ state: BatchState, _ preview: BatchPreviewModel, selected: Int, strings: Strings
  ) -> Dialog {
    let name = operationName(preview.operation, strings)
    var lines = [strings.format(BatchText.confirmLine, Format.grouped(preview.meters), name)]
    lines.append(targetDescription(state, strings))
    switch preview.operation {
    case .trip: lines.append(strings[BatchText.confirmTrip])
    case .keepPower: lines.append(strings[BatchText.confirmKeepPower])
    case .price, .settings, .restore, .close, .export: break
    }
    if preview.needsApproval { lines.append(strings[BatchText.needsApproval]) }
    return Dialog(
      title: strings[BatchText.confirmTitle], lines: lines,
      buttons: [strings[BatchText.confirmYes], strings[BatchText.confirmNo]], selected: selected,
      role: .dialog)
  }

  /// The supervisor approval dialog (as the sale window's): name and masked password, centred.
  static func drawApproval(_ state: BatchState, into buffer: inout Buffer, strings: Strings) {
    ApprovalDialog.draw(
      into: &buffer, strings: strings, reason: strings[BatchText.approvalLine], name: state.supervisorName,
      password: state.supervisorPassword, onPassword: state.approvalOnPassword,
      problem: state.problem == nil ? nil : message(state, strings: strings))
  }
}

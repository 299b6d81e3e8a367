import Domain
import Foundation
import TerminalUI

/// The columns of the outbox table.
enum OutboxColumnID: Hashable {
  case bill, kind, meter, account, amount, state, attempts, since, count, balance, lastError
}

extension OutboxScreen {
  /// Renders the summary, the entries sorted by bill, the selected entry's detail, the outcome line,
  /// the keys that work on the selected row, and any dialog; ages are measured from `now`.
  public static func view(_ state: OutboxState, now: Date, size: Size, language: Language) -> Buffer {
    let strings = Strings(language)
    var buffer = Buffer(size: size)
    guard size.width > 0, size.height > OutboxState.footerRows + 1 else { return buffer }
    drawSummary(state, into: &buffer, strings: strings)
    if state.rows.isEmpty {
      buffer.write(
        strings[state.loaded ? OutboxText.empty : OutboxText.loading],
        in: Rect(x: 0, y: min(size.height - 1, 3), width: size.width, height: 1), role: .dim,
        alignment: .center)
    } else {
      drawTable(state, now: now, into: &buffer, strings: strings)
    }
    drawFooter(state, now: now, into: &buffer, strings: strings)
    switch state.phase {
    case .confirming(let resolution, let selected):
      confirmDialog(state, resolution, selected: selected, strings: strings)
        .render(into: &buffer, in: Rect(size: size))
    case .approving:
      drawApproval(state, into: &buffer, strings: strings)
    case .list, .submitting:
      break
    }
    return buffer
  }

  private static func drawSummary(_ state: OutboxState, into buffer: inout Buffer, strings: Strings) {
    let conflicts = state.rows.filter { $0.state == .conflict }.count
    let failed = state.rows.filter { $0.state == .failed }.count
    let flags = state.restoreFlags.map { flag in
      "\(flag.meter) \(flag.meterCount.map(String.init) ?? "?")>\(flag.expectedCount)"
    }
    StatusLine(
      left: " " + strings.format(OutboxText.summary, "\(state.rows.count)", "\(conflicts)", "\(failed)"),
      right: flags.isEmpty
        ? "" : strings.format(OutboxText.restoreFlags, flags.joined(separator: ", ")) + " ",
      role: .header
    ).render(into: &buffer, rect: Rect(x: 0, y: 0, width: buffer.size.width, height: 1))
  }

  private static func drawTable(_ state: OutboxState, now: Date, into buffer: inout Buffer, strings: Strings)
  {
    let fitted = columns(width: buffer.size.width, strings: strings)
    let ids = fitted.map(\.id)
    let rows = state.rows
    let reads = state.freshReads
    let table = Table(columns: fitted.map(\.column), rowCount: rows.count, showsMarkers: false) { index in
      let row = rows[index]
      let read = reads[row.bill]
      var cellRoles: [Int: StyleRole] = [:]
      if let column = ids.firstIndex(of: .state) { cellRoles[column] = stateRole(row.state) }
      if let column = ids.firstIndex(of: .count), let read, let expected = row.expectedCount {
        cellRoles[column] = read.purchaseCount >= expected ? .success : .warning
      }
      if let column = ids.firstIndex(of: .lastError), row.lastError != nil { cellRoles[column] = .error }
      return TableRow(
        cells: ids.map { cell($0, row, read: read, now: now, strings: strings) }, cellRoles: cellRoles)
    }
    table.render(into: &buffer, rect: state.tableRect, state: state.table, focused: state.phase == .list)
  }

  static func columns(width: Int, strings: Strings) -> [FittedColumn<OutboxColumnID>] {
    func column(_ id: OutboxColumnID, _ title: OutboxText, _ width: Int, _ priority: Int, right: Bool = false)
      -> FittedColumn<OutboxColumnID>
    {
      FittedColumn(
        id: id, column: TableColumn(title: strings[title], width: width, alignment: right ? .right : .left),
        priority: priority, minimumWidth: width == 0 ? 16 : 0)
    }
    return FittedColumn.fit(
      [
        column(.bill, .colBill, 7, 0, right: true), column(.kind, .colKind, 8, 3),
        column(.meter, .colMeter, 12, 2), column(.account, .colAccount, 8, 9),
        column(.amount, .colAmount, 10, 1, right: true), column(.state, .colState, 8, 0),
        column(.attempts, .colAttempts, 4, 6, right: true), column(.since, .colSince, 4, 4, right: true),
        column(.count, .colCount, 7, 5, right: true), column(.balance, .colBalance, 9, 7, right: true),
        column(.lastError, .colError, 0, 8),
      ], width: width + 1)
  }

  static func cell(
    _ id: OutboxColumnID, _ row: OutboxEntryRow, read: OutboxFreshRead?, now: Date, strings: Strings
  ) -> String {
    let never = strings[CommonText.never]
    switch id {
    case .bill: return "\(row.bill)"
    case .kind: return kindName(row.kind, strings)
    case .meter: return row.meter
    case .account: return row.account
    case .amount: return row.amount.grouped
    case .state: return stateName(row.state, strings)
    case .attempts: return "\(row.attempts)"
    case .since: return Format.age(since: row.createdAt, now: now, strings: strings)
    case .count:
      guard row.state == .conflict else { return "" }
      return (row.expectedCount.map { "\($0)" } ?? never) + "/"
        + (read.map { "\($0.purchaseCount)" } ?? never)
    case .balance: return read?.remaining.grouped ?? ""
    case .lastError: return row.lastError ?? ""
    }
  }

  static func kindName(_ kind: LedgerKind, _ strings: Strings) -> String {
    switch kind {
    case .sale: strings[OutboxText.kindSale]
    case .refund: strings[OutboxText.kindRefund]
    case .reversal: strings[OutboxText.kindReversal]
    case .transferIn: strings[OutboxText.kindTransferIn]
    case .closingSettlement: strings[OutboxText.kindSettlement]
    }
  }

  static func stateName(_ state: OutboxEntryState, _ strings: Strings) -> String {
    switch state {
    case .queued: strings[OutboxText.queued]
    case .sent: strings[OutboxText.sent]
    case .failed: strings[OutboxText.failed]
    case .conflict: strings[OutboxText.conflict]
    }
  }

  private static func stateRole(_ state: OutboxEntryState) -> StyleRole {
    switch state {
    case .queued, .sent: .info
    case .failed, .conflict: .error
    }
  }
}

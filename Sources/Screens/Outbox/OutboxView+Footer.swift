import Domain
import Foundation
import TerminalUI

extension OutboxScreen {
  /// Under the table: the selected entry's detail and error, its fresh read, the outcome line and the keys
  /// that work on the selected row.
  static func drawFooter(_ state: OutboxState, now: Date, into buffer: inout Buffer, strings: Strings) {
    let width = max(0, buffer.size.width - 2)
    let bottom = buffer.size.height - 1
    if let row = state.selectedRow {
      let detail = strings.format(OutboxText.detailLine, "\(row.bill)", row.account) + " · "
      let x = 1 + buffer.write(detail, x: 1, y: bottom - 3, role: .dim, maxWidth: width)
      let read = readLine(state, row, now: now, strings: strings)
      let error =
        row.lastError.map { strings.format(OutboxText.errorLine, $0) } ?? strings[OutboxText.noError]
      let role: StyleRole = row.lastError == nil ? .dim : .error
      // A long error goes on under the detail when no meter read takes the second line.
      let (first, rest) = read == nil ? split(error, at: max(0, 1 + width - x)) : (error, "")
      buffer.write(first, x: x, y: bottom - 3, role: role, maxWidth: max(0, 1 + width - x))
      if let (text, role) = read {
        buffer.write(text, x: 1, y: bottom - 2, role: role, maxWidth: width)
      } else if !rest.isEmpty {
        buffer.write(rest, x: 1, y: bottom - 2, role: role, maxWidth: width)
      }
    }
    if case .submitting = state.phase {
      buffer.write(strings[OutboxText.submitting], x: 1, y: bottom - 1, role: .info, maxWidth: width)
    } else if let (text, role) = message(state, strings: strings) {
      buffer.write(text, x: 1, y: bottom - 1, role: role, maxWidth: width)
    }
    buffer.write(hint(state, strings: strings), x: 1, y: bottom, role: .dim, maxWidth: width)
  }

  /// `text` cut where it passes `cells` terminal cells, never inside a wide character.
  static func split(_ text: String, at cells: Int) -> (String, String) {
    var used = 0
    var index = text.startIndex
    while index < text.endIndex {
      let width = Format.cells(String(text[index]))
      if used + width > cells { break }
      used += width
      index = text.index(after: index)
    }
    return (String(text[..<index]), String(text[index...]))
  }

  /// The fresh read of a conflicting entry's meter, or how to get one.
  private static func readLine(
    _ state: OutboxState, _ row: OutboxEntryRow, now: Date, strings: Strings
  ) -> (String, StyleRole)? {
    guard row.state == .conflict else { return nil }
    if state.reading.contains(row.bill) { return (strings.format(OutboxText.reading, row.meter), .info) }
    guard let read = state.freshReads[row.bill] else { return (strings[OutboxText.readAsk], .warning) }
    let text = strings.format(
      OutboxText.readLine, "\(read.purchaseCount)",
      row.expectedCount.map { "\($0)" } ?? strings[CommonText.never],
      read.remaining.grouped, Format.age(since: read.at, now: now, strings: strings))
    return (text, .info)
  }

  /// The keys that work on the selected row now.
  private static func hint(_ state: OutboxState, strings: Strings) -> String {
    guard let row = state.selectedRow else { return strings[OutboxText.hintEmpty] }
    switch row.state {
    case .queued, .sent: return strings[OutboxText.hintWaiting]
    case .failed: return strings[OutboxText.hintFailed]
    case .conflict:
      return strings[state.freshReads[row.bill] == nil ? OutboxText.hintRead : OutboxText.hintConflict]
    }
  }

  /// The outcome or refusal to show, in the operator's language.
  static func message(_ state: OutboxState, strings: Strings) -> (String, StyleRole)? {
    if let problem = state.problem { return (problemText(problem, strings: strings), .error) }
    switch state.notice {
    case nil: return nil
    case .reading(let meter)?: return (strings.format(OutboxText.reading, meter), .info)
    case .read(let meter)?: return (strings.format(OutboxText.readDone, meter), .success)
    case .resolved(let bill, let resolution)?:
      let key: OutboxText =
        switch resolution {
        case .landed: .resolvedLanded
        case .void: .resolvedVoid
        case .retry: .resolvedRetry
        }
      return (strings.format(key, "\(bill)"), .success)
    }
  }

  private static func problemText(_ problem: OutboxProblem, strings: Strings) -> String {
    switch problem {
    case .readOnlyConflicts: strings[OutboxText.readOnlyConflicts]
    case .landedOnlyConflicts: strings[OutboxText.landedOnlyConflicts]
    case .voidOnlyStuck: strings[OutboxText.voidOnlyStuck]
    case .retryOnlyFailed: strings[OutboxText.retryOnlyFailed]
    case .needsFreshRead: strings[OutboxText.needsFreshRead]
    case .gone(let bill): strings.format(OutboxText.gone, "\(bill)")
    case .approvalCancelled: strings[OutboxText.approvalCancelled]
    case .credentialsMissing: strings[SaleText.credentialsMissing]
    case .readFailed(let meter, let reason): strings.format(OutboxText.readFailed, meter, reason)
    case .refused(let bill, let reason): strings.format(OutboxText.refused, "\(bill)", reason)
    }
  }
}

import Domain
import Foundation
import TerminalUI

extension GridScreen {
  /// Renders the legend, the info (or search) line and the visible rows of the table into `size`.
  public static func view(_ state: GridState, size: Size, language: Language) -> Buffer {
    let strings = Strings(language)
    var buffer = Buffer(size: size)
    guard size.width > 0, size.height > 0 else { return buffer }
    drawLegend(state, into: &buffer, strings: strings)
    drawInfoLine(state, into: &buffer, strings: strings)
    let rect = tableRect(size)
    guard state.loaded, !state.rows.isEmpty else {
      let text = strings[state.loaded ? GridText.empty : GridText.loading]
      buffer.write(
        text, in: Rect(x: 0, y: min(size.height - 1, rect.y + 2), width: size.width, height: 1),
        role: .dim, alignment: .center)
      drawFilterMenu(state, into: &buffer, strings: strings)
      return buffer
    }
    let fitted = columns(width: size.width, strings: strings)
    let ids = fitted.map(\.id)
    let rows = state.rows
    let meters = state.meters
    let tagged = state.tagged
    let now = state.now
    let table = Table(columns: fitted.map(\.column), rowCount: rows.count) { index in
      guard let meterIndex = rows[index].meterIndex else { return TableRow(cells: [], role: .header) }
      let meter = meters[meterIndex]
      return TableRow(
        cells: ids.map { cell($0, meter, now: now, strings: strings) }, role: meter.status.styleRole,
        marker: tagged.contains(meter.meter) ? "*" : nil)
    }
    table.render(into: &buffer, rect: rect, state: state.table, focused: state.search == nil)
    overlayRows(state, table: table, ids: ids, rect: rect, into: &buffer, strings: strings)
    drawFilterMenu(state, into: &buffer, strings: strings)
    return buffer
  }

  /// Writes group headers across the row and gives each marker its own role, on visible rows only.
  private static func overlayRows(
    _ state: GridState, table: Table, ids: [GridColumnID], rect: Rect, into buffer: inout Buffer,
    strings: Strings
  ) {
    let visible = Table.visibleRows(in: rect)
    let offset = TableState.offset(
      keeping: state.table.selected, from: state.table.offset, rowCount: state.rows.count, visible: visible)
    let scrollbar = state.rows.count > visible ? 1 : 0
    let frames = table.columnFrames(in: rect)
    let markerFrame = ids.firstIndex(of: .markers).map { frames[$0] }
    let slotWidth = strings.language == .zh ? 2 : 1
    for row in offset..<min(state.rows.count, offset + visible) {
      let y = rect.y + 1 + row - offset
      switch state.rows[row] {
      case .header(let header):
        let line = Rect(x: rect.x, y: y, width: rect.width - scrollbar, height: 1)
        buffer.write(headerText(header, strings), in: line, role: .header, bold: true)
      case .meter(let index):
        guard row != state.table.selected || state.search != nil, let frame = markerFrame else { continue }
        let flags = state.meters[index].flags
        for (slot, entry) in markerSlots.enumerated() where flags.contains(entry.0) {
          let x = frame.x + slot * slotWidth
          guard x + slotWidth <= frame.x + frame.width else { break }
          buffer.setRole(markerRoles[slot], in: Rect(x: x, y: y, width: slotWidth, height: 1))
        }
      }
    }
  }

  /// "▾ 星河大厦 (120)", "▾ 星河大厦 3F (40)" or "▾ 总线 B01 (32)".
  static func headerText(_ header: GroupHeader, _ strings: Strings) -> String {
    let title = header.grouping == .bus ? strings.format(GridText.busHeader, header.title) : header.title
    return "▾ \(title) (\(header.count))"
  }

  /// One chip per status in its colour with its count, then the total.
  private static func drawLegend(_ state: GridState, into buffer: inout Buffer, strings: Strings) {
    buffer.fill(Rect(x: 0, y: 0, width: buffer.size.width, height: 1), role: .legend)
    var x = 0
    for status in MeterStatus.allCases {
      let chip = " \(strings.status(status)) \(state.counts[status] ?? 0) "
      let width = Format.cells(chip)
      guard x + width <= buffer.size.width else { return }
      buffer.write(
        chip, x: x, y: 0, role: status.styleRole, bold: state.shown.contains(status))
      x += width + 1
    }
    let total = strings.format(GridText.total, Format.grouped(state.meters.count))
    if x + Format.cells(total) <= buffer.size.width {
      buffer.write(total, x: x, y: 0, role: .legend)
    }
  }

  /// The search line when searching, else grouping, sort, filter, tags and the latest notice.
  private static func drawInfoLine(_ state: GridState, into buffer: inout Buffer, strings: Strings) {
    let line = Rect(x: 0, y: 1, width: buffer.size.width, height: 1)
    guard line.y < buffer.size.height else { return }
    if let search = state.search {
      buffer.fill(line, role: .search)
      var field = search.field
      field.label = strings[GridText.searchLabel] + " /"
      let counts =
        search.field.value.isEmpty
        ? strings[GridText.searchHint]
        : strings.format(GridText.searchMatches, "\(search.matchCount)") + " · "
          + strings[GridText.searchHint]
      let countsWidth = min(Format.cells(counts), max(0, line.width / 2))
      let (fieldRect, countsRect) = line.splitHorizontally(right: countsWidth + 1)
      field.render(into: &buffer, rect: fieldRect, focused: true, labelWidth: Format.cells(field.label) + 1)
      buffer.write(counts, in: countsRect.splitHorizontally(left: 1).1, role: .search)
      if state.notice == .noMatch {
        buffer.write(strings[GridText.noMatch], in: countsRect.splitHorizontally(left: 1).1, role: .warning)
      }
      return
    }
    let (text, role) = noticeText(state, strings) ?? ("", .normal)
    StatusLine(left: optionsText(state, strings), right: text, role: .normal).render(
      into: &buffer, rect: line)
    if !text.isEmpty {
      let width = min(Format.cells(text), line.width)
      buffer.setRole(role, in: Rect(x: line.maxX - width, y: line.y, width: width, height: 1))
    }
  }

  private static func optionsText(_ state: GridState, _ strings: Strings) -> String {
    let groupNames: [GridGrouping: GridText] = [
      .building: .groupBuilding, .floor: .groupFloor, .bus: .groupBus, .none: .groupNone,
    ]
    let sortNames: [GridSort: GridText] = [
      .meter: .sortMeter, .remaining: .sortRemaining, .severity: .sortSeverity, .age: .sortAge,
    ]
    let filter =
      state.shown.count == MeterStatus.allCases.count
      ? strings[GridText.filterAll]
      : MeterStatus.allCases.filter { state.shown.contains($0) }.map { strings.status($0) }.joined(
        separator: ",")
    var shownFilter = filter.isEmpty ? "-" : filter
    if state.driftOnly { shownFilter += "+" + strings[GridText.filterDrift] }
    var parts = [
      strings.format(GridText.groupBy, strings[groupNames[state.grouping] ?? .groupNone]),
      strings.format(GridText.sortBy, strings[sortNames[state.sort] ?? .sortMeter]),
      strings.format(GridText.filterBy, shownFilter),
    ]
    if !state.tagged.isEmpty { parts.append(strings.format(GridText.tagged, "\(state.tagged.count)")) }
    return parts.joined(separator: "  ")
  }

  private static func noticeText(_ state: GridState, _ strings: Strings) -> (String, StyleRole)? {
    switch state.notice {
    case .none: nil
    case .reading(let meter): (strings.format(GridText.reading, meter), .info)
    case .readFinished(let meter, let error?): (strings.format(GridText.readFailed, meter, error), .error)
    case .readFinished(let meter, nil): (strings.format(GridText.readDone, meter), .success)
    case .noMatch: (strings[GridText.noMatch], .warning)
    }
  }

  /// The F4 menu: a check box per status with its count, "settings drift only", then "all".
  private static func drawFilterMenu(_ state: GridState, into buffer: inout Buffer, strings: Strings) {
    guard let cursor = state.filterMenu else { return }
    let drifting = state.meters.filter { $0.flags.contains(.settingsDrift) }.count
    let items = filterItems.map { item -> String in
      switch item {
      case .status(let status):
        let mark = state.shown.contains(status) ? "[x] " : "[ ] "
        return mark + strings.status(status) + " \(state.counts[status] ?? 0)"
      case .drift:
        return (state.driftOnly ? "[x] " : "[ ] ") + strings[GridText.filterDrift] + " \(drifting)"
      case .all:
        return "    " + strings[GridText.filterAll]
      }
    }
    let hint = strings[GridText.filterHint]
    let width = min(buffer.size.width, max(24, Format.cells(hint) + 4))
    let height = min(max(0, buffer.size.height - 2), items.count + 3)
    let rect = Rect(x: max(0, buffer.size.width - width - 1), y: 2, width: width, height: height)
    Menu(title: strings[GridText.filterTitle], items: items, selected: cursor)
      .render(into: &buffer, rect: Rect(x: rect.x, y: rect.y, width: rect.width, height: height - 1))
    buffer.write(hint, in: Rect(x: rect.x, y: rect.y + height - 1, width: rect.width, height: 1), role: .dim)
  }
}

import Domain
import Foundation
import TerminalUI

/// The report centre (报表中心, F7): pick a report, a range, a grouping and a filter with single keys; read
/// the table, its totals and its chart; export, print, and hand over a shift.
public enum ReportsScreen {
  /// Applies `action` and returns the effects to perform.
  public static func update(_ state: inout ReportsState, _ action: ReportsAction) -> [Effect] {
    switch action {
    case .keyPressed(let key):
      return keyPressed(key, &state)
    case .loaded(let query, let table):
      guard query == state.query else { return [] }
      state.table = table
      state.loading = false
      state.rows = TableState()
      return []
    case .failed(let query, let reason):
      guard query == state.query else { return [] }
      state.loading = false
      state.table = nil
      state.notice = .problem(reason)
      return []
    case .exportProgress(let done, let total):
      if case .exporting(let format, _, _)? = state.notice {
        state.notice = .exporting(format, done: done, total: total)
      }
      return []
    case .exported(let path, let error):
      state.notice = path.map { .exported($0) } ?? .problem(error ?? "")
      return []
    case .printed(let queue, let error):
      state.notice = error.map { .problem($0) } ?? .printed(queue)
      return []
    case .shiftLoaded(let preview):
      state.shift = preview
      return []
    case .shiftClosed(let expected, let counted, let error):
      if let expected, let counted, error == nil {
        state.phase = .table
        state.notice = .shiftClosed(expected: expected, counted: counted)
        if state.query.kind == .shift { return rerun(&state) }
      } else {
        state.phase = .shift(onRemark: false)
        state.notice = .problem(error ?? "")
      }
      return []
    case .resized(let size):
      state.size = size
      state.rows.select(state.rows.selected, rowCount: rowCount(state), visible: state.visibleRows)
      return []
    }
  }

  /// The effect that runs the report as the screen opens.
  public static func opened(_ state: ReportsState) -> [Effect] {
    [.runReport(state.query)]
  }

  private static func keyPressed(_ key: Key, _ state: inout ReportsState) -> [Effect] {
    switch state.phase {
    case .table: return tableKey(key, &state)
    case .customRange(let onTo): return customKey(key, onTo: onTo, &state)
    case .filter: return filterKey(key, &state)
    case .shift(let onRemark): return shiftKey(key, onRemark: onRemark, &state)
    case .closingShift: return []
    }
  }

  private static func tableKey(_ key: Key, _ state: inout ReportsState) -> [Effect] {
    let visible = state.visibleRows
    let count = rowCount(state)
    switch key {
    case .character(let c) where ("1"..."7").contains(c):
      let index = Int(String(c)).map { $0 - 1 } ?? 0
      return choose(ReportChoice.allCases[index], &state)
    case .left, .right:
      let all = ReportChoice.allCases
      let index = all.firstIndex(of: state.query.kind) ?? 0
      let next = (index + (key == .left ? all.count - 1 : 1)) % all.count
      return choose(all[next], &state)
    case .character("t"): return setRange(.today, &state)
    case .character("y"): return setRange(.yesterday, &state)
    case .character("w"): return setRange(.thisWeek, &state)
    case .character("m"): return setRange(.thisMonth, &state)
    case .character("l"): return setRange(.lastMonth, &state)
    case .character("c"):
      state.fromField.value = state.query.from
      state.fromField.cursor = state.query.from.count
      state.toField.value = state.query.to
      state.toField.cursor = state.query.to.count
      state.fromField.error = nil
      state.phase = .customRange(onTo: false)
      return []
    case .character("g") where state.query.kind == .energy:
      let all = EnergyGroupChoice.allCases
      state.query.energyGroup = all[((all.firstIndex(of: state.query.energyGroup) ?? 0) + 1) % all.count]
      return rerun(&state)
    case .character("g"):
      guard state.query.kind == .sales else { return refuse(ReportText.onlySales, &state) }
      let all = ReportGroupingChoice.allCases
      state.query.by = all[((all.firstIndex(of: state.query.by) ?? 0) + 1) % all.count]
      return rerun(&state)
    case .character("o"):
      guard state.query.kind == .sales else { return refuse(ReportText.onlySales, &state) }
      state.query.perCashier.toggle()
      return rerun(&state)
    case .character("a"):
      guard state.query.kind.hasRealTime else { return refuse(ReportText.onlyRealTime, &state) }
      state.query.active.toggle()
      return rerun(&state)
    case .character("f"):
      state.filterField.value = filterText(state.query.filter)
      state.filterField.cursor = state.filterField.value.count
      state.filterField.error = nil
      state.phase = .filter
      return []
    case .character("b"):
      guard state.hasChart else { return refuse(ReportText.noChart, &state) }
      state.showChart.toggle()
      return []
    case .character("x"), .character("v"):
      guard state.canExport else { return refuse(ReportText.noExport, &state) }
      let format: ReportExportFormat = key == .character("x") ? .xlsx : .csv
      state.notice = .exporting(format, done: 0, total: max(1, count))
      return [.exportReport(state.query, format)]
    case .character("p"):
      guard state.canExport else { return refuse(ReportText.noExport, &state) }
      state.notice = .printing("")
      return [.printReport(state.query)]
    case .character("h"):
      guard state.canHandOver else { return refuse(ReportText.noShift, &state) }
      state.shift = nil
      state.countedField.value = ""
      state.countedField.cursor = 0
      state.countedField.error = nil
      state.remarkField.value = ""
      state.remarkField.cursor = 0
      state.phase = .shift(onRemark: false)
      return [.loadShift]
    case .function(5):
      return rerun(&state)
    case .up: state.rows.move(by: -1, rowCount: count, visible: visible)
    case .down: state.rows.move(by: 1, rowCount: count, visible: visible)
    case .pageUp: state.rows.move(by: -visible, rowCount: count, visible: visible)
    case .pageDown: state.rows.move(by: visible, rowCount: count, visible: visible)
    case .home: state.rows.select(0, rowCount: count, visible: visible)
    case .end: state.rows.select(count - 1, rowCount: count, visible: visible)
    default: break
    }
    return []
  }

  private static func choose(_ kind: ReportChoice, _ state: inout ReportsState) -> [Effect] {
    state.query.kind = kind
    if !kind.hasRealTime { state.query.active = false }
    return rerun(&state)
  }

  private static func setRange(_ range: ReportRangeChoice, _ state: inout ReportsState) -> [Effect] {
    state.range = range
    let days = ReportRanges.days(range, today: state.today)
    state.query.from = days.from
    state.query.to = days.to
    return rerun(&state)
  }

  private static func rerun(_ state: inout ReportsState) -> [Effect] {
    state.loading = true
    state.table = nil
    if case .problem? = state.notice { state.notice = nil }
    return [.runReport(state.query)]
  }

  private static func refuse(_ text: ReportText, _ state: inout ReportsState) -> [Effect] {
    state.notice = .problem(Strings(state.language)[text])
    return []
  }

  private static func customKey(_ key: Key, onTo: Bool, _ state: inout ReportsState) -> [Effect] {
    switch key {
    case .escape:
      state.phase = .table
    case .tab, .backTab, .up, .down:
      state.phase = .customRange(onTo: !onTo)
    case .enter:
      let from = state.fromField.value.trimmingCharacters(in: .whitespaces)
      let to = state.toField.value.trimmingCharacters(in: .whitespaces)
      for text in [from, to] where ReportRanges.parse(text) == nil {
        state.fromField.error = Strings(state.language).format(ReportText.badDate, text)
        return []
      }
      guard from <= to else {
        state.fromField.error = Strings(state.language)[ReportText.toBeforeFrom]
        return []
      }
      state.phase = .table
      return setRange(.custom(from: from, to: to), &state)
    default:
      if onTo { _ = state.toField.handle(key) } else { _ = state.fromField.handle(key) }
    }
    return []
  }

  /// Filter keys operators type, in Chinese or English, to the names the runtime takes.
  static let filterKeys: [String: String] = [
    "楼": "building", "building": "building", "总线": "bus", "bus": "bus", "表": "meter", "meter": "meter",
    "户": "account", "account": "account", "员": "operator", "operator": "operator",
  ]

  /// Parses "楼:A bus:S-1" into names and values; the unknown token as the error.
  static func parseFilter(_ text: String) -> Result<[String: String], FilterError> {
    var filter: [String: String] = [:]
    for token in text.split(whereSeparator: { $0 == " " || $0 == "　" }) {
      let parts = token.split(separator: ":", maxSplits: 1).flatMap { $0.split(separator: "：", maxSplits: 1) }
      guard parts.count == 2, let name = filterKeys[String(parts[0]).lowercased()], !parts[1].isEmpty else {
        return .failure(FilterError(token: String(token)))
      }
      filter[name] = String(parts[1])
    }
    return .success(filter)
  }

  /// A filter that could not be read: the token.
  struct FilterError: Error, Hashable {
    var token: String
  }

  /// The filter as the operator types it ("building:A bus:S-1"), in a fixed order.
  static func filterText(_ filter: [String: String]) -> String {
    ["building", "bus", "meter", "account", "operator"].compactMap { name in
      filter[name].map { "\(name):\($0)" }
    }.joined(separator: " ")
  }

  private static func filterKey(_ key: Key, _ state: inout ReportsState) -> [Effect] {
    switch key {
    case .escape:
      state.phase = .table
    case .enter:
      switch parseFilter(state.filterField.value) {
      case .success(let filter):
        state.query.filter = filter
        state.phase = .table
        return rerun(&state)
      case .failure(let error):
        state.filterField.error = Strings(state.language).format(ReportText.badFilter, error.token)
      }
    default:
      _ = state.filterField.handle(key)
    }
    return []
  }

  private static func shiftKey(_ key: Key, onRemark: Bool, _ state: inout ReportsState) -> [Effect] {
    switch key {
    case .escape:
      state.phase = .table
    case .tab, .backTab, .up, .down:
      state.phase = .shift(onRemark: !onRemark)
    case .enter:
      guard state.shift != nil else { return [] }
      let text = state.countedField.value.trimmingCharacters(in: .whitespaces)
      let counted: Money
      switch Money.parse(text, requirePositive: false) {
      case .success(let money): counted = money
      case .failure:
        state.countedField.error = Strings(state.language).format(ReportText.badCounted, text)
        state.phase = .shift(onRemark: false)
        return []
      }
      state.countedField.error = nil
      state.phase = .closingShift
      return [.closeShift(counted: counted, remark: state.remarkField.value)]
    default:
      if onRemark { _ = state.remarkField.handle(key) } else { _ = state.countedField.handle(key) }
    }
    return []
  }

  static func rowCount(_ state: ReportsState) -> Int { state.table?.rows.count ?? 0 }
}

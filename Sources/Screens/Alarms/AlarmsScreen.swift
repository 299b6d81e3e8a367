import Domain
import Foundation
import TerminalUI

/// What can happen to the alarm screen (报警).
public enum AlarmsAction: Sendable, Hashable {
  /// A key while the screen is shown.
  case keyPressed(Key)
  /// The active alarms arrived.
  case loaded([AlarmRow])
  /// Alarms were acknowledged (count), or the reason they were not.
  case acknowledged(count: Int, error: String?)
  /// The screen's area changed.
  case resized(Size)
}

/// The alarm screen: active alarm episodes with who acknowledged them.
public struct AlarmsState: Sendable, Hashable {
  /// Active alarms, newest first.
  public internal(set) var rows: [AlarmRow]
  /// Selection and scroll.
  public internal(set) var table: TableState
  /// True once loaded.
  public internal(set) var loaded: Bool
  /// The last outcome.
  public internal(set) var notice: SystemNotice?
  /// The screen's area.
  public internal(set) var size: Size
  /// The operator's language.
  public internal(set) var language: Language

  /// An empty screen waiting for `.loaded`.
  public init(size: Size, language: Language) {
    rows = []
    table = TableState()
    loaded = false
    notice = nil
    self.size = size
    self.language = language
  }

  var tableRect: Rect { Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 3)) }
}

/// The alarm screen (报警, F12).
public enum AlarmsScreen {
  /// Applies `action`.
  public static func update(_ state: inout AlarmsState, _ action: AlarmsAction) -> [Effect] {
    let visible = max(1, Table.visibleRows(in: state.tableRect))
    switch action {
    case .keyPressed(let key):
      let count = state.rows.count
      switch key {
      case .up: state.table.move(by: -1, rowCount: count, visible: visible)
      case .down: state.table.move(by: 1, rowCount: count, visible: visible)
      case .pageUp: state.table.move(by: -visible, rowCount: count, visible: visible)
      case .pageDown: state.table.move(by: visible, rowCount: count, visible: visible)
      case .function(5): return [.loadAlarms]
      case .character("k"):
        guard state.rows.indices.contains(state.table.selected) else { return [] }
        let row = state.rows[state.table.selected]
        guard row.acknowledgedBy == nil else { return [] }
        return [.acknowledgeAlarms([row.id])]
      case .character("K"):
        let ids = state.rows.filter { $0.acknowledgedBy == nil }.map(\.id)
        return ids.isEmpty ? [] : [.acknowledgeAlarms(ids)]
      default: break
      }
      return []
    case .loaded(let rows):
      state.rows = rows
      state.loaded = true
      state.table.select(state.table.selected, rowCount: rows.count, visible: visible)
      return []
    case .acknowledged(let count, let error):
      let strings = Strings(state.language)
      state.notice = error.map { .problem($0) } ?? .done(strings.format(AlarmText.acknowledged, "\(count)"))
      return error == nil ? [.loadAlarms] : []
    case .resized(let size):
      state.size = size
      return []
    }
  }

  /// The name of an alarm kind.
  public static func kindName(_ kind: String, _ strings: Strings) -> String {
    let text: AlarmText =
      switch kind {
      case "alarm1": .kindAlarm1
      case "alarm2": .kindAlarm2
      case "arrears": .kindArrears
      case "overload": .kindOverload
      case "offline": .kindOffline
      case "tripped": .kindTripped
      case "busDown", "bus_down", "gatewayDown": .kindBusDown
      case "drift", "settingsDrift", "settings_drift": .kindDrift
      case "tamper": .kindTamper
      default: .kindOther
      }
    return strings[text]
  }

  /// Renders the summary, the alarms and the keys.
  public static func view(_ state: AlarmsState, clock: SiteClock, size: Size, language: Language) -> Buffer {
    let strings = Strings(language)
    var buffer = Buffer(size: size)
    guard size.width > 10, size.height > 4 else { return buffer }
    let unacknowledged = state.rows.filter { $0.acknowledgedBy == nil }.count
    StatusLine(
      left: " " + strings.format(AlarmText.summary, "\(state.rows.count)", "\(unacknowledged)"), right: "",
      role: .header
    ).render(into: &buffer, rect: Rect(x: 0, y: 0, width: size.width, height: 1))
    if state.rows.isEmpty {
      buffer.write(
        strings[state.loaded ? AlarmText.empty : .loading],
        in: Rect(x: 0, y: 3, width: size.width, height: 1),
        role: .dim, alignment: .center)
    } else {
      let rows = state.rows
      Table(
        columns: [
          TableColumn(title: strings[AlarmText.colKind], width: 14),
          TableColumn(title: strings[AlarmText.colWhere], width: 14),
          TableColumn(title: strings[AlarmText.colPlace], width: max(12, size.width - 92)),
          TableColumn(title: strings[AlarmText.colSince], width: 19),
          TableColumn(title: strings[AlarmText.colValue], width: 12, alignment: .right),
          TableColumn(title: strings[AlarmText.colAck], width: 24),
        ], rowCount: rows.count, showsMarkers: false
      ) { index in
        let row = rows[index]
        let role: StyleRole =
          switch row.kind {
          case "alarm1": .alarm1
          case "alarm2": .alarm2
          case "arrears": .arrears
          case "offline", "busDown", "bus_down": .offline
          default: .warning
          }
        return TableRow(
          cells: [
            kindName(row.kind, strings), row.meter ?? row.bus ?? "", row.place, clock.dateTime(row.since),
            row.value,
            row.acknowledgedBy ?? "",
          ], cellRoles: row.acknowledgedBy == nil ? [0: role] : [:])
      }
      .render(into: &buffer, rect: state.tableRect, state: state.table)
    }
    switch state.notice {
    case .done(let text)?:
      buffer.write(text, x: 1, y: size.height - 2, role: .success, maxWidth: size.width - 2)
    case .problem(let text)?:
      buffer.write(text, x: 1, y: size.height - 2, role: .error, maxWidth: size.width - 2)
    case nil: break
    }
    buffer.write(" " + strings[AlarmText.hint], x: 0, y: size.height - 1, role: .dim, maxWidth: size.width)
    return buffer
  }

  /// Keys of the alarm screen.
  public static let help: [HelpEntry] = [
    HelpEntry(keys: "↑ ↓ PgUp PgDn", text: .move),
    HelpEntry(keys: "k", text: .alarmAck),
    HelpEntry(keys: "K", text: .alarmAckAll),
    HelpEntry(keys: "F5", text: .outboxRefresh),
    HelpEntry(keys: "Esc", text: .back),
    HelpEntry(keys: "F1 / ?", text: .showHelp),
    HelpEntry(keys: "F10", text: .quit),
  ]
}

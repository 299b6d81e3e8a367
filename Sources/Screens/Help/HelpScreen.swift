import Domain
import TerminalUI

/// The help overlay: the keys of the current screen and what they do, in a centred box.
public enum HelpScreen {
  /// The help entries of `screen` for an operator of `role` (keys the role cannot use are left out).
  public static func entries(for screen: ScreenID, role: Role? = nil) -> [HelpEntry] {
    switch screen {
    case .login: LoginScreen.help
    case .grid: GridScreen.help(for: role)
    case .detail: DetailScreen.help
    case .buses: BusesScreen.help
    case .sale: SaleScreen.help
    case .accounts: AccountsScreen.help
    case .outbox: OutboxScreen.help
    case .batch: BatchScreen.help
    case .reports: ReportsScreen.help(for: role)
    case .system: SystemScreen.help(for: role)
    case .alarms: AlarmsScreen.help
    }
  }

  /// Draws the help box for `entries` centred in `area` of `buffer`.
  public static func render(_ entries: [HelpEntry], into buffer: inout Buffer, area: Rect, language: Language)
  {
    let strings = Strings(language)
    let keyWidth = min(16, (entries.map { Format.cells($0.keys) }.max() ?? 0) + 2)
    let textWidth = entries.map { Format.cells(strings[$0.text]) }.max() ?? 0
    let closing = strings[HelpText.close]
    let width = max(keyWidth + textWidth, Format.cells(closing)) + 4
    let box = area.centered(width: width, height: entries.count + 4)
    guard box.width >= 6, box.height >= 3 else { return }
    buffer.fill(box, role: .help)
    buffer.drawBox(box, role: .border, title: strings[HelpText.title])
    let inner = box.inset(by: 1).splitHorizontally(left: 1).1
    // A blank row sits above the closing hint unless the entries need it.
    let room = inner.height - (entries.count + 2 <= inner.height ? 2 : 1)
    for (index, entry) in entries.enumerated() where index < room {
      let row = inner.row(index)
      let (keys, text) = row.splitHorizontally(left: keyWidth)
      buffer.write(entry.keys, in: keys, role: .helpKey, bold: true)
      buffer.write(strings[entry.text], in: text, role: .help)
    }
    buffer.write(closing, in: inner.row(inner.height - 1), role: .dim)
  }
}

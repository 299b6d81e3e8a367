import Domain

extension GridScreen {
  /// The grid's keys for an operator of `role`: F6 (batch operations) and F7 (reports) only when the role
  /// may use them.
  public static func help(for role: Role?) -> [HelpEntry] {
    var entries = help
    guard let index = entries.firstIndex(where: { $0.keys == "F5" }) else { return entries }
    if role?.allows(.viewReports) ?? false {
      entries.insert(HelpEntry(keys: "F7", text: .reports), at: index + 1)
    }
    if BatchScreen.available(to: role) {
      entries.insert(HelpEntry(keys: "F6", text: .batch), at: index + 1)
    }
    return entries
  }

  /// Keys this screen understands, for the help overlay.
  public static let help: [HelpEntry] = [
    HelpEntry(keys: "↑ ↓", text: .move),
    HelpEntry(keys: "PgUp PgDn", text: .page),
    HelpEntry(keys: "Home End", text: .homeEnd),
    HelpEntry(keys: "Enter", text: .open),
    HelpEntry(keys: "Space", text: .tag),
    HelpEntry(keys: "u", text: .untagAll),
    HelpEntry(keys: "/ F3", text: .search),
    HelpEntry(keys: "Enter ↑ ↓", text: .searchNext),
    HelpEntry(keys: "F4", text: .filter),
    HelpEntry(keys: "s", text: .sort),
    HelpEntry(keys: "g", text: .group),
    HelpEntry(keys: "F2", text: .sale),
    HelpEntry(keys: "F5", text: .readNow),
    HelpEntry(keys: "F8", text: .buses),
    HelpEntry(keys: "F9", text: .outbox),
    HelpEntry(keys: "a", text: .accounts),
    HelpEntry(keys: "F11", text: .system),
    HelpEntry(keys: "F12", text: .alarms),
    HelpEntry(keys: "F1 / ?", text: .showHelp),
    HelpEntry(keys: "F10", text: .quit),
  ]
}

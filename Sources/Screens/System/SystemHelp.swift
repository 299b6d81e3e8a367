import Domain

extension SystemScreen {
  /// Keys of the system screen for an operator of `role`: the operators, log and settings keys only for
  /// the roles that may open those tabs.
  public static func help(for role: Role?) -> [HelpEntry] {
    var entries = [
      HelpEntry(keys: "Tab 1-4", text: .systemTabs),
      HelpEntry(keys: "p", text: .systemPassword),
      HelpEntry(keys: "l", text: .systemRelogin),
    ]
    if role?.allows(.manageOperators) ?? false {
      entries.append(HelpEntry(keys: "n d r o t", text: .systemOperators))
    }
    if role?.allows(.viewAuditLog) ?? false { entries.append(HelpEntry(keys: "f x F5", text: .systemLog)) }
    if role?.allows(.editSettings) ?? false {
      entries.append(HelpEntry(keys: "↑ ↓ Enter", text: .systemSettings))
    }
    return entries + [
      HelpEntry(keys: "Esc", text: .back),
      HelpEntry(keys: "F1 / ?", text: .showHelp),
      HelpEntry(keys: "F10", text: .quit),
    ]
  }
}

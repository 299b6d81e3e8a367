import Domain

extension ReportsScreen {
  /// The report centre's keys for an operator of `role`: export and print only with the export
  /// permission, the hand-over only for the sales desk.
  public static func help(for role: Role?) -> [HelpEntry] {
    var entries = [
      HelpEntry(keys: "1-7 ← →", text: .reportPick),
      HelpEntry(keys: "t y w m l", text: .reportRange),
      HelpEntry(keys: "c", text: .reportCustom),
      HelpEntry(keys: "g", text: .reportGroup),
      HelpEntry(keys: "o", text: .reportCashier),
      HelpEntry(keys: "a", text: .reportRealTime),
      HelpEntry(keys: "f", text: .reportFilter),
      HelpEntry(keys: "b", text: .reportChart),
      HelpEntry(keys: "↑ ↓ PgUp PgDn", text: .move),
    ]
    if role?.allows(.exportReports) ?? false {
      entries += [
        HelpEntry(keys: "x", text: .reportExcel), HelpEntry(keys: "v", text: .reportCSV),
        HelpEntry(keys: "p", text: .reportPrint),
      ]
    }
    if role?.allows(.sell) ?? false { entries.append(HelpEntry(keys: "h", text: .reportShift)) }
    entries += [
      HelpEntry(keys: "F5", text: .reportRerun),
      HelpEntry(keys: "Esc", text: .back),
      HelpEntry(keys: "F1 / ?", text: .showHelp),
      HelpEntry(keys: "F10", text: .quit),
    ]
    return entries
  }
}

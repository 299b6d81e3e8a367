/// What a cell means, not what colour it is: themes map each role to colours and attributes.
public enum StyleRole: String, Sendable, CaseIterable, Hashable {
  /// Plain text, secondary text, titles, table headers, box borders.
  case normal, dim, title, header, border
  /// The highlighted row, tagged rows, the text cursor.
  case selected, tagged, cursor
  /// Meter states: alarm 1 and 2, in arrears, not opened (not commissioned), offline,
  /// keep-power, relay tripped, command pending, and normal (opened, healthy).
  case alarm1, alarm2, arrears, unopened, offline, keepPower = "keep-power", tripped, pending,
    normalStatus = "normal-status"
  /// The status line, the F-key bar's labels and keys, and disabled F-key items.
  case statusBar = "status-bar", fkeyBar = "fkey-bar", fkeyKey = "fkey-key",
    fkeyDisabled = "fkey-disabled"
  /// Dialog bodies and titles, input fields and the focused input field.
  case dialog, dialogTitle = "dialog-title", input, inputFocused = "input-focused"
  /// Messages by severity.
  case error, warning, success, info
  /// Chart legends, bars and axes.
  case legend, chart, chartAxis = "chart-axis"
  /// Help text, key names in help, search matches.
  case help, helpKey = "help-key", search

  /// The six meter states that must look different in every theme and colour mode.
  public static let meterStates: [StyleRole] = [
    .normalStatus, .alarm1, .alarm2, .arrears, .unopened, .offline,
  ]

  /// The one-character code used by `Buffer.roleMap()`.
  ///
  /// Codes: normal `.`, dim `d`, title `T`, header `H`, border `b`, selected `S`, tagged `t`,
  /// cursor `c`, alarm1 `1`, alarm2 `2`, arrears `A`, unopened `U`, offline `O`,
  /// keep-power `K`, tripped `X`, pending `P`, normal-status `N`, status-bar `s`,
  /// fkey-bar `f`, fkey-key `F`, fkey-disabled `x`, dialog `D`, dialog-title `E`, input `i`,
  /// input-focused `I`, error `e`, warning `w`, success `g`, info `n`, legend `l`, chart `C`,
  /// chart-axis `a`, help `h`, help-key `k`, search `/`.
  public var code: Character {
    switch self {
    case .normal: "."
    case .dim: "d"
    case .title: "T"
    case .header: "H"
    case .border: "b"
    case .selected: "S"
    case .tagged: "t"
    case .cursor: "c"
    case .alarm1: "1"
    case .alarm2: "2"
    case .arrears: "A"
    case .unopened: "U"
    case .offline: "O"
    case .keepPower: "K"
    case .tripped: "X"
    case .pending: "P"
    case .normalStatus: "N"
    case .statusBar: "s"
    case .fkeyBar: "f"
    case .fkeyKey: "F"
    case .fkeyDisabled: "x"
    case .dialog: "D"
    case .dialogTitle: "E"
    case .input: "i"
    case .inputFocused: "I"
    case .error: "e"
    case .warning: "w"
    case .success: "g"
    case .info: "n"
    case .legend: "l"
    case .chart: "C"
    case .chartAxis: "a"
    case .help: "h"
    case .helpKey: "k"
    case .search: "/"
    }
  }

  /// The role whose `roleMap()` code is `code`, if any.
  public init?(code: Character) {
    guard let role = StyleRole.byCode[code] else { return nil }
    self = role
  }

  private static let byCode: [Character: StyleRole] = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0.code, $0) })
}

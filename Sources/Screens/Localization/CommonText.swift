/// Strings shared by every screen: the title, F-key labels, flags, the status line and dialogs.
public enum CommonText: LocalizedText {
  case appTitle, notLoggedIn, operatorLabel, meterCount, lastRefresh, never, pendingWork
  case fHelp, fSale, fSearch, fFilter, fRead, fRefresh, fBuses, fOutbox, fQuit
  case flagKeepPower, flagTripped, flagPending, flagOverload
  case markerKeepPower, markerTripped, markerPending, markerDrift
  case ageSeconds, ageMinutes, ageHours, ageDays
  case quitTitle, quitPending, quitAsk, quitYes, quitNo
  case errorTitle, ok, yuan, screenLogin, screenGrid, screenDetail, screenBuses, screenHelp, screenSale
  case screenAccounts, screenOutbox

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .appTitle: ("MeterDesk 预付费电能管理", "MeterDesk prepaid electricity")
    case .notLoggedIn: ("未登录", "Not logged in")
    case .operatorLabel: ("操作员 {0}（{1}）", "Operator {0} ({1})")
    case .meterCount: ("电表 {0}", "Meters {0}")
    case .lastRefresh: ("刷新 {0}", "Refreshed {0}")
    case .never: ("—", "—")
    case .pendingWork: ("待完成 {0}", "Pending {0}")
    case .fHelp: ("帮助", "Help")
    case .fSale: ("售电", "Sale")
    case .fSearch: ("查找", "Search")
    case .fFilter: ("筛选", "Filter")
    case .fRead: ("抄读", "Read")
    case .fRefresh: ("刷新", "Refresh")
    case .fBuses: ("总线", "Buses")
    case .fOutbox: ("待下发", "Outbox")
    case .fQuit: ("退出", "Quit")
    case .flagKeepPower: ("保电", "Keep power")
    case .flagTripped: ("拉闸", "Tripped")
    case .flagPending: ("待充", "Pending")
    case .flagOverload: ("过载", "Overload")
    case .markerKeepPower: ("保", "K")
    case .markerTripped: ("闸", "T")
    case .markerPending: ("待", "P")
    case .markerDrift: ("偏", "D")
    case .ageSeconds: ("{0}秒", "{0}s")
    case .ageMinutes: ("{0}分", "{0}m")
    case .ageHours: ("{0}时", "{0}h")
    case .ageDays: ("{0}天", "{0}d")
    case .quitTitle: ("退出", "Quit")
    case .quitPending: ("还有 {0} 项售电或命令正在进行。", "{0} sales or commands are still in progress.")
    case .quitAsk: ("确定退出吗？", "Quit anyway?")
    case .quitYes: ("退出(Y)", "Quit (Y)")
    case .quitNo: ("取消(N)", "Cancel (N)")
    case .errorTitle: ("错误", "Error")
    case .ok: ("确定", "OK")
    case .yuan: ("{0} 元", "¥{0}")
    case .screenLogin: ("登录", "Login")
    case .screenGrid: ("电表状态", "Meter status")
    case .screenDetail: ("电表详情", "Meter detail")
    case .screenBuses: ("总线", "Buses")
    case .screenHelp: ("帮助", "Help")
    case .screenSale: ("售电", "Sale")
    case .screenAccounts: ("账户", "Accounts")
    case .screenOutbox: ("待下发 / 异常售电", "Undelivered sales")
    }
  }
}

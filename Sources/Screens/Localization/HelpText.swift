/// Strings of the help overlay: what each key does.
public enum HelpText: LocalizedText {
  case title, close, showHelp, quit, back
  case loginNextField, loginSubmit
  case move, page, homeEnd, open, tag, untagAll, search, searchNext, filter, sort, group, readNow, buses
  case detailRead, busTrace, busRefresh

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .title: ("帮助 · 按键", "Help · keys")
    case .close: ("按 Esc 或 F1 关闭", "Esc or F1 closes")
    case .showHelp: ("显示帮助", "Show this help")
    case .quit: ("退出（有未完成工作时先确认）", "Quit (asks first when work is pending)")
    case .back: ("返回上一屏", "Go back")
    case .loginNextField: ("下一项", "Next field")
    case .loginSubmit: ("在密码栏按 Enter 登录", "Log in (on the password)")
    case .move: ("上下移动", "Move up and down")
    case .page: ("翻页", "Page up and down")
    case .homeEnd: ("第一行 / 最后一行", "First / last row")
    case .open: ("打开电表详情", "Open the meter's detail")
    case .tag: ("勾选电表（批量操作）并下移", "Tag the meter (batch) and move down")
    case .untagAll: ("清除全部勾选", "Clear all tags")
    case .search: ("查找：表号、户号、用户名、电话", "Search meter, shop, tenant, phone")
    case .searchNext: ("查找中：Enter 跳转/打开，↑↓ 上一个/下一个", "In search: Enter jumps/opens, ↑↓ previous/next")
    case .filter: ("按状态筛选", "Filter by status")
    case .sort: ("切换排序：表号、剩余金额、状态、读数时间", "Sort: meter, remaining, severity, age")
    case .group: ("切换分组：楼栋、楼层、总线、不分组", "Group: building, floor, bus, none")
    case .readNow: ("立即抄读选中电表", "Read the selected meter now")
    case .buses: ("总线状态", "Bus status")
    case .detailRead: ("立即抄读（优先）", "Read now (interactive priority)")
    case .busTrace: ("查看该总线实时报文", "Show the bus's live frame trace")
    case .busRefresh: ("刷新总线统计", "Refresh the bus statistics")
    }
  }
}

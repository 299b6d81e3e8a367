/// Strings of the help overlay: what each key does.
public enum HelpText: LocalizedText {
  case title, close, showHelp, quit, back
  case loginNextField, loginSubmit
  case move, page, homeEnd, open, tag, untagAll, search, searchNext, filter, sort, group, readNow, buses
  case detailRead, busTrace, busRefresh, busScan, busMeters, meterWatch, relayTest, registers
  case accounts, accountSearch, accountMeters, accountOpen, accountClose, accountQueryPassword
  case outbox, outboxRead, outboxLanded, outboxVoid, outboxRetry, outboxRefresh
  case batch, batchTab, batchChoose, batchGroup, batchOperation, batchPreview, batchJobs, batchRetry
  case batchExport, batchNew, batchLeave, batchRefresh
  case system, systemTabs, systemPassword, systemRelogin, systemOperators, systemLog, systemSettings
  case alarms, alarmAck, alarmAckAll
  case reports, reportPick, reportRange, reportCustom, reportGroup, reportCashier, reportRealTime
  case reportFilter, reportChart, reportExcel, reportCSV, reportPrint, reportShift, reportRerun
  case sale, saleMeter, saleAmount, salePay, saleConfirm, salePrint, saleRefund, saleReverse

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .accounts: ("账户：开户、销户、查找", "Accounts: open, close, search")
    case .accountSearch: ("查找：商铺、户名、表号、电话", "Search shop, tenant, meter, phone")
    case .accountMeters: ("查看该户电表及剩余金额", "Show the account's meters and balances")
    case .accountOpen: ("开户", "Open an account")
    case .accountClose: ("销户（需主管）", "Close the account (supervisor)")
    case .accountQueryPassword: ("设置用户查询机的查询密码", "Set the kiosk query password")
    case .outbox: ("待下发与异常售电", "Undelivered sales and conflicts")
    case .batch: ("批量操作（拉闸、保电、电价下发…）", "Batch operations (trip, keep power, prices…)")
    case .batchTab: ("在对象和操作之间切换", "Switch between target and operation")
    case .batchChoose: ("选择对象或操作", "Choose the target or the operation")
    case .batchGroup: ("换一条总线或一栋楼", "Another bus or building")
    case .batchOperation: ("直接选择操作", "Pick the operation")
    case .batchPreview:
      ("预览，再确认执行（拉闸多块、保电需主管）", "Preview, then confirm (trip of several, keep power: supervisor)")
    case .batchJobs: ("历史任务：谁、何时、结果", "Past jobs: who, when, results")
    case .batchRetry: ("任务结束后重试失败的电表", "Retry the failed meters once the job has finished")
    case .batchExport: ("导出任务结果", "Export the job's results")
    case .batchNew: ("新的批量操作", "A new batch operation")
    case .batchLeave: ("离开本屏，任务在后台继续", "Leave the screen; the job goes on")
    case .batchRefresh: ("刷新任务或列表", "Refresh the job or the list")
    case .outboxRead: ("读取冲突票据的电表，核对购电次数", "Read a conflict's meter to check its purchase count")
    case .outboxLanded: ("读表后：标记已到账（需主管）", "After a read: mark landed (supervisor)")
    case .outboxVoid: ("作废：记冲正，退还租户（需主管）", "Void: a reversal, money back to the tenant (supervisor)")
    case .outboxRetry: ("失败的票据重新下发（需主管）", "Try a failed bill again (supervisor)")
    case .outboxRefresh: ("刷新列表", "Refresh the list")
    case .reports: ("报表中心：售电、交班、能耗、报警…", "Reports: sales, shifts, energy, alarms…")
    case .system: ("系统管理：密码、重新登录、操作员、日志、设置", "System: password, re-login, operators, log, settings")
    case .systemTabs: ("切换页签（按权限显示）", "Switch tabs (those your role may use)")
    case .systemPassword: ("修改自己的密码", "Change your own password")
    case .systemRelogin: ("换操作员重新登录", "Log in as another operator")
    case .systemOperators:
      ("操作员：新增、停用/启用、重置密码、角色、权限表", "Operators: add, disable/enable, reset, role, permissions")
    case .systemLog: ("操作日志：筛选、导出、链校验", "Operation log: filter, export, chain check")
    case .systemSettings: ("系统设置：↑↓ 选择，输入修改，Enter 保存", "Settings: ↑↓ field, type, Enter saves")
    case .alarms: ("报警：当前报警与确认", "Alarms: active alarms and acknowledgement")
    case .alarmAck: ("确认所选报警", "Acknowledge the selected alarm")
    case .alarmAckAll: ("确认全部报警", "Acknowledge every alarm")
    case .reportPick: ("选择报表（← → 切换）", "Pick the report (← → next)")
    case .reportRange:
      ("范围：今天 昨天 本周 本月 上月", "Range: today, yesterday, this week, this month, last month")
    case .reportCustom: ("自定义起止日期", "Custom first and last day")
    case .reportGroup:
      (
        "售电按日 / 月 / 年；能耗按表 / 回路 / 商铺 / 楼栋 / 总线",
        "Sales by day/month/year; energy per meter/circuit/shop/building/bus"
      )
    case .reportCashier: ("分售电员或合计（售电）", "Per cashier or all together (sales)")
    case .reportRealTime: ("实时或历史（报警、失联）", "Now or history (alarms, offline)")
    case .reportFilter: ("筛选：楼、总线、表、户、售电员", "Filter: building, bus, meter, account, cashier")
    case .reportChart: ("显示或隐藏条形图", "Show or hide the bar chart")
    case .reportExcel: ("导出 Excel（.xlsx）", "Export to Excel (.xlsx)")
    case .reportCSV: ("导出 CSV", "Export to CSV")
    case .reportPrint: ("打印报表", "Print the report")
    case .reportShift: ("交班：点钞、记录差额、打印交班单", "Hand over: count the cash, record, print")
    case .reportRerun: ("重新生成报表", "Run the report again")
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
    case .busScan: ("扫描该总线的地址（默认 1–247）", "Scan the bus's addresses (1–247 by default)")
    case .busMeters: ("该总线的电表：选一块调试", "The bus's meters: pick one to commission")
    case .meterWatch: ("电表：每秒刷新实时数据", "Meter: live values every second")
    case .relayTest: ("电表：继电器测试（拉闸、核对、合闸、核对）", "Meter: relay test (trip, check, close, check)")
    case .registers: ("电表：读原始寄存器（功能码 3/4）", "Meter: raw registers (function 3/4)")
    case .sale: ("为选中电表售电", "Sell to the selected meter")
    case .saleMeter: ("选择该户的电表", "Pick the account's meter")
    case .saleAmount: ("输入金额（元，最多两位小数）", "Type the amount (yuan, two decimals)")
    case .salePay: ("切换到收费方式（←→ 或 1-4 选择）", "Go to the payment method (←→ or 1-4)")
    case .saleConfirm: ("确认售电；完成后再售一笔", "Confirm the sale; when done, a new sale")
    case .salePrint: ("打印失败时重打票据", "Print the receipt again after a failure")
    case .saleRefund: ("退电（需主管授权）", "Refund an amount (supervisor needed)")
    case .saleReverse: ("冲正一笔已到账售电（需主管授权）", "Reverse a delivered sale (supervisor needed)")
    }
  }
}

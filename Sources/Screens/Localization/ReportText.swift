/// Strings of the report centre (报表中心, F7).
public enum ReportText: LocalizedText {
  case screenTitle, fReports, fExport
  case kindSales, kindShift, kindEnergy, kindDaily, kindAlarms, kindOffline, kindAccounts
  case rangeToday, rangeYesterday, rangeWeek, rangeMonth, rangeLastMonth, rangeCustom
  case byDay, byMonth, byYear, perCashier, allCashiers, realTime, history
  case perMeter, perCircuit, perShop, perBuilding, perBus
  case rangeLine, filterLine, noFilter, loading, empty, rows, chartTitle
  case hintKeys, hintExport, hintShift
  case customTitle, customFrom, customTo, customHint, badDate, toBeforeFrom
  case filterTitle, filterHint, badFilter
  case exporting, exported, exportFailed, printing, printed, printFailed, failed
  case noChart, noExport, noShift, onlySales, onlyRealTime
  case shiftTitle, shiftStarted, shiftBills, shiftPay, shiftExpected, shiftCounted, shiftRemark
  case shiftHint, shiftClosed, shiftShort, shiftOver, shiftEven, shiftLoading, badCounted

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .screenTitle: ("报表中心", "Reports")
    case .fReports: ("报表", "Reports")
    case .fExport: ("导出", "Export")
    case .kindSales: ("售电", "Sales")
    case .kindShift: ("交班", "Shifts")
    case .kindEnergy: ("能耗", "Energy")
    case .kindDaily: ("日用能", "Daily")
    case .kindAlarms: ("报警", "Alarms")
    case .kindOffline: ("失联", "Offline")
    case .kindAccounts: ("账户", "Accounts")
    case .rangeToday: ("今天", "Today")
    case .rangeYesterday: ("昨天", "Yesterday")
    case .rangeWeek: ("本周", "This week")
    case .rangeMonth: ("本月", "This month")
    case .rangeLastMonth: ("上月", "Last month")
    case .rangeCustom: ("自定义", "Custom")
    case .byDay: ("按日", "By day")
    case .byMonth: ("按月", "By month")
    case .byYear: ("按年", "By year")
    case .perCashier: ("分售电员", "Per cashier")
    case .allCashiers: ("全部售电员", "All cashiers")
    case .perMeter: ("按表", "Per meter")
    case .perCircuit: ("按回路", "Per circuit")
    case .perShop: ("按商铺", "Per shop")
    case .perBuilding: ("按楼栋", "Per building")
    case .perBus: ("按总线", "Per bus")
    case .realTime: ("实时", "Now")
    case .history: ("历史", "History")
    case .rangeLine: ("{0} · {1} 至 {2} · {3}", "{0} · {1} to {2} · {3}")
    case .filterLine: ("筛选：{0}", "Filter: {0}")
    case .noFilter: ("无", "none")
    case .loading: ("正在生成报表…", "Running the report…")
    case .empty: ("该范围内没有记录", "Nothing in this range")
    case .rows: ("{0} 行", "{0} rows")
    case .chartTitle: ("{0}（条形图）", "{0} (bar chart)")
    case .hintKeys:
      (
        "1-7 报表 · t/y/w/m/l/c 范围 · g 分组 · o 售电员 · a 实时 · f 筛选 · b 图表",
        "1-7 report · t/y/w/m/l/c range · g group · o cashier · a now · f filter · b chart"
      )
    case .hintExport: ("x Excel · v CSV · p 打印", "x Excel · v CSV · p print")
    case .hintShift: ("h 交班", "h hand over")
    case .customTitle: ("自定义范围", "Custom range")
    case .customFrom: ("起始日期", "From")
    case .customTo: ("截止日期", "To")
    case .customHint:
      ("YYYY-MM-DD · Tab 切换 · Enter 确定 · Esc 取消", "YYYY-MM-DD · Tab next · Enter run · Esc cancel")
    case .badDate: ("日期格式应为 YYYY-MM-DD：{0}", "Expected a date YYYY-MM-DD: {0}")
    case .toBeforeFrom: ("截止日期早于起始日期", "The last day is before the first")
    case .filterTitle: ("筛选", "Filter")
    case .filterHint:
      (
        "楼:A 总线:S-1 表:号 户:号 员:名（Enter 确定，清空即全部）",
        "building:A bus:S-1 meter:N account:N operator:N (Enter; empty = all)"
      )
    case .badFilter: ("无法识别的筛选条件：{0}", "Unknown filter: {0}")
    case .exporting: ("正在导出 {0}", "Exporting {0}")
    case .exported: ("已导出 {0}", "Exported to {0}")
    case .exportFailed: ("导出失败：{0}", "Export failed: {0}")
    case .printing: ("正在打印到 {0}…", "Printing on {0}…")
    case .printed: ("已发送到打印机 {0}", "Sent to printer {0}")
    case .printFailed: ("打印失败：{0}", "Printing failed: {0}")
    case .failed: ("报表失败：{0}", "The report failed: {0}")
    case .noChart: ("此报表没有图表", "This report has no chart")
    case .noExport: ("需要导出报表权限（主管）", "Exporting needs the export permission (supervisor)")
    case .noShift: ("只有售电员可以交班", "Only the sales desk hands over shifts")
    case .onlySales: ("分组用于售电和能耗报表，售电员只用于售电报表", "Grouping is for sales and energy; cashiers for sales")
    case .onlyRealTime: ("实时视图只用于报警和失联", "The real-time view is for alarms and offline")
    case .shiftTitle: ("交班", "Shift hand-over")
    case .shiftStarted: ("上班时间 {0}", "Shift began {0}")
    case .shiftBills:
      ("笔数 {0} · 售电 {1} · 冲正 {2} · 退电 {3}", "{0} bills · sales {1} · reversals {2} · refunds {3}")
    case .shiftPay: ("{0} {1}", "{0} {1}")
    case .shiftExpected: ("应有现金 {0}", "Cash expected {0}")
    case .shiftCounted: ("实点现金", "Cash counted")
    case .shiftRemark: ("备注", "Remark")
    case .shiftHint: ("Enter 交班并打印 · Tab 切换 · Esc 取消", "Enter hand over and print · Tab next · Esc cancel")
    case .shiftClosed: ("已交班：应有 {0}，实点 {1}，{2}", "Handed over: expected {0}, counted {1}, {2}")
    case .shiftShort: ("短款 {0}", "short {0}")
    case .shiftOver: ("长款 {0}", "over {0}")
    case .shiftEven: ("无差额", "no difference")
    case .shiftLoading: ("正在汇总本班…", "Adding up the shift…")
    case .badCounted: ("实点现金应为金额（如 1234.50）：{0}", "Cash counted must be an amount like 1234.50: {0}")
    }
  }
}

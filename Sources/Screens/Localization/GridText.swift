/// Strings of the meter status grid.
public enum GridText: LocalizedText {
  case colStatus, colMeter, colBusAddress, colLocation, colShop, colTenant, colPhone, colPower
  case colRemaining, colMarkers, colAge
  case total, tagged, groupBy, groupBuilding, groupFloor, groupBus, groupNone
  case sortBy, sortMeter, sortRemaining, sortSeverity, sortAge
  case filterBy, filterAll, filterTitle, filterHint, filterDrift
  case searchLabel, searchMatches, searchHint, noMatch
  case reading, readDone, readFailed, busHeader, loading, empty

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .colStatus: ("状态", "Status")
    case .colMeter: ("表号", "Meter")
    case .colBusAddress: ("总线:地址", "Bus:Addr")
    case .colLocation: ("楼栋楼层", "Building")
    case .colShop: ("户号", "Shop")
    case .colTenant: ("用户", "Tenant")
    case .colPhone: ("电话", "Phone")
    case .colPower: ("功率W", "Power W")
    case .colRemaining: ("剩余金额", "Remaining")
    case .colMarkers: ("标记", "Flg")
    case .colAge: ("读数", "Age")
    case .total: ("合计 {0}", "Total {0}")
    case .tagged: ("已选 {0}", "Tagged {0}")
    case .groupBy: ("分组:{0}", "Group: {0}")
    case .groupBuilding: ("楼栋", "building")
    case .groupFloor: ("楼层", "floor")
    case .groupBus: ("总线", "bus")
    case .groupNone: ("无", "none")
    case .sortBy: ("排序:{0}", "Sort: {0}")
    case .sortMeter: ("表号", "meter")
    case .sortRemaining: ("剩余金额", "remaining")
    case .sortSeverity: ("状态", "severity")
    case .sortAge: ("读数时间", "age")
    case .filterBy: ("筛选:{0}", "Filter: {0}")
    case .filterAll: ("全部", "all")
    case .filterDrift: ("设置偏差", "settings drift")
    case .filterTitle: ("按状态筛选", "Filter by status")
    case .filterHint: ("空格勾选 Enter仅此项", "Space toggle, Enter only")
    case .searchLabel: ("查找", "Search")
    case .searchMatches: ("{0} 项匹配", "{0} matches")
    case .searchHint: ("Enter 跳转，再按 Enter 打开", "Enter jumps, Enter again opens")
    case .noMatch: ("无匹配", "No match")
    case .reading: ("正在抄读 {0}…", "Reading {0}…")
    case .readDone: ("{0} 抄读完成", "{0} read")
    case .readFailed: ("{0} 抄读失败：{1}", "{0} read failed: {1}")
    case .busHeader: ("总线 {0}", "Bus {0}")
    case .loading: ("正在加载电表…", "Loading meters…")
    case .empty: ("没有符合条件的电表", "No meters match")
    }
  }
}

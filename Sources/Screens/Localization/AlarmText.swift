/// Strings of the alarm screen (报警, F12) and the status line's alarm count.
public enum AlarmText: LocalizedText {
  case screenTitle, fAlarms, colKind, colWhere, colPlace, colSince, colValue, colAck, summary, empty, loading
  case hint, acknowledged, statusCount, statusNew
  case kindAlarm1, kindAlarm2, kindArrears, kindOverload, kindOffline, kindTripped, kindBusDown, kindDrift
  case kindTamper, kindOther

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .screenTitle: ("报警", "Alarms")
    case .fAlarms: ("报警", "Alarms")
    case .colKind: ("类型", "Kind")
    case .colWhere: ("表号/总线", "Meter/bus")
    case .colPlace: ("商铺 · 租户", "Shop · tenant")
    case .colSince: ("开始时间", "Since")
    case .colValue: ("触发值", "Value")
    case .colAck: ("确认", "Acknowledged")
    case .summary: ("当前报警 {0} 条 · 未确认 {1}", "{0} active · {1} unacknowledged")
    case .empty: ("当前没有报警", "No active alarms")
    case .loading: ("正在读取报警…", "Loading alarms…")
    case .hint:
      ("k 确认所选 · K 确认全部 · F5 刷新 · Esc 返回", "k acknowledge · K acknowledge all · F5 refresh · Esc back")
    case .acknowledged: ("已确认 {0} 条", "{0} acknowledged")
    case .statusCount: ("报警 {0}", "Alarms {0}")
    case .statusNew: ("新报警 {0} {1}", "New alarm {0} {1}")
    case .kindAlarm1: ("报警1", "Alarm 1")
    case .kindAlarm2: ("报警2", "Alarm 2")
    case .kindArrears: ("欠费", "Arrears")
    case .kindOverload: ("超功率", "Over power")
    case .kindOffline: ("失联", "Offline")
    case .kindTripped: ("拉闸", "Tripped")
    case .kindBusDown: ("总线/网关中断", "Bus down")
    case .kindDrift: ("设置偏差", "Settings drift")
    case .kindTamper: ("疑似窃电", "Tamper hint")
    case .kindOther: ("其他", "Other")
    }
  }
}

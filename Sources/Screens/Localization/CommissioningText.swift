/// Strings of commissioning on the bus view (调试): scan, meter pick, live watch, relay test, registers.
public enum CommissioningText: LocalizedText {
  case scanTitle, scanFrom, scanTo, scanRangeHint, scanRangeInvalid
  case scanRunningTitle, scanTrying, scanWaiting, scanSummary, scanNone, scanFailed, scanHint, scanRunningHint
  case colAddress, colState, colMeterRead, colMeterConfigured
  case configuredAnswering, configuredSilent, answeringNotConfigured, wrongMeter
  case metersTitle, metersHint, metersEmpty, colShop, colTenant, colStatus
  case watchTitle, watchHint, watchWaiting, ago
  case voltage, current, power, powerFactor, energy, remaining, purchaseCount, relay, relayClosed, relayOpen
  case relayTitle, relayConfirmTitle, relayConfirmLine, relayConfirmPower, relayStart, relayCancel
  case relayApprovalLine, relayRunning, relayPassed, relayFailed, relayHintRunning, relayHintDone
  case registersTitle, registersHint, function, holding, input, start, count, registersInvalid, reading
  case registersFailed, colHex, colDecimal, registersEmpty

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .scanTitle: ("扫描总线 {0}", "Scan bus {0}")
    case .scanFrom: ("起始地址", "From")
    case .scanTo: ("结束地址", "To")
    case .scanRangeHint: ("Enter 开始扫描 · Tab 切换 · Esc 关闭", "Enter scan · Tab switch · Esc close")
    case .scanRangeInvalid: ("地址范围为 1–247，起始不大于结束", "Addresses are 1–247, from no higher than to")
    case .scanRunningTitle: ("扫描总线 {0} · 地址 {1}–{2}", "Scan bus {0} · addresses {1}–{2}")
    case .scanTrying: ("正在尝试地址 {0}", "Trying address {0}")
    case .scanWaiting: ("正在开始扫描…", "Starting the scan…")
    case .scanSummary:
      (
        "在线 {0} · 无应答 {1} · 未配置有应答 {2} · 地址错 {3}",
        "{0} answering · {1} silent · {2} not configured · {3} wrong meter"
      )
    case .scanNone: ("该范围内没有配置的电表，也没有应答", "Nothing configured and nothing answering in the range")
    case .scanFailed: ("扫描中止：{0}", "Scan stopped: {0}")
    case .scanHint: ("s 重新扫描 · Esc 关闭", "s scan again · Esc close")
    case .scanRunningHint: ("Esc 关闭", "Esc close")
    case .colAddress: ("地址", "Addr")
    case .colState: ("结果", "Result")
    case .colMeterRead: ("读到表号", "Meter read")
    case .colMeterConfigured: ("配置表号", "Configured")
    case .configuredAnswering: ("已配置在线", "Configured, answering")
    case .configuredSilent: ("已配置无应答", "Configured, silent")
    case .answeringNotConfigured: ("未配置有应答", "Answering, not configured")
    case .wrongMeter: ("地址错", "Wrong meter")
    case .metersTitle: ("总线 {0} 的电表 · {1} 块", "Meters on bus {0} · {1}")
    case .metersHint: ("w 实时 · t 继电器 · x 寄存器 · Esc 关闭", "w live · t relay · x registers · Esc close")
    case .metersEmpty: ("该总线没有配置电表", "No meter is configured on this bus")
    case .colShop: ("户号", "Shop")
    case .colTenant: ("用户", "Tenant")
    case .colStatus: ("状态", "Status")
    case .watchTitle: ("实时数据 {0} · 读取 {1} 次", "Live values {0} · {1} reads")
    case .watchHint: ("每秒刷新 · Esc 返回", "every second · Esc back")
    case .watchWaiting: ("等待第一次读取…", "Waiting for the first read…")
    case .ago: ("{0}前", "{0} ago")
    case .voltage: ("电压", "Voltage")
    case .current: ("电流", "Current")
    case .power: ("有功功率", "Power")
    case .powerFactor: ("功率因数", "Power factor")
    case .energy: ("总电量", "Energy")
    case .remaining: ("剩余金额", "Remaining")
    case .purchaseCount: ("购电次数", "Purchases")
    case .relay: ("继电器", "Relay")
    case .relayClosed: ("合闸", "closed")
    case .relayOpen: ("分闸", "open")
    case .relayTitle: ("继电器测试 {0}", "Relay test {0}")
    case .relayConfirmTitle: ("继电器测试", "Relay test")
    case .relayConfirmLine: ("对电表 {0} 拉闸、核对、合闸、再核对", "Trip meter {0}, check, close, check again")
    case .relayConfirmPower: ("该户会短暂停电", "The tenant loses power for a moment")
    case .relayStart: ("开始(Y)", "Start (Y)")
    case .relayCancel: ("取消(N)", "Cancel (N)")
    case .relayApprovalLine: ("继电器测试需主管输入账号和密码", "A supervisor enters their name and password for the test")
    case .relayRunning: ("测试进行中…", "Testing…")
    case .relayPassed: ("测试通过：{0}", "Passed: {0}")
    case .relayFailed: ("测试失败：{0}", "Failed: {0}")
    case .relayHintRunning: ("测试结束前不能离开", "Wait for the test to finish")
    case .relayHintDone: ("t 再测 · Esc 返回", "t test again · Esc back")
    case .registersTitle: ("寄存器 {0}", "Registers {0}")
    case .registersHint: ("Tab 切换 · Enter 读取 · Esc 返回", "Tab switch · Enter read · Esc back")
    case .function: ("功能码", "Function")
    case .holding: ("3 保持寄存器", "3 holding")
    case .input: ("4 输入寄存器", "4 input")
    case .start: ("起始地址", "Start")
    case .count: ("数量", "Count")
    case .registersInvalid:
      ("起始地址 0–65535（可写 0x），数量 1–125", "Start 0–65535 (0x for hex), count 1–125")
    case .reading: ("正在读取…", "Reading…")
    case .registersFailed: ("读取失败：{0}", "Read failed: {0}")
    case .colHex: ("十六进制", "Hex")
    case .colDecimal: ("十进制", "Decimal")
    case .registersEmpty: ("Enter 读取寄存器", "Enter reads the registers")
    }
  }
}

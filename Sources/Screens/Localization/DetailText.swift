/// Strings of the meter detail screen.
public enum DetailText: LocalizedText {
  case identity, account, settings, live, dailyEnergy, recentAlarms, noAlarms, loading
  case meter, shop, location, bus, profile, circuit, ctRatio
  case accountNumber, tenant, phone, status, remaining, purchaseCount, purchaseTotal
  case alarm1, alarm2, hoardingCap, powerThreshold, tariff, prices, keepPower
  case voltage, current, power, powerFactor, energyTotal, energyByPeriod, relay, lastRead, lastError
  case yes, no, relayClosed, relayOpen, unknown, readAge
  case readHint, reading, readDone, readFailed, dailySummary, alarmEntered, alarmCleared, scrollHint

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .identity: ("表计", "Meter")
    case .account: ("账户", "Account")
    case .settings: ("参数", "Settings")
    case .live: ("实时数据", "Live values")
    case .dailyEnergy: ("日用电量", "Daily energy")
    case .recentAlarms: ("最近报警", "Recent alarms")
    case .noAlarms: ("无", "None")
    case .loading: ("正在读取电表详情…", "Loading the meter…")
    case .meter: ("表号", "Meter")
    case .shop: ("户号", "Shop")
    case .location: ("位置", "Location")
    case .bus: ("总线:地址", "Bus:addr")
    case .profile: ("型号", "Profile")
    case .circuit: ("回路", "Circuit")
    case .ctRatio: ("互感器倍率", "CT ratio")
    case .accountNumber: ("用户编号", "Account")
    case .tenant: ("用户", "Tenant")
    case .phone: ("电话", "Phone")
    case .status: ("状态", "Status")
    case .remaining: ("剩余金额", "Remaining")
    case .purchaseCount: ("购电次数", "Purchases")
    case .purchaseTotal: ("累计购电", "Purchased")
    case .alarm1: ("报警金额1", "Alarm 1 at")
    case .alarm2: ("报警金额2", "Alarm 2 at")
    case .hoardingCap: ("囤积上限", "Hoarding cap")
    case .powerThreshold: ("功率阈值", "Power limit")
    case .tariff: ("电价方案", "Tariff")
    case .prices: ("电价", "Prices")
    case .keepPower: ("保电", "Keep power")
    case .voltage: ("电压", "Voltage")
    case .current: ("电流", "Current")
    case .power: ("有功功率", "Power")
    case .powerFactor: ("功率因数", "Power factor")
    case .energyTotal: ("总电量", "Energy")
    case .energyByPeriod: ("分时电量", "By period")
    case .relay: ("继电器", "Relay")
    case .lastRead: ("抄读时间", "Last read")
    case .lastError: ("最近错误", "Last error")
    case .yes: ("是", "yes")
    case .no: ("否", "no")
    case .relayClosed: ("合闸", "closed")
    case .relayOpen: ("分闸", "open")
    case .unknown: ("未知", "unknown")
    case .readAge: ("{0}（{1}前）", "{0} ({1} ago)")
    case .readHint: ("F5 立即抄读", "F5 read now")
    case .reading: ("正在抄读…", "Reading…")
    case .readDone: ("抄读完成 {0}", "Read at {0}")
    case .readFailed: ("抄读失败：{0}", "Read failed: {0}")
    case .dailySummary: ("近 {0} 天 · 最高 {1} kWh · 合计 {2} kWh", "last {0} days · max {1} kWh · total {2} kWh")
    case .alarmEntered: ("发生", "raised")
    case .alarmCleared: ("恢复", "cleared")
    case .scrollHint: ("↑↓ 滚动", "↑↓ scroll")
    }
  }
}

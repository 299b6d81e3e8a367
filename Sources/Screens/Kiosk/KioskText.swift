/// Strings of the tenant query machine (用户查询机).
public enum KioskText: LocalizedText {
  case title, welcome, number, password, startHint, noPasswordHint, checking, numberMissing, notFound
  case noPassword, wrongPassword, locked, reading, readDone, readFailed, readTimedOut, readNotAvailable
  case tabBalance, tabRecharges, tabUsage, account, tenant, shop, meter, remaining, readAt, never
  case stateOn, stateLow, stateArrears, stateKept, stateOff, stateOffline, stateUnopened, tariff, priceNow
  case topUp, noTopUp, keys, date, kind, amount, payMethod, bill, noRecharges, usageTitle, usageTotal
  case noUsage, adminTitle, adminName, adminPassword, adminHint, adminChecking, adminRefused, kwh

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .title: ("用户查询机", "Tenant self-service")
    case .welcome: ("查询余额、充值记录和用电量", "Check your balance, recharges and electricity use")
    case .number: ("户号或电表号", "Account or meter no.")
    case .password: ("查询密码", "Query password")
    case .startHint:
      ("Enter 下一项 · 密码栏 Enter 查询 · Esc 清除", "Enter: next · Enter on password: look up · Esc: clear")
    case .noPasswordHint: ("没有查询密码？请到服务台办理。", "No query password? Ask at the front desk.")
    case .checking: ("正在查询…", "Looking up…")
    case .numberMissing: ("请输入户号或电表号", "Enter your account or meter number")
    case .notFound: ("未找到该户号或电表号", "No account or meter by that number")
    case .noPassword:
      ("该户尚未设置查询密码，请到服务台办理", "This account has no query password: please ask at the front desk")
    case .wrongPassword: ("查询密码错误（还可尝试 {0} 次）", "Wrong query password ({0} tries left)")
    case .locked: ("密码错误次数过多，{0} 前暂停查询", "Too many wrong passwords: queries locked until {0}")
    case .reading: ("正在抄读电表…", "Reading the meter…")
    case .readDone: ("已重新抄读", "Meter read just now")
    case .readFailed: ("电表未应答，显示的是上次读数", "The meter did not answer: showing the last reading")
    case .readTimedOut: ("抄表服务繁忙，请稍后再试", "The reading service is busy: please try again later")
    case .readNotAvailable: ("现在无法抄读，显示的是上次读数", "A fresh read is not available now: showing the last reading")
    case .tabBalance: ("1 余额", "1 Balance")
    case .tabRecharges: ("2 充值记录", "2 Recharges")
    case .tabUsage: ("3 近30天用电", "3 Last 30 days")
    case .account: ("户号", "Account")
    case .tenant: ("租户", "Tenant")
    case .shop: ("商铺", "Shop")
    case .meter: ("电表", "Meter")
    case .remaining: ("剩余金额", "Remaining")
    case .readAt: ("读数时间", "Read at")
    case .never: ("尚未读数", "not read yet")
    case .stateOn: ("正常供电", "Power on")
    case .stateLow: ("余额不足，请尽快充值", "Low balance — please top up")
    case .stateArrears: ("已欠费，已停电", "In arrears — power is off")
    case .stateKept: ("物业保电中", "Kept on by the property office")
    case .stateOff: ("已断电，请联系服务台", "Power is off — ask at the front desk")
    case .stateOffline: ("暂时无法联系电表", "Meter not reachable at the moment")
    case .stateUnopened: ("未开户", "Not opened")
    case .tariff: ("电价", "Tariff")
    case .priceNow: ("当前 {0} {1} 元/千瓦时", "now {0} ¥{1}/kWh")
    case .topUp: ("如何充值", "How to top up")
    case .noTopUp: ("请到服务台充值。", "Top up at the front desk.")
    case .keys: ("1/2/3 翻页 · ↑↓ 选电表 · R 重新抄读 · Esc 退出查询", "1/2/3 pages · ↑↓ meter · R read now · Esc done")
    case .date: ("日期", "Date")
    case .kind: ("类型", "Kind")
    case .amount: ("金额", "Amount")
    case .payMethod: ("支付方式", "Paid by")
    case .bill: ("票号", "Bill")
    case .noRecharges: ("暂无充值记录", "No recharges yet")
    case .usageTitle: ("每日用电量（千瓦时）", "Daily use (kWh)")
    case .usageTotal: ("30 天合计 {0} 千瓦时", "30-day total {0} kWh")
    case .noUsage: ("暂无用电数据", "No usage data yet")
    case .adminTitle: ("管理员退出", "Administrator exit")
    case .adminName: ("管理员", "Admin")
    case .adminPassword: ("密码", "Password")
    case .adminHint: ("Enter 确认 · Esc 取消", "Enter: confirm · Esc: cancel")
    case .adminChecking: ("正在验证…", "Checking…")
    case .adminRefused: ("不是管理员或密码错误", "Not an admin, or wrong password")
    case .kwh: ("千瓦时", "kWh")
    }
  }
}

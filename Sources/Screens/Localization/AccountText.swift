/// Strings of the accounts screen (账户).
public enum AccountText: LocalizedText {
  case account, tenant, phone, shop, meters, state, open, closed, none, loading, searchLabel
  case hint, metersTitle, metersHint, remaining, read, status, notInGrid
  case formTitle, recharge, capitals, pay, formHint, metersFieldHint, submitting
  case missingTenant, missingShop, missingMeters, notAllowed, alreadyClosed
  case passwordsDiffer, queryPasswordSet, queryPasswordTitle, queryPasswordNew, queryPasswordRepeat
  case queryPasswordHint
  case closeTitle, closeLine, closeSettle, closeYes, closeNo, supervisorNeeded
  case approvalCancelled, credentialsMissing, opened, openedWithSale, closedNotice

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .account: ("户号", "Account")
    case .tenant: ("户名", "Tenant")
    case .phone: ("电话", "Phone")
    case .shop: ("商铺", "Shop")
    case .meters: ("电表", "Meters")
    case .state: ("状态", "State")
    case .open: ("在用", "Open")
    case .closed: ("已销户", "Closed")
    case .none: ("没有符合的账户", "No matching accounts")
    case .loading: ("正在载入账户…", "Loading accounts…")
    case .searchLabel: ("查找", "Search")
    case .hint:
      (
        "/ 查找 · Enter 电表 · n 开户 · x 销户 · q 查询密码 · Esc 返回",
        "/ search · Enter meters · n open · x close · q query password · Esc back"
      )
    case .metersTitle: ("户号 {0} · {1} · {2}", "Account {0} · {1} · {2}")
    case .metersHint: ("Esc 返回账户列表", "Esc back to the accounts")
    case .remaining: ("剩余金额", "Remaining")
    case .read: ("读数时间", "Read")
    case .status: ("状态", "Status")
    case .notInGrid: ("（不在电表列表中）", "(not in the meter list)")
    case .formTitle: ("开户", "Open an account")
    case .recharge: ("首次充值", "First recharge")
    case .capitals: ("大写", "In capitals")
    case .pay: ("收费方式", "Payment")
    case .formHint:
      ("Tab 下一项 · Enter 开户 · Esc 取消", "Tab next field · Enter open · Esc cancel")
    case .metersFieldHint: ("多个表号用空格或逗号分隔；首次充值可空", "Separate meters by spaces or commas; recharge optional")
    case .submitting: ("正在提交…", "Sending…")
    case .missingTenant: ("请输入户名", "Enter the tenant")
    case .missingShop: ("请输入商铺", "Enter the shop")
    case .missingMeters: ("请至少输入一块电表", "Enter at least one meter")
    case .notAllowed: ("当前操作员无开户权限", "This operator may not open accounts")
    case .alreadyClosed: ("该账户已销户", "This account is already closed")
    case .passwordsDiffer: ("两次输入的密码不一致", "The passwords differ")
    case .queryPasswordSet: ("已设置账户 {0} 的查询密码", "Query password of account {0} set")
    case .queryPasswordTitle: ("账户 {0} 的查询密码（用户查询机）", "Kiosk query password of account {0}")
    case .queryPasswordNew: ("新查询密码", "New password")
    case .queryPasswordRepeat: ("再输一次", "Repeat")
    case .queryPasswordHint:
      ("至少 6 位 · Tab 切换 · Enter 保存 · Esc 取消", "At least 6 characters · Tab · Enter saves · Esc")
    case .closeTitle: ("确认销户", "Close the account")
    case .closeLine: ("销户 {0}（{1}，{2}）", "Close account {0} ({1}, {2})")
    case .closeSettle: ("各表剩余金额将结算退出", "Each meter's remaining amount is settled off it")
    case .closeYes: ("销户(Y)", "Close (Y)")
    case .closeNo: ("取消(N)", "Cancel (N)")
    case .supervisorNeeded: ("需主管授权", "A supervisor must approve")
    case .approvalCancelled: ("未获主管授权，未销户", "Not approved; the account stays open")
    case .credentialsMissing: ("请输入主管用户名和密码", "Enter the supervisor's name and password")
    case .opened: ("已开户 {0}", "Opened account {0}")
    case .openedWithSale: ("已开户 {0}，首次充值票号 {1}", "Opened account {0}; first recharge bill {1}")
    case .closedNotice: ("已销户 {0}，{1} 笔结算待下发", "Closed account {0}; {1} settlement(s) queued")
    }
  }
}

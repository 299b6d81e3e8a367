/// Strings of the sale window (售电).
public enum SaleText: LocalizedText {
  case title, tenant, account, shop, meterHeader, remainingHeader, ageHeader, statusHeader
  case amount, capitals, allowed, pay, hint, hintDone
  case amountEmpty, amountNotNumber, amountDecimals, amountNotPositive, amountOverCap, amountTooLarge
  case confirmTitle, confirmLine, confirmPay, confirmYes, confirmNo
  case submitting, bill, queued, sent, delivered, deliveredNoBalance, pending, failed, conflict
  case printing, printed, printFailed, notAllowed, noMeter, notOpened
  case refundTitle, reversalTitle, supervisorNeeded, refundAmount, refundConfirmTitle, refundConfirmLine
  case reversalConfirmTitle, reversalConfirmLine, reversalHint, refundHint, noBills, billRow
  case approvalTitle, approvalLine, supervisorName, supervisorPassword, approvalHint
  case approvalCancelled, credentialsMissing, noBillChosen, supervisorRefused, approverNotSupervisor
  case operatorNotAllowed

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .title: ("售电", "Sale")
    case .tenant: ("户名", "Tenant")
    case .account: ("户号", "Account")
    case .shop: ("商铺", "Shop")
    case .meterHeader: ("电表编号", "Meter")
    case .remainingHeader: ("剩余金额", "Remaining")
    case .ageHeader: ("读数时间", "Read")
    case .statusHeader: ("状态", "Status")
    case .amount: ("售电金额", "Amount")
    case .capitals: ("大写", "In capitals")
    case .allowed: ("最多可售 {0} 元", "At most ¥{0}")
    case .pay: ("收费方式", "Payment")
    case .hint:
      ("↑↓ 选表 · Tab 收费方式 · Enter 确认 · Esc 返回", "↑↓ meter · Tab payment · Enter confirm · Esc back")
    case .hintDone: ("Enter 再售 · P 重打票据 · Esc 返回", "Enter new sale · P print again · Esc back")
    case .amountEmpty: ("请输入金额", "Enter the amount")
    case .amountNotNumber: ("金额格式不正确", "Not an amount")
    case .amountDecimals: ("最多两位小数", "At most two decimals")
    case .amountNotPositive: ("金额须大于零", "The amount must be above zero")
    case .amountOverCap: ("超过囤积上限：最多可售 {0} 元", "Over the hoarding cap: at most ¥{0}")
    case .amountTooLarge: ("金额过大", "The amount is too large")
    case .confirmTitle: ("确认售电", "Confirm sale")
    case .confirmLine: ("向电表 {0} 售电 {1} 元（{2}）", "Sell ¥{1} ({2}) to meter {0}")
    case .confirmPay: ("收费方式：{0}", "Paid by {0}")
    case .confirmYes: ("确认(Y)", "Sell (Y)")
    case .confirmNo: ("取消(N)", "Cancel (N)")
    case .submitting: ("正在记账…", "Recording the sale…")
    case .bill: ("票号 {0}", "Bill {0}")
    case .queued: ("已排队，等待下发", "Queued for delivery")
    case .sent: ("正在下发到电表…", "Sending to the meter…")
    case .delivered: ("已到账，电表余额 {0} 元", "Delivered; the meter now holds ¥{0}")
    case .deliveredNoBalance: ("已到账", "Delivered")
    case .pending: ("电表失联，待充值（自动重试）：{0}", "Meter offline; pending, retried automatically: {0}")
    case .failed: ("电表拒绝：{0}", "The meter refused: {0}")
    case .conflict: ("购电次数不符，请主管处理：{0}", "Purchase count conflict; a supervisor must look: {0}")
    case .printing: ("正在打印票据…", "Printing the receipt…")
    case .printed: ("票据已打印：{0}", "Receipt printed: {0}")
    case .printFailed: ("票据打印失败（售电有效，P 重打）：{0}", "Receipt not printed (the sale stands; P to retry): {0}")
    case .notAllowed: ("当前操作员无售电权限", "This operator may not sell")
    case .noMeter: ("请先选择一块电表", "Select a meter first")
    case .notOpened: ("该电表未开户，不能售电", "This meter has no account; it cannot be sold to")
    case .refundTitle: ("退电（需主管授权）", "Refund (supervisor needed)")
    case .reversalTitle: ("冲正（需主管授权）", "Reversal (supervisor needed)")
    case .supervisorNeeded:
      ("需主管授权：确认后由主管输入账号密码", "A supervisor must approve: they enter their name and password")
    case .refundAmount: ("退电金额", "Refund")
    case .refundConfirmTitle: ("确认退电", "Confirm refund")
    case .refundConfirmLine: ("从电表 {0} 退电 {1} 元（{2}）", "Take ¥{1} ({2}) off meter {0}")
    case .reversalConfirmTitle: ("确认冲正", "Confirm reversal")
    case .reversalConfirmLine: ("冲正票号 {0}：从电表 {1} 扣回 {2} 元", "Reverse bill {0}: take ¥{2} back off meter {1}")
    case .reversalHint:
      ("↑↓ 选票据 · Enter 冲正 · V 返回售电 · Esc 返回", "↑↓ bill · Enter reverse · V back to sale · Esc back")
    case .refundHint: ("Enter 退电 · R 返回售电 · Esc 返回", "Enter refund · R back to sale · Esc back")
    case .noBills: ("该电表没有可冲正的已到账售电", "This meter has no delivered sale to reverse")
    case .billRow: ("票号 {0} · {1} 元 · {2}", "Bill {0} · ¥{1} · {2}")
    case .approvalTitle: ("主管授权", "Supervisor approval")
    case .approvalLine:
      ("当前操作员无此权限，请主管输入账号和密码", "This operator may not do this; a supervisor enters their name and password")
    case .supervisorName: ("主管账号", "Supervisor")
    case .supervisorPassword: ("密码", "Password")
    case .approvalHint: ("Enter 授权 · Tab 切换 · Esc 取消", "Enter approve · Tab switch · Esc cancel")
    case .approvalCancelled:
      ("未经主管授权，收银员不能退电或冲正", "Refused: a cashier cannot refund or reverse without a supervisor")
    case .credentialsMissing: ("请输入主管账号和密码", "Enter the supervisor's name and password")
    case .noBillChosen: ("请选择要冲正的票据", "Choose a bill to reverse")
    case .supervisorRefused: ("主管账号或密码错误，未授权", "Supervisor name or password wrong; not approved")
    case .approverNotSupervisor: ("{0} 不是主管，不能授权", "{0} is not a supervisor and cannot approve")
    case .operatorNotAllowed: ("当前操作员无此权限，需主管授权", "This operator may not do this; a supervisor must approve")
    }
  }
}

/// Strings of the sale window (售电).
public enum SaleText: LocalizedText {
  case title, tenant, account, shop, meterHeader, remainingHeader, ageHeader, statusHeader
  case amount, capitals, allowed, pay, hint, hintDone
  case amountEmpty, amountNotNumber, amountDecimals, amountNotPositive, amountOverCap, amountTooLarge
  case confirmTitle, confirmLine, confirmPay, confirmYes, confirmNo
  case submitting, bill, queued, sent, delivered, deliveredNoBalance, pending, failed, conflict
  case printing, printed, printFailed, notAllowed, noMeter, notOpened

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
    }
  }
}

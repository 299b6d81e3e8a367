/// Strings of the undelivered-sales screen (待下发 / 异常售电).
public enum OutboxText: LocalizedText {
  case colBill, colKind, colMeter, colAccount, colAmount, colState, colAttempts, colSince, colCount
  case colBalance, colError
  case queued, sent, failed, conflict
  case kindSale, kindRefund, kindReversal, kindTransferIn, kindSettlement
  case summary, loading, empty, detailLine, errorLine, noError, readLine, readAsk
  case hintList, hintRead, hintConflict, hintFailed, hintWaiting, hintEmpty
  case landedTitle, landedLine, landedRead, landedEffect
  case voidTitle, voidLine, voidCredit, voidDebit
  case retryTitle, retryLine, confirmYes, confirmNo, supervisorNeeded, approvalLine
  case readOnlyConflicts, landedOnlyConflicts, voidOnlyStuck, retryOnlyFailed, needsFreshRead, gone
  case approvalCancelled, readFailed, refused, reading, readDone, submitting
  case resolvedLanded, resolvedVoid, resolvedRetry, restoreFlags

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .colBill: ("票号", "Bill")
    case .colKind: ("类型", "Kind")
    case .colMeter: ("表号", "Meter")
    case .colAccount: ("户号", "Account")
    case .colAmount: ("金额", "Amount")
    case .colState: ("状态", "State")
    case .colAttempts: ("次数", "Try")
    case .colSince: ("等待", "Age")
    case .colCount: ("应/表", "Exp/Mtr")
    case .colBalance: ("表内余额", "Mtr bal.")
    case .colError: ("最近错误", "Last error")
    case .queued: ("排队", "Queued")
    case .sent: ("已发送", "Sent")
    case .failed: ("失败", "Failed")
    case .conflict: ("冲突", "Conflict")
    case .kindSale: ("售电", "Sale")
    case .kindRefund: ("退电", "Refund")
    case .kindReversal: ("冲正", "Reversal")
    case .kindTransferIn: ("老表转入", "Transfer")
    case .kindSettlement: ("销户结算", "Settle")
    case .restoreFlags:
      ("恢复备份后购电次数超前（表>账）：{0}", "Ahead of the restored ledger (meter>ledger): {0}")
    case .summary:
      ("待下发 {0} 笔 · 冲突 {1} · 失败 {2}", "{0} waiting · {1} conflict · {2} failed")
    case .loading: ("正在载入待下发售电…", "Loading undelivered sales…")
    case .empty: ("没有待下发的售电、退电或冲正", "Nothing waiting: every sale, refund and reversal is delivered")
    case .detailLine: ("票号 {0} · 户号 {1}", "Bill {0} · account {1}")
    case .errorLine: ("最近错误：{0}", "Last error: {0}")
    case .noError: ("最近错误：无", "Last error: none")
    case .readLine:
      (
        "电表读数：购电次数 {0}（应为 {1}）· 剩余 {2} 元 · {3}前读取",
        "Meter read: count {0} (expected {1}) · remaining ¥{2} · read {3} ago"
      )
    case .readAsk:
      ("冲突：按 r 读取电表，核对购电次数后再处理", "Conflict: press r to read the meter and check its purchase count")
    case .hintList: ("F5 刷新 · Esc 返回", "F5 refresh · Esc back")
    case .hintRead: ("r 读表 · F5 刷新 · Esc 返回", "r read meter · F5 refresh · Esc back")
    case .hintConflict:
      ("r 再读 · l 已到账 · x 作废 · F5 刷新 · Esc 返回", "r read again · l landed · x void · F5 refresh · Esc back")
    case .hintFailed: ("x 作废 · t 重新下发 · F5 刷新 · Esc 返回", "x void · t try again · F5 refresh · Esc back")
    case .hintWaiting:
      (
        "排队或已发送的票据会自动下发 · F5 刷新 · Esc 返回",
        "Queued and sent bills deliver by themselves · F5 refresh · Esc back"
      )
    case .hintEmpty: ("F5 刷新 · Esc 返回", "F5 refresh · Esc back")
    case .landedTitle: ("确认已到账", "Mark as landed")
    case .landedLine: ("票号 {0}（{1} {2} 元）已在电表 {3} 上生效", "Bill {0} ({1} ¥{2}) is on meter {3}")
    case .landedRead:
      ("电表购电次数 {0}（应为 {1}），剩余 {2} 元", "The meter's count is {0} (expected {1}), remaining ¥{2}")
    case .landedEffect: ("标记为已下发，不再发送", "It is marked delivered and not sent again")
    case .voidTitle: ("确认作废", "Void the bill")
    case .voidLine: ("作废票号 {0}（{1} {2} 元，电表 {3}）", "Void bill {0} ({1} ¥{2}, meter {3})")
    case .voidCredit: ("记一笔冲正，{0} 元退还租户", "A reversal is entered; the tenant gets ¥{0} back")
    case .voidDebit: ("记一笔冲正，电表余额不变", "A reversal is entered; the meter's balance stays as it is")
    case .retryTitle: ("重新下发", "Try again")
    case .retryLine: ("票号 {0} 重新排队，下发到电表 {1}", "Bill {0} is queued again for meter {1}")
    case .confirmYes: ("确认(Y)", "Confirm (Y)")
    case .confirmNo: ("取消(N)", "Cancel (N)")
    case .supervisorNeeded: ("需主管授权", "A supervisor must approve")
    case .approvalLine: ("处理异常售电需主管输入账号和密码", "A supervisor enters their name and password to resolve this")
    case .readOnlyConflicts: ("只有冲突的票据需要读表核对", "Only a conflict needs a meter read")
    case .landedOnlyConflicts: ("只有冲突的票据可标记为已到账", "Only a conflict can be marked landed")
    case .voidOnlyStuck: ("只有失败或冲突的票据可作废", "Only a failed or conflicting bill can be voided")
    case .retryOnlyFailed: ("只有失败的票据可重新下发", "Only a failed bill can be tried again")
    case .needsFreshRead: ("请先按 r 读取电表，再标记已到账或作废", "Read the meter first (r), then mark it landed or void it")
    case .gone: ("票号 {0} 已不在待下发列表中", "Bill {0} is no longer waiting")
    case .approvalCancelled: ("未获主管授权，未处理", "Not approved; nothing was changed")
    case .readFailed: ("读取电表 {0} 失败：{1}", "Reading meter {0} failed: {1}")
    case .refused: ("票号 {0} 未处理：{1}", "Bill {0} not resolved: {1}")
    case .reading: ("正在读取电表 {0}…", "Reading meter {0}…")
    case .readDone: ("电表 {0} 已读取", "Meter {0} read")
    case .submitting: ("正在处理…", "Resolving…")
    case .resolvedLanded: ("票号 {0} 已标记为已到账", "Bill {0} marked delivered")
    case .resolvedVoid: ("票号 {0} 已作废，已记冲正", "Bill {0} voided; a reversal is entered")
    case .resolvedRetry: ("票号 {0} 已重新排队下发", "Bill {0} queued again")
    }
  }
}

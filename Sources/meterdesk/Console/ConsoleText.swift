import Domain
import Screens
import Services

/// Errors and notices of the console's services, rendered in the operator's language from their
/// typed values (never an English `"\(error)"` on a Chinese screen).
enum ConsoleText {
  /// "Not logged in".
  static func notLoggedIn(_ language: Language) -> String {
    language == .zh ? "未登录" : "not logged in"
  }

  /// Why a viewer's sale waits: the lease holder delivers it.
  static func deliveredBy(_ holder: String, _ language: Language) -> String {
    let who = holder.isEmpty ? (language == .zh ? "另一进程" : "another process") : holder
    return language == .zh ? "由采集进程下发：\(who)" : "acquisition runs in \(who); it delivers"
  }

  /// Why this console records but does not deliver.
  static func noKeyFile(_ language: Language) -> String {
    language == .zh ? "缺少站点密钥文件，无法下发" : "no site key file; not delivered"
  }

  /// An account was opened but its first recharge was refused.
  static func firstRechargeRefused(_ error: any Error, _ language: Language) -> String {
    let reason = describe(error, language)
    return language == .zh
      ? "已开户，但首次充值被拒绝：\(reason)" : "account opened but the first recharge was refused: \(reason)"
  }

  /// Any error of the sales desk, the accounts or the outbox desk, in `language`.
  static func describe(_ error: any Error, _ language: Language) -> String {
    guard language == .zh else { return "\(error)" }
    switch error {
    case let error as SalesError: return chinese(error)
    case let error as AccountError: return chinese(error)
    case let error as OutboxDeskError: return chinese(error)
    case let error as BatchError: return chinese(error)
    case let error as OperatorAdminError: return chinese(error)
    case let error as OperatorError: return chinese(error)
    case let error as SiteSettingsError: return chinese(error)
    default: return "\(error)"
    }
  }

  static func chinese(_ error: SalesError) -> String {
    switch error {
    case .notAllowed(let name, let permission): return "操作员 \(name) 无\(permission.chineseName)权限，需主管批准"
    case .approverNotAllowed(let name, let permission): return "\(name) 无权批准\(permission.chineseName)"
    case .unknownMeter(let meter): return "无此电表 \(meter)"
    case .meterNotOpened(let meter): return "电表 \(meter) 未开户"
    case .accountClosed(let meter): return "电表 \(meter) 的账户已销户"
    case .meterDisabled(let meter): return "电表 \(meter) 已停用"
    case .meterNeverRead(let meter): return "电表 \(meter) 从未抄读，购电次数和余额未知"
    case .amountNotPositive: return "金额必须大于 0.00"
    case .amountTooLarge(let amount): return "金额 \(amount) 超出单次充值上限"
    case .overHoardingCap(let allowed): return "超过最大囤积金额：现在最多可售 \(allowed)"
    case .exceedsBalance(let available): return "电表余额仅 \(available)"
    case .unknownBill(let bill): return "无此单据 \(bill)"
    case .notASale(let bill): return "单据 \(bill) 不是售电，不能冲正"
    case .saleNotDelivered(let bill): return "售电 \(bill) 尚未下发到电表"
    case .alreadyReversed(let bill): return "售电 \(bill) 已冲正"
    }
  }

  static func chinese(_ error: AccountError) -> String {
    switch error {
    case .notAllowed(let name, let permission): return "操作员 \(name) 无\(permission.chineseName)权限，需主管办理"
    case .missingField(let field): return "必须填写 \(field)"
    case .holdsMoney(let meter, let balance): return "电表 \(meter) 尚有余额 \(balance)，请先退电或换表转入"
    case .undelivered(let meter, let count): return "电表 \(meter) 有 \(count) 笔未下发，请等待下发完成"
    case .sameMeter(let meter): return "电表 \(meter) 不能替换自身"
    }
  }

  static func chinese(_ error: OutboxDeskError) -> String {
    switch error {
    case .unknownBill(let bill): return "无此待下发单据 \(bill)"
    case .notResolvable(let bill, let state): return "单据 \(bill) 状态为 \(state.rawValue)，不是失败或冲突"
    case .needsFreshRead(let meter): return "请先抄读电表 \(meter)：冲突需按最新读数处理"
    case .notOnMeter(let count, let expected): return "电表购电次数 \(count) 小于 \(expected)：电表上没有这笔"
    case .alreadyOnMeter(let count, let expected): return "电表购电次数 \(count) 已达 \(expected)：电表上已有这笔"
    case .cannotVoid(let kind): return "\(kind.chineseName)不能作废；请标记已到表或重发"
    case .notAllowed(let name): return "操作员 \(name) 无权处理异常售电，需主管批准"
    }
  }

  static func chinese(_ error: BatchError) -> String {
    switch error {
    case .notAllowed(let name, let permission): return "操作员 \(name) 无\(permission.chineseName)权限"
    case .needsApproval(let operation): return "\(operation.chineseName)需主管批准"
    case .approverNotSupervisor(let name): return "\(name) 不是主管"
    case .unknownMeters(let numbers): return "无此电表：\(numbers.joined(separator: "、"))"
    case .noMeters: return "所选范围内没有电表"
    case .unknownJob(let job): return "无此批量任务 \(job)"
    }
  }
}

/// Something an operator may be allowed to do; `Role.permissions` maps roles to permissions.
public enum Permission: String, Sendable, CaseIterable, Codable {
  /// Sell electricity to a meter (售电).
  case sell
  /// Refund money off a meter (退电).
  case refund
  /// Reverse a wrong sale (冲正).
  case reverse
  /// Open an account (开户).
  case openAccount
  /// Close an account and settle it (销户).
  case closeAccount
  /// Edit account and meter details.
  case editAccount
  /// Reprint a receipt (补打收据).
  case reprintReceipt
  /// Trip, keep power or restore prepay on meters (拉闸, 保电, 恢复预付费).
  case remoteControl
  /// Download prices and settings to meters (电价下发, 参数下发).
  case downloadSettings
  /// Read meters on demand (抄表).
  case readMeters
  /// Commission buses and meters: scan, check addresses and wiring (调试).
  case commissionBuses
  /// View reports (报表).
  case viewReports
  /// Export reports to files.
  case exportReports
  /// Create operators, assign roles, reset passwords (操作员管理).
  case manageOperators
  /// Edit system settings (系统设置).
  case editSettings
  /// Import a site: buildings, buses, meters (批量导入).
  case importSite
  /// View the operation log (操作日志).
  case viewAuditLog

  /// The Chinese label for menus and the audit log.
  public var chineseName: String {
    switch self {
    case .sell: "售电"
    case .refund: "退电"
    case .reverse: "冲正"
    case .openAccount: "开户"
    case .closeAccount: "销户"
    case .editAccount: "修改用户"
    case .reprintReceipt: "补打收据"
    case .remoteControl: "远程控制"
    case .downloadSettings: "参数下发"
    case .readMeters: "抄表"
    case .commissionBuses: "总线调试"
    case .viewReports: "查看报表"
    case .exportReports: "导出报表"
    case .manageOperators: "操作员管理"
    case .editSettings: "系统设置"
    case .importSite: "站点导入"
    case .viewAuditLog: "操作日志"
    }
  }
}

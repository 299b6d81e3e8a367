/// Strings of the system screen (系统管理, F11): own account, operators, operation log, site settings.
public enum SystemText: LocalizedText {
  case screenTitle, fSystem, tabAccount, tabOperators, tabAudit, tabSettings
  case accountLine, accountHint, changeTitle, oldPassword, newPassword, repeatPassword, passwordsDiffer
  case passwordChanged, dialogHint
  case colName, colRole, colState, colLastLogIn, stateActive, stateDisabled, stateLocked
  case operatorsHint, addTitle, roleLabel, roleHint, resetTitle, roleTitle, disableAsk, enableAsk
  case operatorAdded, operatorChanged, permissionsTitle, allowed, nameMissing
  case colId, colTime, colOperator, colAction, colTarget, colDetail, auditHint, auditFilterTitle
  case auditFilterHint, badFilter, exported, exportFailed, chainUnknown
  case settingsHint, settingsSaved, settingsInvalid
  case fieldCollectionInterval, fieldOfflineAfter, fieldAlarm1, fieldAlarm2, fieldHoardingCap
  case fieldPowerThreshold, fieldDefaultTariff, fieldSmsNumbers, fieldReceiptQueue, fieldPrinterPaper
  case fieldPrinterEscpos, fieldSaleReadMaxAge, fieldRetentionDays
  case fieldSmsEnabled, fieldSmsGammuConfig, fieldSmsQuietHours, fieldSmsAlarm1, fieldSmsAlarm2,
    fieldSmsArrears
  case fieldSmsBusDown, fieldBackupFolder, fieldBackupTime, fieldBackupKeep
  case loading, notAllowed

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .screenTitle: ("系统管理", "System")
    case .fSystem: ("系统", "System")
    case .tabAccount: ("我的账户", "My account")
    case .tabOperators: ("操作员", "Operators")
    case .tabAudit: ("操作日志", "Operation log")
    case .tabSettings: ("系统设置", "Settings")
    case .accountLine: ("操作员 {0}（{1}）", "Operator {0} ({1})")
    case .accountHint: ("p 修改密码 · l 重新登录（换操作员）", "p change password · l log in as someone else")
    case .changeTitle: ("修改密码", "Change password")
    case .oldPassword: ("原密码", "Old password")
    case .newPassword: ("新密码", "New password")
    case .repeatPassword: ("再输一次", "Repeat")
    case .passwordsDiffer: ("两次输入的新密码不一致", "The new passwords differ")
    case .passwordChanged: ("密码已修改", "Password changed")
    case .dialogHint: ("Tab 下一项 · Enter 确定 · Esc 取消", "Tab next · Enter confirm · Esc cancel")
    case .colName: ("操作员", "Operator")
    case .colRole: ("角色", "Role")
    case .colState: ("状态", "State")
    case .colLastLogIn: ("最近登录", "Last log-in")
    case .stateActive: ("正常", "Active")
    case .stateDisabled: ("已停用", "Disabled")
    case .stateLocked: ("锁定至 {0}", "Locked until {0}")
    case .operatorsHint:
      (
        "n 新增 · d 停用/启用 · r 重置密码 · o 修改角色 · t 权限表",
        "n add · d disable/enable · r reset password · o role · t permissions"
      )
    case .addTitle: ("新增操作员", "Add an operator")
    case .roleLabel: ("角色", "Role")
    case .roleHint: ("← → 选择角色", "← → choose the role")
    case .resetTitle: ("重置 {0} 的密码", "Reset {0}'s password")
    case .roleTitle: ("修改 {0} 的角色", "Change {0}'s role")
    case .disableAsk: ("停用操作员 {0}？（y 确定 / n 取消）", "Disable operator {0}? (y / n)")
    case .enableAsk: ("启用操作员 {0}？（y 确定 / n 取消）", "Enable operator {0}? (y / n)")
    case .operatorAdded: ("已新增操作员 {0}", "Operator {0} added")
    case .operatorChanged: ("已修改操作员 {0}", "Operator {0} changed")
    case .permissionsTitle: ("权限表（按角色）", "Permissions by role")
    case .allowed: ("✓", "✓")
    case .nameMissing: ("请输入操作员名", "Enter the operator's name")
    case .colId: ("序号", "No.")
    case .colTime: ("时间", "Time")
    case .colOperator: ("操作员", "Operator")
    case .colAction: ("操作", "Action")
    case .colTarget: ("对象", "Target")
    case .colDetail: ("内容", "Detail")
    case .auditHint: ("f 筛选 · x 导出 Excel · F5 刷新并校验", "f filter · x export to Excel · F5 reload and verify")
    case .auditFilterTitle: ("筛选操作日志", "Filter the log")
    case .auditFilterHint:
      ("员:名 操作:sales 从:YYYY-MM-DD 到:YYYY-MM-DD", "operator:N action:sales from:YYYY-MM-DD to:YYYY-MM-DD")
    case .badFilter: ("无法识别的筛选条件：{0}", "Unknown filter: {0}")
    case .exported: ("已导出 {0}", "Exported to {0}")
    case .exportFailed: ("导出失败：{0}", "Export failed: {0}")
    case .chainUnknown: ("校验中…", "Verifying…")
    case .settingsHint:
      (
        "↑ ↓ 选择 · 直接输入修改 · Enter 校验并保存 · F5 放弃修改",
        "↑ ↓ field · type to edit · Enter check and save · F5 discard"
      )
    case .settingsSaved: ("设置已保存，采集进程即时生效", "Settings saved; the acquirer takes them up now")
    case .settingsInvalid: ("有 {0} 项设置不正确，未保存", "{0} settings are wrong; nothing saved")
    case .fieldCollectionInterval: ("集抄时间间隔（秒）", "Collection interval (s)")
    case .fieldOfflineAfter: ("失联判定次数", "Failures before offline")
    case .fieldAlarm1: ("默认报警金额1（元）", "Default alarm 1 (yuan)")
    case .fieldAlarm2: ("默认报警金额2（元）", "Default alarm 2 (yuan)")
    case .fieldHoardingCap: ("囤积金额上限（元）", "Hoarding cap (yuan)")
    case .fieldPowerThreshold: ("默认功率阈值（W）", "Default power threshold (W)")
    case .fieldDefaultTariff: ("默认电价", "Default tariff")
    case .fieldSmsNumbers: ("报警短信号码", "Alarm SMS numbers")
    case .fieldReceiptQueue: ("收据打印机", "Receipt printer queue")
    case .fieldPrinterPaper: ("纸张（58mm/80mm/dot-matrix）", "Paper (58mm/80mm/dot-matrix)")
    case .fieldPrinterEscpos: ("ESC/POS 打印机（yes/no）", "ESC/POS printer (yes/no)")
    case .fieldSaleReadMaxAge: ("售电前抄表时限（秒）", "Read before sale if older (s)")
    case .fieldRetentionDays: ("抄表明细保留天数", "Keep readings (days)")
    case .fieldSmsEnabled: ("发送报警短信（yes/no）", "Send alarm SMS (yes/no)")
    case .fieldSmsGammuConfig: ("短信猫配置文件", "gammu-smsd config file")
    case .fieldSmsQuietHours: ("短信免打扰时段", "SMS quiet hours")
    case .fieldSmsAlarm1: ("报警1 短信", "Alarm 1 SMS text")
    case .fieldSmsAlarm2: ("报警2 短信", "Alarm 2 SMS text")
    case .fieldSmsArrears: ("欠费短信", "Arrears SMS text")
    case .fieldSmsBusDown: ("通讯中断短信", "Bus down SMS text")
    case .fieldBackupFolder: ("每日备份目录", "Daily backup folder")
    case .fieldBackupTime: ("每日备份时间（HH:MM）", "Daily backup time (HH:MM)")
    case .fieldBackupKeep: ("保留备份份数", "Backups kept")
    case .loading: ("正在读取…", "Loading…")
    case .notAllowed: ("没有此权限", "Not permitted")
    }
  }
}

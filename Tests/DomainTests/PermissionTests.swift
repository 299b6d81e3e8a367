import Domain
import Testing

@Suite struct PermissionTests {
  @Test(arguments: [
    (Permission.sell, "sell", "售电"),
    (.refund, "refund", "退电"),
    (.reverse, "reverse", "冲正"),
    (.openAccount, "openAccount", "开户"),
    (.closeAccount, "closeAccount", "销户"),
    (.editAccount, "editAccount", "修改用户"),
    (.reprintReceipt, "reprintReceipt", "补打收据"),
    (.remoteControl, "remoteControl", "远程控制"),
    (.downloadSettings, "downloadSettings", "参数下发"),
    (.readMeters, "readMeters", "抄表"),
    (.commissionBuses, "commissionBuses", "总线调试"),
    (.viewReports, "viewReports", "查看报表"),
    (.exportReports, "exportReports", "导出报表"),
    (.manageOperators, "manageOperators", "操作员管理"),
    (.editSettings, "editSettings", "系统设置"),
    (.importSite, "importSite", "站点导入"),
    (.viewAuditLog, "viewAuditLog", "操作日志"),
  ])
  func names(permission: Permission, raw: String, chinese: String) {
    #expect(permission.rawValue == raw)
    #expect(Permission(rawValue: raw) == permission)
    #expect(permission.chineseName == chinese)
  }

  @Test func seventeenPermissions() {
    #expect(Permission.allCases.count == 17)
  }
}

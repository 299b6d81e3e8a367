import Domain
import Testing

/// The expected permission table, written out by hand: cashier, supervisor, electrician, admin.
let expectedPermissionTable: [(Permission, [Bool])] = [
  (.sell, [true, true, false, true]),
  (.refund, [false, true, false, true]),
  (.reverse, [false, true, false, true]),
  (.openAccount, [true, true, false, true]),
  (.closeAccount, [false, true, false, true]),
  (.editAccount, [true, true, false, true]),
  (.reprintReceipt, [true, true, false, true]),
  (.remoteControl, [false, true, true, true]),
  (.downloadSettings, [false, true, true, true]),
  (.readMeters, [true, true, true, true]),
  (.commissionBuses, [false, false, true, true]),
  (.viewReports, [true, true, false, true]),
  (.exportReports, [false, true, false, true]),
  (.manageOperators, [false, false, false, true]),
  (.editSettings, [false, false, false, true]),
  (.importSite, [false, false, false, true]),
  (.viewAuditLog, [false, true, false, true]),
]

let tableRoles: [Role] = [.cashier, .supervisor, .electrician, .admin]

@Suite struct RoleTests {
  @Test(arguments: expectedPermissionTable)
  func everyCell(permission: Permission, allowed: [Bool]) {
    for (role, expected) in zip(tableRoles, allowed) {
      #expect(role.allows(permission) == expected, "\(role) \(permission)")
      #expect(role.permissions.contains(permission) == expected, "\(role) \(permission)")
    }
  }

  @Test func tableCoversEveryPermissionAndRoleOnce() {
    #expect(expectedPermissionTable.map(\.0) == Permission.allCases)
    #expect(tableRoles == Role.allCases)
  }

  @Test(arguments: [
    (Role.cashier, "cashier", "售电员", "Cashier", 6),
    (.supervisor, "supervisor", "主管", "Supervisor", 13),
    (.electrician, "electrician", "电工", "Electrician", 4),
    (.admin, "admin", "管理员", "Admin", 17),
  ])
  func names(role: Role, raw: String, chinese: String, english: String, count: Int) {
    #expect(role.rawValue == raw)
    #expect(role.chineseName == chinese)
    #expect(role.englishName == english)
    #expect(role.permissions.count == count)
  }
}

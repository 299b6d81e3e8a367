import Domain
import Foundation
import Services
import Store
import Testing

@Suite("Operator administration")
struct OperatorAdminServiceTests {
  let database: AppDatabase
  let operators: OperatorService
  let admin: OperatorAdminService
  let start = Date(timeIntervalSince1970: 1_790_000_000)

  init() throws {
    database = try AppDatabase.inMemory()
    operators = OperatorService(database: database, iterations: 1_000)
    admin = OperatorAdminService(database: database, iterations: 1_000)
    try operators.add(name: "boss", role: "admin", password: "boss-pass-1", by: "test", at: start)
    try operators.add(name: "li", role: "cashier", password: "li-pass-1", by: "test", at: start)
  }

  @Test("wrong old passwords count towards the lockout; a reset lifts it")
  func passwdLockout() throws {
    for _ in 1..<OperatorService.maxFailures {
      #expect(throws: OperatorAdminError.wrongOldPassword) {
        try admin.changeOwnPassword(name: "li", old: "nope", new: "li-new-pass", at: start)
      }
    }
    #expect(throws: OperatorError.lockedOut(until: start.addingTimeInterval(OperatorService.lockout))) {
      try admin.changeOwnPassword(name: "li", old: "nope", new: "li-new-pass", at: start)
    }
    #expect(throws: OperatorAdminError.wrongOldPassword) {
      try admin.changeOwnPassword(name: "nobody", old: "nope", new: "li-new-pass", at: start)
    }
    let boss = try operators.logIn(name: "boss", password: "boss-pass-1", at: start)
    let locked = try #require(try admin.list().first { $0.name == "li" })
    #expect(locked.isLocked(at: start) && locked.lastLogin == nil)
    #expect(try admin.list().first { $0.name == "boss" }?.lastLogin == start)
    try admin.resetPassword(name: "li", newPassword: "li-reset-pass", by: boss, at: start)
    #expect(try operators.logIn(name: "li", password: "li-reset-pass", at: start).role == .cashier)
  }

  @Test("a demoted or disabled admin's old session no longer manages operators")
  func staleSession() throws {
    try operators.add(name: "zhao", role: "admin", password: "zhao-pass-1", by: "test", at: start)
    let boss = try operators.logIn(name: "boss", password: "boss-pass-1", at: start)
    let zhao = try operators.logIn(name: "zhao", password: "zhao-pass-1", at: start)
    #expect(try admin.setRole(name: "zhao", role: .cashier, by: boss, at: start))
    #expect(throws: OperatorAdminError.notPermitted(operator: "zhao", .manageOperators)) {
      try admin.disable(name: "li", by: zhao, at: start)
    }
    #expect(try admin.setRole(name: "zhao", role: .cashier, by: boss, at: start) == false, "no change")
    #expect(throws: OperatorAdminError.lastAdmin("boss")) {
      try admin.setRole(name: "boss", role: .supervisor, by: boss, at: start)
    }
    #expect(throws: OperatorAdminError.unknownOperator("ghost")) {
      try admin.enable(name: "ghost", by: boss, at: start)
    }
    let audit = try database.auditLog().filter { $0.action == "operator.role" }
    #expect(audit.count == 1 && audit.first?.detail == "role admin → cashier")
  }

  @Test("the permission table has every role and permission, as Role.permissions says")
  func permissionTable() {
    let table = OperatorAdminService.permissionTable()
    #expect(table.map(\.role) == Role.allCases)
    for row in table {
      #expect(row.allowed.count == Permission.allCases.count)
      for permission in Permission.allCases {
        #expect(row.allowed[permission] == row.role.allows(permission))
      }
    }
  }
}

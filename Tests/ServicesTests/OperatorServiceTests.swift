import Domain
import Foundation
import Services
import Store
import Testing

@Suite("Operators and log-in")
struct OperatorServiceTests {
  let database: AppDatabase
  let service: OperatorService

  init() throws {
    database = try AppDatabase.inMemory()
    service = OperatorService(database: database, iterations: 1_000)
  }

  @Test("an added operator logs in with the right password and gets its role")
  func logIn() throws {
    try service.add(name: "li", role: "cashier", password: "s3cret", by: "admin", at: Date())
    let session = try service.logIn(name: "li", password: "s3cret", at: Date())
    #expect(session.role == .cashier)
    #expect(session.allows(.sell) && !session.allows(.reverse))
    let stored = try #require(try database.operator(named: "li"))
    #expect(stored.passwordHash.hasPrefix("pbkdf2-sha256$"))
    #expect(!stored.passwordHash.contains("s3cret"))
  }

  @Test("a wrong password is refused, and five failures lock the operator out for five minutes")
  func lockout() throws {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    try service.add(name: "li", role: "cashier", password: "s3cret", by: "admin", at: start)
    for attempt in 1...4 {
      #expect(throws: OperatorError.wrongCredentials) {
        try service.logIn(name: "li", password: "wrong\(attempt)", at: start)
      }
    }
    #expect(throws: OperatorError.lockedOut(until: start.addingTimeInterval(300))) {
      try service.logIn(name: "li", password: "wrong5", at: start)
    }
    // Even the right password is refused while locked…
    #expect(throws: OperatorError.lockedOut(until: start.addingTimeInterval(300))) {
      try service.logIn(name: "li", password: "s3cret", at: start.addingTimeInterval(299))
    }
    // …and accepted once the lockout has passed.
    #expect(try service.logIn(name: "li", password: "s3cret", at: start.addingTimeInterval(301)).name == "li")
    let actions = try database.auditLog().map(\.action)
    #expect(actions.contains("login.lockout"))
    #expect(actions.filter { $0 == "login.failed" }.count == 4)
  }

  @Test("bad names, unknown roles, short passwords and duplicates are refused")
  func refusals() throws {
    #expect(throws: OperatorError.badName("two words")) {
      try service.add(name: "two words", role: "cashier", password: "abcd", by: "a", at: Date())
    }
    #expect(throws: OperatorError.unknownRole("boss")) {
      try service.add(name: "x", role: "boss", password: "abcd", by: "a", at: Date())
    }
    #expect(throws: OperatorError.passwordTooShort(minimum: 4)) {
      try service.add(name: "x", role: "admin", password: "abc", by: "a", at: Date())
    }
    try service.add(name: "x", role: "admin", password: "abcd", by: "a", at: Date())
    #expect(throws: OperatorStoreError.exists("x")) {
      try service.add(name: "x", role: "admin", password: "abcd", by: "a", at: Date())
    }
  }
}

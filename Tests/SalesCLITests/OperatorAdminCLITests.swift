import Foundation
import Services
import Store
import TestSupport
import Testing

@Suite("meterdesk operator passwd, disable, enable, role, reset and permissions", .serialized)
struct OperatorAdminCLITests {
  /// Adds the admin `boss` (password `boss-pass-1`) to a CLI site.
  static func addAdmin(_ site: CLISite) throws {
    try OperatorService(database: site.database, iterations: 1000)
      .add(name: "boss", role: "admin", password: "boss-pass-1", by: "test", at: Date())
  }

  /// `meterdesk operator <sub> --db DB --name N --admin boss --password-stdin` plus `extra`.
  static func admin(
    _ site: CLISite, _ sub: String, _ name: String, _ extra: [String] = [], stdin: String = ""
  )
    throws -> CommandResult
  {
    try site.run(
      ["operator", sub, "--db", site.db, "--name", name, "--admin", "boss", "--password-stdin"] + extra,
      stdin: "boss-pass-1\n" + stdin)
  }

  /// `meterdesk sell` by `li` with `password`, delivered within 10 s.
  static func sell(_ site: CLISite, password: String) throws -> CommandResult {
    try site.run(
      [
        "sell", "--db", site.db, "--meter", CLISite.meters[0], "--amount", "10.00", "--pay", "cash",
        "--operator", "li", "--password-stdin", "--wait", "10",
      ], stdin: password + "\n")
  }

  @Test("operator passwd: a short password is refused with the minimum, then li sells with the new one only")
  func passwdThenSell() async throws {
    try await CLISite.with { site in
      let short = try site.run(
        ["operator", "passwd", "--db", site.db, "--name", "li"], stdin: "li-pass\nshort12\n")
      #expect(short.status != 0)
      #expect(short.stderr.contains("at least 8 characters"), "\(short.stderr)")
      let wrongOld = try site.run(
        ["operator", "passwd", "--db", site.db, "--name", "li"], stdin: "nope\nli-new-pass-1\n")
      #expect(wrongOld.status != 0)
      #expect(wrongOld.stderr.contains("old password"), "\(wrongOld.stderr)")
      let same = try site.run(
        ["operator", "passwd", "--db", site.db, "--name", "li"], stdin: "li-pass-old\nli-pass-old\n")
      #expect(same.status != 0 && same.stderr.contains("must differ"), "\(same.stderr)")

      let changed = try site.run(
        ["operator", "passwd", "--db", site.db, "--name", "li"], stdin: "li-pass\nli-new-pass-1\n")
      #expect(changed.status == 0, "\(changed.stderr)")

      let old = try Self.sell(site, password: "li-pass")
      #expect(old.status != 0)
      #expect(old.stderr.contains("wrong operator name or password"), "\(old.stderr)")
      let sold = try Self.sell(site, password: "li-new-pass-1")
      #expect(sold.status == 0, "\(sold.stderr)")
      #expect(sold.stdout.contains("delivered"), "\(sold.stdout)")

      let actions = try site.database.auditLog().map(\.action)
      #expect(actions.contains("operator.passwd"))
      #expect(actions.contains("operator.passwd.failed"))
    }
  }

  @Test("an admin disables a cashier (log-in refused as disabled) and enables them; list shows the state")
  func disableEnable() async throws {
    try await CLISite.with { site in
      try Self.addAdmin(site)
      let disabled = try Self.admin(site, "disable", "li")
      #expect(disabled.status == 0, "\(disabled.stderr)")
      let refused = try Self.sell(site, password: "li-pass")
      #expect(refused.status != 0)
      #expect(refused.stderr.contains("disabled"), "\(refused.stderr)")

      let list = try site.run(["operator", "list", "--db", site.db, "--json"])
      #expect(list.status == 0, "\(list.stderr)")
      let operators = try #require(try CLISite.object(list.stdout)["operators"] as? [[String: Any]])
      let li = try #require(operators.first { $0["name"] as? String == "li" })
      #expect(li["disabled"] as? Bool == true && li["role"] as? String == "cashier")
      let boss = try #require(operators.first { $0["name"] as? String == "boss" })
      #expect(boss["last_login"] is String)
      #expect(li.keys.contains("locked_until") && li.keys.contains("failed_attempts"))

      // A supervisor may not manage operators.
      let byCashier = try site.run(
        ["operator", "enable", "--db", site.db, "--name", "li", "--admin", "wang", "--password-stdin"],
        stdin: "wang-pass\n")
      #expect(byCashier.status != 0)
      #expect(byCashier.stderr.contains("may not manage operators"), "\(byCashier.stderr)")

      let enabled = try Self.admin(site, "enable", "li")
      #expect(enabled.status == 0, "\(enabled.stderr)")
      let sold = try Self.sell(site, password: "li-pass")
      #expect(sold.status == 0, "\(sold.stderr)")

      let audit = try site.database.auditLog()
      let disable = try #require(audit.first { $0.action == "operator.disable" })
      #expect(disable.operator == "boss" && disable.target == "li")
      #expect(audit.contains { $0.action == "operator.enable" && $0.operator == "boss" })
    }
  }

  @Test("a cashier made supervisor can refund; the last admin cannot be disabled or demoted; reset")
  func roleAndLastAdmin() async throws {
    try await CLISite.with { site in
      try Self.addAdmin(site)
      #expect(try Self.sell(site, password: "li-pass").status == 0)
      let refundArguments = [
        "refund", "--db", site.db, "--meter", CLISite.meters[0], "--amount", "1.00", "--operator", "li",
        "--password-stdin", "--wait", "10",
      ]
      let asCashier = try site.run(refundArguments, stdin: "li-pass\n")
      #expect(asCashier.status != 0)

      let promoted = try Self.admin(site, "role", "li", ["--role", "supervisor"])
      #expect(promoted.status == 0, "\(promoted.stderr)")
      let refunded = try site.run(refundArguments, stdin: "li-pass\n")
      #expect(refunded.status == 0, "\(refunded.stderr)")
      let role = try #require(try site.database.auditLog().first { $0.action == "operator.role" })
      #expect(role.detail == "role cashier → supervisor" && role.operator == "boss")

      let unknown = try Self.admin(site, "role", "li", ["--role", "boss"])
      #expect(unknown.status != 0 && unknown.stderr.contains("is not one of"))

      let selfDisable = try Self.admin(site, "disable", "boss")
      #expect(selfDisable.status != 0)
      #expect(selfDisable.stderr.contains("cannot disable themselves"), "\(selfDisable.stderr)")
      let demote = try Self.admin(site, "role", "boss", ["--role", "cashier"])
      #expect(demote.status != 0)
      #expect(demote.stderr.contains("last enabled admin"), "\(demote.stderr)")

      let shortReset = try Self.admin(site, "reset", "li", stdin: "abc\n")
      #expect(shortReset.status != 0 && shortReset.stderr.contains("at least 8 characters"))
      let reset = try Self.admin(site, "reset", "li", stdin: "fresh-pass-2\n")
      #expect(reset.status == 0, "\(reset.stderr)")
      #expect(try Self.sell(site, password: "fresh-pass-2").status == 0)

      let permissions = try site.run(["operator", "permissions", "--json"])
      #expect(permissions.status == 0, "\(permissions.stderr)")
      let roles = try #require(try CLISite.object(permissions.stdout)["roles"] as? [String: [String]])
      #expect(roles["supervisor"]?.contains("refund") == true)
      #expect(roles["cashier"]?.contains("refund") == false)
      #expect(roles["admin"]?.contains("manageOperators") == true)
    }
  }
}

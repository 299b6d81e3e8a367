import Foundation
import Services
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The tenant query machine (`meterdesk kiosk`) driven in tmux against the small CLI site: queries by
/// account and meter number, wrong passwords and the lockout, the idle clear, a fresh read through
/// `serve`, the locked-down keys and the admin exit; values checked against `meters --json` and the ledger.
@Suite("Tenant kiosk in tmux", .serialized)
struct KioskTmuxTests {
  /// Sets an account's query password with `meterdesk account passwd`.
  static func passwd(_ site: CLISite, _ account: String, _ password: String) throws {
    let result = try site.run(
      ["account", "passwd", "--db", site.db, "--account", account], stdin: password + "\n")
    #expect(result.status == 0, "\(result.stderr)")
  }

  /// `meterdesk meters --json` as objects by meter number.
  static func meters(_ site: CLISite) throws -> [String: [String: Any]] {
    let result = try site.run(["meters", "--db", site.db, "--json"])
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let array = object?["meters"] as? [[String: Any]] ?? []
    var byNumber: [String: [String: Any]] = [:]
    for object in array { if let number = object["meter"] as? String { byNumber[number] = object } }
    return byNumber
  }

  /// "1234.50" as the kiosk shows it in English: "¥1,234.50".
  static func yuan(_ decimal: String) -> String {
    let negative = decimal.hasPrefix("-")
    let parts = decimal.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
    let digits = Array(parts.first.map(String.init) ?? "0")
    var whole = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { whole.append(",") }
      whole.append(digit)
    }
    let fraction = parts.count > 1 ? "." + parts[1] : ""
    return "¥" + (negative ? "-" : "") + whole + fraction
  }

  /// Logs in at the start screen with a number and a password.
  static func query(_ session: TmuxSession, _ number: String, _ password: String) {
    session.type(number)
    session.send("Enter")
    session.type(password)
    session.send("Enter")
  }

  /// The pid of the command running in the session's pane (the shell's child).
  static func kioskPid(_ session: TmuxSession) -> pid_t? {
    let shell = session.display("#{pane_pid}")
    let children =
      (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
    return children.split(separator: " ").first.flatMap { pid_t(String($0)) }
  }

  @Test(
    "by account and by meter; balance, recharges and use match meters --json and the ledger; read via serve")
  func queryAndFreshRead() async throws {
    try await CLISite.with { site in
      try Self.passwd(site, "TS1001", "246810")
      try Self.passwd(site, "TS1002", "135790")
      let admin = try site.run(
        ["operator", "add", "--db", site.db, "--name", "boss", "--role", "admin"], stdin: "boss-pass\n")
      #expect(admin.status == 0, "\(admin.stderr)")
      let sale = try site.sell(CLISite.meters[0], "12", ["--json"])
      #expect(sale.status == 0, "\(sale.stderr)")
      let bill = try CLISite.object(sale.stdout)["bill"] as? String ?? "?"
      let serve = try site.startServe()
      defer { serve.kill(SIGTERM) }
      let session = try TmuxSession.meterdesk("kiosk --db \(site.db) --idle 60", width: 80, height: 24)
      #expect(session.waitFor("Account or meter no.").found, "\(session.capture())")
      Self.query(session, "TS1001", "246810")
      let shown = session.waitFor("Remaining")
      #expect(shown.found, "\(shown.screen)")
      let before = try Self.meters(site)[CLISite.meters[0]] ?? [:]
      let remaining = before["remaining"] as? String ?? "?"
      #expect(shown.screen.contains("Tenant 租户00"), "\(shown.screen)")
      #expect(shown.screen.contains(CLISite.meters[0]), "\(shown.screen)")
      #expect(shown.screen.contains(Self.yuan(remaining)), "remaining \(remaining):\n\(shown.screen)")
      #expect(!shown.screen.contains(CLISite.meters[1]), "another account's meter shown")
      session.send("2")
      let recharges = session.waitFor("Paid by")
      #expect(
        recharges.screen.contains(bill) && recharges.screen.contains("¥12.00"),
        "bill \(bill):\n\(recharges.screen)")
      #expect(recharges.screen.contains("Cash"), "\(recharges.screen)")
      session.send("3")
      #expect(session.waitFor("30-day total").found, "\(session.capture())")
      // A fresh read through serve: the read time in the database moves on, the screen says so.
      let readBefore = before["read_at"] as? String ?? ""
      try await Task.sleep(for: .milliseconds(1100))
      session.send("r")
      let read = session.waitFor("Meter read just now", timeout: 25)
      #expect(read.found, "\(read.screen)")
      let after = try Self.meters(site)[CLISite.meters[0]] ?? [:]
      let readAfter = after["read_at"] as? String ?? ""
      #expect(readAfter > readBefore, "read_at \(readBefore) → \(readAfter)")
      #expect(read.screen.contains(Self.yuan(after["remaining"] as? String ?? "?")), "\(read.screen)")
      #expect(AcquisitionLease.holder(database: site.db)?.contains("serve") == true, "serve keeps the lease")
      // Esc clears everything; then a query by meter number finds its account.
      session.send("Escape")
      let start = session.waitFor("Account or meter no.")
      #expect(start.found && !start.screen.contains("租户00"), "\(start.screen)")
      Self.query(session, CLISite.meters[1], "135790")
      let byMeter = session.waitFor("TS1002")
      #expect(byMeter.found && byMeter.screen.contains("Remaining"), "\(byMeter.screen)")
      session.send("Escape")
      // No key leaves the kiosk.
      session.send("C-c")
      session.send("F10")
      session.send("Escape")
      session.send("C-\\")
      try await Task.sleep(for: .seconds(1))
      let still = session.capture()
      #expect(still.contains("Account or meter no.") && !still.contains("EXITED"), "\(still)")
      // A cashier cannot close it; an admin can.
      session.send("C-x")
      #expect(session.waitFor("Administrator exit").found)
      session.type("li")
      session.send("Enter")
      session.type("li-pass")
      session.send("Enter")
      #expect(session.waitFor("Not an admin").found, "\(session.capture())")
      session.send("C-u")
      session.send("Tab")
      session.send("C-u")
      session.type("boss")
      session.send("Enter")
      session.type("boss-pass")
      session.send("Enter")
      let exited = session.waitFor("EXITED:", timeout: 15)
      #expect(exited.screen.contains("EXITED:0"), "\(exited.screen)")
      let audit = try site.database.auditLog(limit: 50).map(\.action)
      #expect(audit.contains("kiosk.query") && audit.contains("kiosk.exit"), "\(audit)")
    }
  }

  @Test(
    "wrong password, lockout after 5 (audited), no password, no read without a lease holder, idle, SIGTERM")
  func refusalsAndSafety() async throws {
    try await CLISite.with { site in
      try Self.passwd(site, "TS1001", "246810")
      try Self.passwd(site, "TS1003", "975310")
      let session = try TmuxSession.meterdesk("kiosk --db \(site.db) --idle 3", width: 80, height: 24)
      #expect(session.waitFor("Account or meter no.").found, "\(session.capture())")
      Self.query(session, "TS1001", "000000")
      #expect(session.waitFor("(4 tries left)").found, "\(session.capture())")
      for left in [3, 2, 1] {
        session.type("000000")
        session.send("Enter")
        #expect(session.waitFor("(\(left) tries left)").found, "\(session.capture())")
      }
      session.type("000000")
      session.send("Enter")
      #expect(session.waitFor("queries locked until").found, "\(session.capture())")
      session.type("246810")
      session.send("Enter")
      try await Task.sleep(for: .seconds(1))
      let locked = session.capture()
      #expect(locked.contains("queries locked until") && !locked.contains("Remaining"), "\(locked)")
      let audit = try site.database.auditLog(limit: 50)
      #expect(
        audit.contains { $0.action == "kiosk.locked" && $0.target == "TS1001" }, "\(audit.map(\.action))")
      #expect(!audit.contains { $0.detail.contains("000000") || $0.detail.contains("246810") })
      // Unknown numbers, an account without a password.
      session.send("Escape")
      Self.query(session, "TS9999", "whatever")
      #expect(session.waitFor("No account or meter by that number").found, "\(session.capture())")
      session.send("Escape")
      Self.query(session, "TS1002", "whatever")
      #expect(session.waitFor("has no query password").found, "\(session.capture())")
      session.send("Escape")
      // Nobody holds the lease: no fresh read, and the kiosk does not take the lease.
      Self.query(session, "TS1003", "975310")
      #expect(session.waitFor("Remaining").found, "\(session.capture())")
      session.send("r")
      #expect(session.waitFor("not available now").found, "\(session.capture())")
      #expect(AcquisitionLease.holder(database: site.db) == nil, "the kiosk took the lease")
      // Idle: back to the start screen, nothing left of the account.
      let idle = session.waitFor("Account or meter no.", timeout: 10)
      #expect(
        idle.found && !idle.screen.contains("TS1003") && !idle.screen.contains("Remaining"), "\(idle.screen)")
      // SIGTERM stops it cleanly.
      let pid = Self.kioskPid(session)
      #expect(pid != nil)
      if let pid { kill(pid, SIGTERM) }
      let exited = session.waitFor("EXITED:", timeout: 15)
      #expect(exited.screen.contains("EXITED:0"), "\(exited.screen)")
      #expect(session.display("#{alternate_on}") == "0", "terminal restored")
    }
  }
}

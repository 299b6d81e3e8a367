import Foundation
import TestSupport
import Testing

/// The system screen (F11) and the alarm screen (F12) driven in tmux on the demo site: an admin changes
/// their password and logs in again with it, edits a setting that the operation log records (and whose
/// chain still holds), and acknowledges an alarm shown on the status line.
@Suite("system and alarm screens in tmux", .serialized)
struct SystemConsoleTmuxTests {
  @Test(
    "F11: own password changed and used to log in again; a setting saved and logged; F12: an alarm acknowledged"
  )
  func passwordSettingsAlarms() throws {
    let directory = try TemporaryDirectory()
    let session = try TmuxSession.demo(data: directory.path("demo"))
    let db = directory.path("demo/meterdesk.db")
    #expect(session.logIn("admin", "admin"))
    session.send("F11")
    #expect(session.waitFor("My account").found)
    session.type("p")
    session.type("admin")
    session.send("Tab")
    session.type("admin-pass-2")
    session.send("Tab")
    session.type("admin-pass-2")
    session.send("Enter")
    let changed = session.waitFor("Password changed")
    #expect(changed.found, "\(changed.screen)")
    session.type("l")
    #expect(session.logIn("admin", "admin-pass-2"), "\(session.capture())")

    session.send("F11")
    session.send("BTab")  // the settings tab, last of four for an admin
    let form = session.waitFor("Collection interval (s)")
    #expect(form.found, "\(form.screen)")
    for _ in 0..<6 { session.send("BSpace") }
    session.type("900")
    session.send("Enter")
    let saved = session.waitFor("Settings saved")
    #expect(saved.found, "\(saved.screen)")
    let log = try CommandRunner.meterdesk([
      "audit", "list", "--db", db, "--action", "settings.update", "--json",
    ])
    let entries = try CLISite.object(log.stdout)["entries"] as? [[String: Any]] ?? []
    #expect(entries.count == 1 && (entries.first?["detail"] as? String ?? "").contains("→ 900"), "\(entries)")
    #expect(try CommandRunner.meterdesk(["audit", "verify", "--db", db]).status == 0)

    // The demo site has meters in alarm: the status line counts them and F12 lists them.
    let counted = session.waitFor("New alarm ", timeout: 30)
    #expect(counted.found, "\(counted.screen)")
    session.send("F12")
    let listed = session.waitFor("unacknowledged")
    #expect(listed.found, "\(listed.screen)")
    session.type("k")
    let acknowledged = session.waitFor("1 acknowledged")
    #expect(acknowledged.found, "\(acknowledged.screen)")
    let alarms =
      try CLISite.object(
        try CommandRunner.meterdesk(["alarms", "--db", db, "--active", "--json"]).stdout)["alarms"]
      as? [[String: Any]] ?? []
    #expect(alarms.contains { $0["acknowledged_by"] as? String == "admin" }, "\(alarms.prefix(3))")
    session.send("Escape")
    session.send("F10")
    _ = session.waitFor("EXITED:", timeout: 15)
  }
}

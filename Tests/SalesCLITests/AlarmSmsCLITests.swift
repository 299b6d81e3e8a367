import Foundation
import Services
import Store
import TestSupport
import Testing

/// Alarms and SMS warnings with real parts: `meterdesk poll` against the simulated site, Gammu's
/// `gammu-smsd-inject` and `gammu-smsd` with the files backend and the dummy phone (no modem).
@Suite("meterdesk alarms and sms: episodes, one SMS per episode through gammu-smsd", .serialized)
struct AlarmSmsCLITests {
  /// A Gammu SMS daemon set-up in a scratch folder: the files backend and the dummy phone.
  struct Gammu {
    let root: String
    var config: String { root + "/smsdrc" }
    var outbox: String { root + "/outbox" }
    var sent: String { root + "/sent" }

    init(in directory: TemporaryDirectory) throws {
      root = directory.path("gammu")
      let manager = FileManager.default
      for folder in ["dummy/sms/1", "dummy/sms/2", "dummy/sms/3", "dummy/sms/4", "dummy/sms/5"]
        + ["inbox", "outbox", "sent", "error"]
      {
        try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
      }
      try """
      [gammu]
      model = dummy
      connection = none
      port = \(root)/dummy
      gammuloc = /dev/null

      [smsd]
      service = files
      logfile = \(root)/smsd.log
      debuglevel = 1
      commtimeout = 1
      sendtimeout = 5
      loopsleep = 1
      statusfrequency = 0
      checksecurity = 0
      checkbattery = 0
      checksignal = 0
      inboxpath = \(root)/inbox/
      outboxpath = \(root)/outbox/
      sentsmspath = \(root)/sent/
      errorsmspath = \(root)/error/
      """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// The files in a folder of the daemon.
    func files(_ folder: String) throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }
  }

  /// Turns SMS on in the site file and imports it again: `[sms]` with `extra` lines, the site's
  /// numbers, and `autoSmsOff` meters with `auto_sms = 0` in meters.csv.
  static func enableSms(
    _ site: CLISite, _ gammu: Gammu, extra: String = "", numbers: [String] = [], autoSmsOff: Set<String> = []
  ) throws {
    let sitePath = site.running.sitePath
    var toml = try String(contentsOfFile: sitePath, encoding: .utf8)
    if let range = toml.range(of: "\n[sms]") { toml = String(toml[..<range.lowerBound]) + "\n" }
    if !numbers.isEmpty, !toml.contains("sms_numbers") {
      let list = numbers.map { "\"\($0)\"" }.joined(separator: ", ")
      toml = toml.replacingOccurrences(
        of: "tariff = \"flat\"\n", with: "tariff = \"flat\"\nsms_numbers = [\(list)]\n")
    }
    toml += "\n[sms]\nenabled = true\ngammu_config = \"\(gammu.config)\"\n\(extra)\n"
    try toml.write(toFile: sitePath, atomically: true, encoding: .utf8)
    let metersPath = site.directory.path("meters.csv")
    var rows = try String(contentsOfFile: metersPath, encoding: .utf8).split(separator: "\n").map(String.init)
    if !rows[0].hasSuffix(",auto_sms") {
      rows = rows.enumerated().map { $0.offset == 0 ? $0.element + ",auto_sms" : $0.element + ",1" }
    }
    rows = rows.map { row in
      let number = String(row.prefix { $0 != "," })
      guard autoSmsOff.contains(number) else { return row }
      return String(row.dropLast(2)) + ",0"
    }
    try (rows.joined(separator: "\n") + "\n").write(toFile: metersPath, atomically: true, encoding: .utf8)
    _ = try SiteImportService(database: site.database).importSite(path: sitePath, by: "test", at: Date())
  }

  /// `meterdesk alarms --json` (`--active` when asked).
  static func alarms(_ site: CLISite, active: Bool = false) throws -> [[String: Any]] {
    let result = try site.run(["alarms", "--db", site.db, "--json"] + (active ? ["--active"] : []))
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try CLISite.object(result.stdout)["alarms"] as? [[String: Any]], "\(result.stdout)")
  }

  /// `meterdesk sms --json`.
  static func messages(_ site: CLISite) throws -> [[String: Any]] {
    let result = try site.run(["sms", "--db", site.db, "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try CLISite.object(result.stdout)["messages"] as? [[String: Any]], "\(result.stdout)")
  }

  /// `meterdesk poll` for `sweeps` sweeps.
  static func poll(_ site: CLISite, sweeps: Int = 1) throws {
    let poll = try site.run(["poll", "--db", site.db, "--sweeps", "\(sweeps)"])
    #expect(poll.status == 0, "\(poll.stderr)")
  }

  /// The tenant's phone for a meter of the small site.
  static func phone(_ meter: String) -> String { "139" + meter.suffix(8) }

  @Test(
    "alarm 1: one episode and one SMS to the tenant, handed to gammu-smsd-inject; none more on later sweeps or after a restart; the daemon sends it"
  )
  func alarmOneThroughGammu() async throws {
    try await CLISite.with { site in
      let gammu = try Gammu(in: site.directory)
      try Self.enableSms(site, gammu)
      let meter = CLISite.meters[0]
      #expect(site.simulator.setRemaining(meter, fen: 3_000))  // below alarm 1 (50.00), above alarm 2
      try Self.poll(site)

      func check() throws {
        let active = try Self.alarms(site, active: true).filter { $0["meter"] as? String == meter }
        #expect(active.map { $0["kind"] as? String } == ["alarm1"], "\(active)")
        #expect(active.first?["remaining"] as? String == "30.00" && active.first?["until"] is NSNull)
        let messages = try Self.messages(site)
        #expect(messages.count == 1, "\(messages)")
        let message = try #require(messages.first)
        #expect(message["number"] as? String == Self.phone(meter) && message["level"] as? String == "alarm1")
        #expect(message["meter"] as? String == meter)
        let text = try #require(message["text"] as? String)
        #expect(text.contains("测试广场") && text.contains("30.00") && text.contains("报警金额1"), "\(text)")
      }
      try check()
      #expect(try Self.messages(site).first?["state"] as? String == "injected")
      let queued = try gammu.files(gammu.outbox)
      #expect(queued.count == 1 && queued.first?.contains(Self.phone(meter)) == true, "\(queued)")
      let file = String(
        decoding: try Data(contentsOf: URL(fileURLWithPath: gammu.outbox + "/" + (queued.first ?? ""))),
        as: UTF8.self)
      #expect(file.contains("Number = \"\(Self.phone(meter))\"") && file.contains("Unicode"), "\(file)")

      // Later sweeps of this process and of a restarted acquirer add nothing.
      try Self.poll(site, sweeps: 3)
      try Self.poll(site)
      try check()
      #expect(try gammu.files(gammu.outbox).count == 1)

      // The daemon sends it with the dummy phone; the next sweep reads it back from the sent folder.
      let daemon = try SpawnedDaemon(
        "/usr/bin/gammu-smsd", ["-c", gammu.config], logPath: gammu.root + "/daemon.out")
      defer { daemon.stop() }
      let deadline = Date().addingTimeInterval(30)
      while try gammu.files(gammu.sent).isEmpty, Date() < deadline {
        try await Task.sleep(for: .milliseconds(200))
      }
      #expect(
        try gammu.files(gammu.sent) == queued,
        "\((try? String(contentsOfFile: gammu.root + "/smsd.log", encoding: .utf8)) ?? "")")
      daemon.stop()
      try Self.poll(site)
      #expect(try Self.messages(site).map { $0["state"] as? String } == ["sent"])
      try check()
    }
  }

  @Test("quiet hours hold the message until they end; a meter with auto-SMS off gets none; alarms ack")
  func quietHoursAndAutoSmsOff() async throws {
    try await CLISite.with { site in
      let gammu = try Gammu(in: site.directory)
      let (meter, silent) = (CLISite.meters[0], CLISite.meters[1])
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
      let now = calendar.dateComponents([.hour, .minute], from: Date())
      let minute = (now.hour ?? 0) * 60 + (now.minute ?? 0)
      func clock(_ m: Int) -> String {
        let wrapped = (m % 1440 + 1440) % 1440
        return String(format: "%02d:%02d", wrapped / 60, wrapped % 60)
      }
      let quiet = "quiet_hours = \"\(clock(minute - 60))-\(clock(minute + 60))\""
      try Self.enableSms(site, gammu, extra: quiet, autoSmsOff: [silent])
      #expect(site.simulator.setRemaining(meter, fen: -100))
      #expect(site.simulator.setRemaining(silent, fen: -100))
      try Self.poll(site, sweeps: 2)
      let active = try Self.alarms(site, active: true)
      for number in [meter, silent] {
        #expect(
          active.contains { $0["meter"] as? String == number && $0["kind"] as? String == "arrears" },
          "\(active)")
      }
      // Straight into arrears: alarm 1 and 2 begin too, but only the most severe level goes out.
      var messages = try Self.messages(site)
      #expect(Set(messages.map { $0["meter"] as? String }) == [meter], "auto-SMS off: \(messages)")
      #expect(
        messages.map { "\($0["level"] ?? "") \($0["state"] ?? "")" }
          == ["alarm1 cancelled", "alarm2 cancelled", "arrears queued"], "\(messages)")
      #expect(try gammu.files(gammu.outbox).isEmpty)

      // Quiet hours over (the setting removed): the next sweep hands it over.
      try Self.enableSms(site, gammu, autoSmsOff: [silent])
      try Self.poll(site)
      messages = try Self.messages(site)
      #expect(
        messages.map { $0["state"] as? String } == ["cancelled", "cancelled", "injected"], "\(messages)")
      #expect(try gammu.files(gammu.outbox).count == 1)

      // An operator acknowledges the arrears alarm.
      let arrears = try #require(
        active.first { $0["meter"] as? String == meter && $0["kind"] as? String == "arrears" })
      let id = try #require(arrears["id"] as? Int)
      let ack = try site.run(
        ["alarms", "ack", "--db", site.db, "--id", "\(id)", "--operator", "li", "--password-stdin"],
        stdin: "li-pass\n")
      #expect(ack.status == 0, "\(ack.stderr)")
      let again = try site.run(
        ["alarms", "ack", "--db", site.db, "--id", "\(id)", "--operator", "li", "--password-stdin"],
        stdin: "li-pass\n")
      #expect(again.status != 0 && again.stderr.contains("already acknowledged"), "\(again.stderr)")
      let acknowledged = try Self.alarms(site, active: true).first { ($0["id"] as? Int) == id }
      #expect(acknowledged?["acknowledged_by"] as? String == "li", "\(String(describing: acknowledged))")
    }
  }

  @Test("bus down: one episode for the bus and one SMS to each of the site's sms_numbers, once")
  func busDown() async throws {
    try await CLISite.with { site in
      let gammu = try Gammu(in: site.directory)
      try Self.enableSms(site, gammu, numbers: ["13917000001", "13917000002"])
      try site.running.setFaults("[bus.\"S-1\"]\ndown = true\n")
      try Self.poll(site)
      try Self.poll(site, sweeps: 2)
      let buses = try Self.alarms(site, active: true).filter { $0["bus"] != nil }
      #expect(buses.count == 1 && buses.first?["bus"] as? String == "S-1", "\(buses)")
      #expect(buses.first?["kind"] as? String == "bus_down" && buses.first?["meter"] == nil)
      let messages = try Self.messages(site)
      #expect(messages.map { $0["number"] as? String } == ["13917000001", "13917000002"], "\(messages)")
      #expect(
        messages.allSatisfy { $0["level"] as? String == "bus_down" && $0["state"] as? String == "injected" })
      #expect((messages.first?["text"] as? String)?.contains("S-1") == true)
      #expect(try gammu.files(gammu.outbox).count == 2)

      // Back up: the episode ends.
      try site.running.setFaults("")
      try Self.poll(site)
      #expect(try Self.alarms(site, active: true).allSatisfy { $0["bus"] == nil })
      let ended = try Self.alarms(site).first { $0["bus"] as? String == "S-1" }
      #expect(ended?["until"] is String, "\(String(describing: ended))")
      #expect(try Self.messages(site).count == 2)
    }
  }
}

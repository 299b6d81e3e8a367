import Domain
import Foundation
import Services
import SiteConfig
import Store
import TestSupport
import Testing

/// SMS warnings without the daemon: templates, quiet hours, the `[sms]` table, episodes from
/// acquisition's writes, and the dispatcher's exactly-once queueing (a stand-in inject program).
@Suite("SMS warnings: templates, quiet hours, episodes, outbox", .serialized)
struct SmsWarningTests {
  static let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .current

  /// A Shanghai wall-clock time on 2026-11-30.
  static func at(_ hour: Int, _ minute: Int, day: Int = 30) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = shanghai
    return calendar.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))
      ?? Date()
  }

  @Test("templates: each placeholder replaced, unknown names kept, missing values empty")
  func rendering() {
    let template = SmsTemplate("【{site}】{tenant} {shop} {meter} 余额{remaining}元 {level} {tenat} {bus}")
    let text = template.render([
      "site": "测试广场", "tenant": "张三", "shop": "A-101", "meter": "209901000001", "remaining": "12.34",
      "level": "报警1",
    ])
    #expect(text == "【测试广场】张三 A-101 209901000001 余额12.34元 报警1 {tenat} ")
    #expect(template.unknownPlaceholders == ["tenat"])
    #expect(SmsTemplate("no braces").render([:]) == "no braces")
    #expect(SmsTemplate("open { brace").render(["site": "x"]) == "open { brace")
    for level in SmsLevel.allCases {
      #expect(SmsTemplate(level.defaultTemplate).unknownPlaceholders.isEmpty, "\(level)")
    }
  }

  @Test("quiet hours: across midnight, within a day, their end, bad spellings")
  func quietHours() throws {
    let night = try QuietHours(parsing: "22:00-07:00")
    #expect(night.description == "22:00-07:00")
    #expect(night.contains(minuteOfDay: 22 * 60) && night.contains(minuteOfDay: 0))
    #expect(night.contains(minuteOfDay: 6 * 60 + 59) && !night.contains(minuteOfDay: 7 * 60))
    #expect(!night.contains(minuteOfDay: 12 * 60) && !night.contains(minuteOfDay: 21 * 60 + 59))
    #expect(night.contains(Self.at(23, 30), in: Self.shanghai))
    #expect(!night.contains(Self.at(8, 0), in: Self.shanghai))
    #expect(night.end(after: Self.at(23, 30), in: Self.shanghai) == Self.at(7, 0, day: 31))
    #expect(night.end(after: Self.at(3, 15), in: Self.shanghai) == Self.at(7, 0))
    #expect(night.end(after: Self.at(9, 0), in: Self.shanghai) == Self.at(9, 0))
    let lunch = try QuietHours(parsing: "12:00-13:30")
    #expect(lunch.contains(minuteOfDay: 12 * 60 + 45) && !lunch.contains(minuteOfDay: 13 * 60 + 30))
    #expect(!lunch.contains(minuteOfDay: 23 * 60))
    #expect(lunch.end(after: Self.at(12, 10), in: Self.shanghai) == Self.at(13, 30))
    for bad in ["22:00", "7:00-08:00", "24:00-07:00", "22:00-22:00", "22:60-07:00", "ab:cd-07:00"] {
      #expect(throws: QuietHoursError.self, "\(bad)") { try QuietHours(parsing: bad) }
    }
  }

  /// The sample site with `table` appended to site.toml.
  static func sampleSite(with table: String) throws -> (TemporaryDirectory, String) {
    let directory = try TemporaryDirectory()
    let sitePath = try RepoPaths.copySampleSite(into: directory)
    let text = try String(contentsOfFile: sitePath, encoding: .utf8)
    try (text + "\n" + table).write(toFile: sitePath, atomically: true, encoding: .utf8)
    return (directory, sitePath)
  }

  @Test("[sms] in site.toml: read into siteSettings; bad values named with their line")
  func smsTable() throws {
    let (directory, sitePath) = try Self.sampleSite(
      with: """
        [sms]
        enabled = true
        gammu_config = "/etc/gammu-smsdrc"
        quiet_hours = "22:00-07:00"
        alarm1 = "{tenant}：{meter} 余额 {remaining}"
        """)
    _ = directory
    let site = try SiteFileReader.read(path: sitePath, knownProfiles: ShippedProfiles.names)
    #expect(site.sms.enabled && site.sms.gammuConfig == "/etc/gammu-smsdrc")
    #expect(site.sms.quietHours?.description == "22:00-07:00")
    #expect(site.sms.templates == [.alarm1: "{tenant}：{meter} 余额 {remaining}"])
    let database = try AppDatabase.inMemory()
    _ = try SiteImportService(database: database).importSite(site, by: "test", at: Date())
    let settings = try #require(SmsSettings(try database.siteSettings()))
    #expect(settings.enabled && settings.quietHours == site.sms.quietHours)
    #expect(settings.template(.alarm1).text == "{tenant}：{meter} 余额 {remaining}")
    #expect(settings.template(.arrears).text == SmsLevel.arrears.defaultTemplate)
    #expect(settings.siteNumbers == ["13917000001", "13917000002"])

    let (badDirectory, badPath) = try Self.sampleSite(
      with: """
        [sms]
        enabled = true
        quiet_hours = "22:00-25:00"
        arrears = "{tenant} 欠费 {money}"
        """)
    _ = badDirectory
    let error = try #require(throws: SiteErrors.self) {
      _ = try SiteFileReader.read(path: badPath, knownProfiles: ShippedProfiles.names)
    }
    let texts = error.issues.map { "\($0.line ?? 0): \($0.message)" }
    let lines = try String(contentsOfFile: badPath, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    let quietLine = try #require(lines.firstIndex { $0.hasPrefix("quiet_hours") }) + 1
    let arrearsLine = try #require(lines.firstIndex { $0.hasPrefix("arrears") }) + 1
    #expect(texts.contains { $0.hasPrefix("\(quietLine): ") && $0.contains("quiet_hours") }, "\(texts)")
    #expect(texts.contains { $0.hasPrefix("\(arrearsLine): ") && $0.contains("{money}") }, "\(texts)")
    #expect(texts.contains { $0.contains("needs gammu_config") }, "\(texts)")
  }

  /// An imported sample site in memory, with SMS on through `config` and `inject` as the program.
  static func site(config: String, quiet: String? = nil) throws -> AppDatabase {
    let (directory, sitePath) = try Self.sampleSite(
      with: """
        [sms]
        enabled = true
        gammu_config = "\(config)"
        \(quiet.map { "quiet_hours = \"\($0)\"" } ?? "")
        """)
    _ = directory
    let database = try AppDatabase.inMemory()
    _ = try SiteImportService(database: database).importSite(path: sitePath, by: "test", at: Date())
    return database
  }

  /// A reading of `meter` at `at` with `status` (normalised word) and a remaining amount.
  static func reading(_ meter: String, _ at: Date, status: Int64, remaining: Int64) -> ReadingRecord {
    var reading = ReadingRecord(meter: meter, readAt: at)
    reading.statusWord = status | 0x2000
    reading.relayClosed = true
    reading.remainingFen = remaining
    return reading
  }

  /// One write of transitions and readings.
  static func write(_ database: AppDatabase, _ alarms: [AlarmEventRecord], _ readings: [ReadingRecord]) throws
  {
    try database.recordAcquisition(
      AcquisitionWrite(
        readings: readings, days: readings.map { _ in "2026-11-30" }, links: [], alarms: alarms))
  }

  /// A stand-in for gammu-smsd-inject that logs its arguments and prints an id like the real one.
  static func fakeInject(_ directory: TemporaryDirectory) throws -> (path: String, log: String) {
    let path = directory.path("inject.sh")
    let log = directory.path("inject.log")
    try """
    #!/bin/sh
    echo "$@" >> \(log)
    echo "Written message with ID /tmp/outbox/OUTC$(date +%s%N)_$4_sms0.smsbackup"
    """.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return (path, log)
  }

  @Test(
    "alarm 1 entered twice (a restarted acquirer) is one episode and one SMS; a reading without it ends both")
  func exactlyOnce() throws {
    let directory = try TemporaryDirectory()
    let (inject, log) = try Self.fakeInject(directory)
    let database = try Self.site(config: directory.path("smsdrc"))
    let meter = "202411006138"
    let t0 = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    let entered = AlarmEventRecord(meter: meter, kind: "alarm1", entered: true, at: t0)
    try Self.write(database, [entered], [Self.reading(meter, t0, status: 0x40, remaining: 3_456)])
    let dispatcher = SmsDispatcher(database: database, injectPath: inject)
    let first = try dispatcher.run(at: t0)
    #expect(first.queued == 1 && first.injected == 1, "\(first)")
    // A second process sees the condition enter again.
    let again = AlarmEventRecord(meter: meter, kind: "alarm1", entered: true, at: t0.addingTimeInterval(60))
    try Self.write(
      database, [again], [Self.reading(meter, t0.addingTimeInterval(60), status: 0x40, remaining: 3_400)])
    #expect(try dispatcher.run(at: t0.addingTimeInterval(60)).queued == 0)
    let episodes = try database.alarmEpisodes(activeOnly: true)
    #expect(episodes.count == 1 && episodes.first?.kind == "alarm1" && episodes.first?.valueFen == 3_456)
    let messages = try database.smsMessages()
    #expect(messages.count == 1, "\(messages)")
    let message = try #require(messages.first)
    #expect(message.number == "15291074223" && message.state == .injected && message.level == "alarm1")
    #expect(message.text.contains("34.56") && message.text.contains("A-0502") && message.text.contains(meter))
    #expect(message.daemonId?.hasPrefix("OUTC") == true)
    let logged = try String(contentsOfFile: log, encoding: .utf8)
    #expect(logged.contains("TEXT 15291074223 -len 160 -unicode -textutf8"), "\(logged)")

    // The tenant bought power while nobody was acquiring: the next reading ends the episode.
    try Self.write(
      database, [], [Self.reading(meter, t0.addingTimeInterval(120), status: 0, remaining: 90_000)])
    #expect(try database.alarmEpisodes(activeOnly: true).isEmpty)
    #expect(try database.alarmEpisodes().first?.endedAt == t0.addingTimeInterval(120))
  }

  @Test("quiet hours hold a message; an alarm that ends meanwhile cancels it; auto-SMS off queues none")
  func quietAndAutoSmsOff() throws {
    let directory = try TemporaryDirectory()
    let (inject, _) = try Self.fakeInject(directory)
    let database = try Self.site(config: directory.path("smsdrc"), quiet: "22:00-07:00")
    let dispatcher = SmsDispatcher(database: database, injectPath: inject)
    let (meter, quietMeter) = ("202411006138", "202411006139")
    try database.setAutoSms(meter: quietMeter, false)
    let night = Self.at(23, 0)
    try Self.write(
      database,
      [
        AlarmEventRecord(meter: meter, kind: "arrears", entered: true, at: night),
        AlarmEventRecord(meter: quietMeter, kind: "arrears", entered: true, at: night),
      ],
      [
        Self.reading(meter, night, status: 0x20, remaining: -50),
        Self.reading(quietMeter, night, status: 0x20, remaining: -1),
      ])
    let held = try dispatcher.run(at: night)
    #expect(held.held && held.queued == 1 && held.injected == 0, "\(held)")
    #expect(try database.smsMessages().map(\.state) == [.queued])
    let morning = Self.at(7, 0, day: 31)
    let sent = try dispatcher.run(at: morning)
    #expect(sent.injected == 1 && !sent.held, "\(sent)")
    #expect(try database.smsMessages().map(\.meter) == [meter])

    // Another night: the arrears ends before the quiet hours do.
    let next = Self.at(23, 0, day: 31)
    try Self.write(
      database, [AlarmEventRecord(meter: meter, kind: "arrears", entered: false, at: next)],
      [Self.reading(meter, next, status: 0, remaining: 10_000)])
    try Self.write(
      database,
      [AlarmEventRecord(meter: meter, kind: "arrears", entered: true, at: next.addingTimeInterval(60))],
      [Self.reading(meter, next.addingTimeInterval(60), status: 0x20, remaining: -10)])
    #expect(try dispatcher.run(at: next.addingTimeInterval(60)).queued == 1)
    try Self.write(
      database,
      [AlarmEventRecord(meter: meter, kind: "arrears", entered: false, at: next.addingTimeInterval(120))],
      [Self.reading(meter, next.addingTimeInterval(120), status: 0, remaining: 10_000)])
    let cancelled = try dispatcher.run(at: next.addingTimeInterval(120))
    #expect(cancelled.cancelled == 1, "\(cancelled)")
    #expect(try database.smsMessages().map(\.state) == [.injected, .cancelled])
  }
}

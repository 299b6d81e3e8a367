import Domain
import Foundation
import Store

/// The site's SMS settings as the dispatcher uses them (from `[sms]` in site.toml, via siteSettings).
public struct SmsSettings: Sendable, Hashable {
  /// Whether alarm SMS go out.
  public var enabled: Bool
  /// The daemon's configuration file.
  public var gammuConfig: String?
  /// Quiet hours, nil for none.
  public var quietHours: QuietHours?
  /// Templates by level; missing levels use the built-in text.
  public var templates: [SmsLevel: String]
  /// The site's name, for `{site}`.
  public var siteName: String
  /// Numbers that receive bus / gateway warnings.
  public var siteNumbers: [String]
  /// The site's time zone, for quiet hours.
  public var timeZone: TimeZone

  /// Reads the settings row; nil before a site is imported.
  public init?(_ record: SiteSettingsRecord?) {
    guard let record else { return nil }
    enabled = record.smsEnabled
    gammuConfig = record.smsGammuConfig
    quietHours = record.smsQuietHours.flatMap { try? QuietHours(parsing: $0) }
    templates = Self.templates(fromJSON: record.smsTemplates)
    siteName = record.name
    siteNumbers = record.smsNumbers.split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    timeZone = TimeZone(identifier: record.timeZone) ?? .current
  }

  /// The template of a level.
  public func template(_ level: SmsLevel) -> SmsTemplate {
    SmsTemplate(templates[level] ?? level.defaultTemplate)
  }

  /// Templates as the JSON object stored in siteSettings (empty text for none).
  public static func templatesJSON(_ templates: [SmsLevel: String]) -> String {
    guard !templates.isEmpty else { return "" }
    let plain = Dictionary(uniqueKeysWithValues: templates.map { ($0.key.rawValue, $0.value) })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(plain) else { return "" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Templates from the stored JSON object.
  public static func templates(fromJSON text: String) -> [SmsLevel: String] {
    guard !text.isEmpty,
      let plain = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    else { return [:] }
    var result: [SmsLevel: String] = [:]
    for (key, value) in plain {
      if let level = SmsLevel(rawValue: key) { result[level] = value }
    }
    return result
  }
}

/// What one dispatcher run did.
public struct SmsRunSummary: Sendable, Hashable {
  /// Messages newly queued.
  public var queued = 0
  /// Messages handed to the daemon.
  public var injected = 0
  /// Messages read back as sent.
  public var sent = 0
  /// Messages that failed (handing over or sending).
  public var failed = 0
  /// Messages cancelled because their alarm ended while they waited.
  public var cancelled = 0
  /// True when quiet hours held the queued messages back.
  public var held = false
}

/// The SMS warnings (三级预警): queues one message per new episode and level (alarm 1, alarm 2 and
/// arrears to the tenant's phone for auto-SMS meters of open accounts; bus down to the site's
/// numbers), hands queued messages to Gammu's SMS daemon outside quiet hours, and reads back what the
/// daemon sent. Run by the lease holder after each sweep.
public struct SmsDispatcher: Sendable {
  let database: AppDatabase
  let injectPath: String?

  /// A dispatcher over `database`; `injectPath` overrides where `gammu-smsd-inject` is.
  public init(database: AppDatabase, injectPath: String? = nil) {
    self.database = database
    self.injectPath = injectPath
  }

  /// One run at `now`; does nothing while SMS is disabled.
  public func run(at now: Date) throws -> SmsRunSummary {
    var summary = SmsRunSummary()
    guard let settings = SmsSettings(try database.siteSettings()), settings.enabled else { return summary }
    summary.queued = try database.queueSms(
      Self.messages(for: try database.smsCandidates(), settings, at: now))
    summary.cancelled = try database.cancelStaleSms(at: now)
    guard let config = settings.gammuConfig else { return summary }
    let daemon = GammuSmsd(configPath: config, injectPath: injectPath)
    if let quiet = settings.quietHours, quiet.contains(now, in: settings.timeZone) {
      summary.held = true
    } else {
      for message in try database.smsMessages(states: [.queued]) {
        guard let id = message.id else { continue }
        do {
          let daemonId = try daemon.inject(number: message.number, text: message.text)
          try database.updateSms(id: id, state: .injected, daemonId: daemonId, at: Date())
          summary.injected += 1
        } catch {
          try database.updateSms(id: id, state: .failed, error: "\(error)", at: Date())
          summary.failed += 1
        }
      }
    }
    for message in try database.smsMessages(states: [.injected]) {
      guard let id = message.id, let daemonId = message.daemonId,
        let fate = daemon.fate(of: daemonId)
      else { continue }
      let error = fate == .failed ? "the SMS daemon could not send it (moved to its error folder)" : nil
      try database.updateSms(id: id, state: fate, error: error, at: Date())
      if fate == .sent { summary.sent += 1 } else { summary.failed += 1 }
    }
    return summary
  }

  /// The messages for new episodes: one per tenant episode, one per site number for a bus episode;
  /// of levels of one meter beginning together, the less severe are recorded as cancelled.
  static func messages(for candidates: [SmsCandidate], _ settings: SmsSettings, at now: Date)
    -> [SmsMessageRecord]
  {
    // Levels of one meter that begin together (a meter found straight in arrears is below both
    // alarm amounts too): only the most severe goes out; the others are recorded as superseded.
    let severity: [SmsLevel: Int] = [.alarm1: 1, .alarm2: 2, .arrears: 3]
    var worst: [String: Int] = [:]
    for candidate in candidates {
      guard let meter = candidate.meter, let level = SmsLevel(rawValue: candidate.kind) else { continue }
      worst[meter] = max(worst[meter] ?? 0, severity[level] ?? 0)
    }
    var messages: [SmsMessageRecord] = []
    for candidate in candidates {
      guard let level = SmsLevel(rawValue: candidate.kind) else { continue }
      let superseded = candidate.meter.map { (severity[level] ?? 0) < (worst[$0] ?? 0) } ?? false
      let values: [String: String] = [
        "site": settings.siteName, "tenant": candidate.tenant, "shop": candidate.shop,
        "meter": candidate.meter ?? candidate.bus ?? "", "bus": candidate.bus ?? "",
        "remaining": candidate.valueFen.map { Money(fen: $0).decimalString } ?? "",
        "level": level.chineseName,
      ]
      let text = settings.template(level).render(values)
      let numbers = level == .busDown ? settings.siteNumbers : [candidate.phone]
      for number in numbers where !number.isEmpty {
        var message = SmsMessageRecord(
          number: number, meter: candidate.meter, account: candidate.account, bus: candidate.bus,
          episode: candidate.episode, level: level.rawValue, text: text, at: now)
        if superseded {
          message.state = .cancelled
          message.error = "superseded by a more severe level that began at the same time"
        }
        messages.append(message)
      }
    }
    return messages
  }
}

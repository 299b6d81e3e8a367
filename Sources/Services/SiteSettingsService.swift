import Domain
import Foundation
import SiteConfig
import Store

/// A field of the settings form, named as site.toml names it.
public enum SettingsField: String, Sendable, CaseIterable, Hashable {
  /// Seconds between routine sweeps (集抄时间间隔).
  case collectionInterval = "collection_interval_seconds"
  /// Failed tries after which a meter counts as offline.
  case offlineAfterFailures = "offline_after_failures"
  /// Default alarm-1 amount.
  case alarm1
  /// Default alarm-2 amount.
  case alarm2
  /// Hoarding cap (囤积金额上限).
  case hoardingCap = "hoarding_cap"
  /// Default power threshold, watts.
  case powerThreshold = "power_threshold_w"
  /// Default tariff name.
  case defaultTariff = "tariff"
  /// Numbers that receive site alarm SMS.
  case smsNumbers = "sms_numbers"
  /// CUPS queue for receipts.
  case receiptQueue = "receipt_queue"
  /// Receipt paper.
  case printerPaper = "paper"
  /// Whether the receipt printer speaks ESC/POS.
  case printerEscpos = "escpos"
  /// Age of the last reading after which a sale reads the meter first, seconds.
  case saleReadMaxAge = "sale_read_max_age_seconds"
  /// Days raw readings are kept.
  case readingRetention = "reading_retention_days"
  /// Whether alarm SMS are sent.
  case smsEnabled = "sms_enabled"
  /// The gammu-smsd configuration `gammu-smsd-inject -c` takes.
  case smsGammuConfig = "gammu_config"
  /// Hours when SMS are held ("22:00-07:00"), empty for none.
  case smsQuietHours = "quiet_hours"
  /// The alarm-1 SMS text.
  case smsAlarm1 = "sms_alarm1"
  /// The alarm-2 SMS text.
  case smsAlarm2 = "sms_alarm2"
  /// The arrears SMS text.
  case smsArrears = "sms_arrears"
  /// The bus-down SMS text.
  case smsBusDown = "sms_bus_down"
  /// Folder of the daily backup, empty for none.
  case backupFolder = "backup_folder"
  /// Local time of the daily backup, "HH:MM".
  case backupTime = "backup_time"
  /// Daily backups kept.
  case backupKeep = "backup_keep"
}

/// One refusal of the settings form: the field and why.
public struct SettingsProblem: Sendable, Hashable, CustomStringConvertible {
  /// The field at fault.
  public var field: SettingsField
  /// An English reason.
  public var message: String

  /// Creates a problem.
  public init(field: SettingsField, message: String) {
    self.field = field
    self.message = message
  }

  /// `field: message`.
  public var description: String { "\(field.rawValue): \(message)" }
}

/// One field that a save changed, as text.
public struct SettingsChange: Sendable, Hashable, CustomStringConvertible {
  /// The field.
  public var field: SettingsField
  /// Its value before.
  public var old: String
  /// Its value after.
  public var new: String

  /// `field old → new`.
  public var description: String { "\(field.rawValue) \(old) → \(new)" }
}

/// Why the settings could not be saved.
public enum SiteSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The operator may not edit settings.
  case notPermitted(String)
  /// The values break the site rules.
  case invalid([SettingsProblem])
  /// The database has no site yet.
  case noSite

  /// A short English reason.
  public var description: String {
    switch self {
    case .notPermitted(let name): return "operator \"\(name)\" may not edit the site settings"
    case .invalid(let problems): return problems.map(\.description).joined(separator: "; ")
    case .noSite: return "the database has no site; run meterdesk init first"
    }
  }
}

/// The site-wide defaults (系统设置) as the settings form edits them.
public struct EditableSiteSettings: Sendable, Hashable {
  /// Seconds between routine sweeps.
  public var collectionIntervalSeconds: Int
  /// Failed tries in a row after which a meter counts as offline.
  public var offlineAfterFailures: Int
  /// Default alarm-1 amount.
  public var alarm1: Money
  /// Default alarm-2 amount (at most alarm 1).
  public var alarm2: Money
  /// The most a tenant may hold on a meter.
  public var hoardingCap: Money
  /// Default overload power threshold in watts.
  public var powerThresholdW: Int
  /// Name of the default tariff (empty: none).
  public var defaultTariff: String
  /// Numbers that receive site alarm SMS.
  public var smsNumbers: [String]
  /// CUPS queue for receipts; nil or empty prints to a file beside the database.
  public var receiptQueue: String?
  /// Receipt paper: `58mm`, `80mm` or `dot-matrix`.
  public var printerPaper: String
  /// Whether the receipt printer speaks ESC/POS.
  public var printerEscpos: Bool
  /// A sale first reads its meter when the last reading is older than this, seconds.
  public var saleReadMaxAgeSeconds: Int
  /// Days raw readings are kept.
  public var readingRetentionDays: Int
  /// Whether alarm SMS are sent.
  public var smsEnabled: Bool
  /// The gammu-smsd configuration file, empty for none.
  public var smsGammuConfig: String
  /// SMS quiet hours ("22:00-07:00"), empty for none.
  public var smsQuietHours: String
  /// SMS texts per level; a level missing uses its built-in Chinese text.
  public var smsTemplates: [SmsLevel: String]
  /// Folder of the daily backup, empty for none.
  public var backupFolder: String
  /// Local time "HH:MM" of the daily backup, empty for none.
  public var backupTime: String
  /// Daily backups kept.
  public var backupKeep: Int

  /// The editable part of a stored settings row.
  public init(_ record: SiteSettingsRecord) {
    collectionIntervalSeconds = record.collectionIntervalSeconds
    offlineAfterFailures = record.offlineAfterFailures
    alarm1 = Money(fen: record.alarm1Fen)
    alarm2 = Money(fen: record.alarm2Fen)
    hoardingCap = Money(fen: record.hoardingCapFen)
    powerThresholdW = record.powerThresholdW
    defaultTariff = record.defaultTariff
    smsNumbers = record.smsNumbers.split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    receiptQueue = record.receiptQueue
    printerPaper = record.printerPaper
    printerEscpos = record.printerEscpos
    saleReadMaxAgeSeconds = record.saleReadMaxAgeSeconds
    readingRetentionDays = record.readingRetentionDays
    smsEnabled = record.smsEnabled
    smsGammuConfig = record.smsGammuConfig ?? ""
    smsQuietHours = record.smsQuietHours ?? ""
    smsTemplates = SmsSettings.templates(fromJSON: record.smsTemplates)
    backupFolder = record.backupFolder ?? ""
    backupTime = record.backupTime ?? ""
    backupKeep = record.backupKeep
  }

  /// Writes the editable fields into a stored row, leaving the others (name, code, zone…) alone.
  public func apply(to record: inout SiteSettingsRecord) {
    record.collectionIntervalSeconds = collectionIntervalSeconds
    record.offlineAfterFailures = offlineAfterFailures
    record.alarm1Fen = alarm1.fen
    record.alarm2Fen = alarm2.fen
    record.hoardingCapFen = hoardingCap.fen
    record.powerThresholdW = powerThresholdW
    record.defaultTariff = defaultTariff
    record.smsNumbers = smsNumbers.joined(separator: ",")
    record.receiptQueue = receiptQueue.flatMap { $0.isEmpty ? nil : $0 }
    record.printerPaper = printerPaper
    record.printerEscpos = printerEscpos
    record.saleReadMaxAgeSeconds = saleReadMaxAgeSeconds
    record.readingRetentionDays = readingRetentionDays
    record.smsEnabled = smsEnabled
    record.smsGammuConfig = smsGammuConfig.isEmpty ? nil : smsGammuConfig
    record.smsQuietHours = smsQuietHours.isEmpty ? nil : smsQuietHours
    record.smsTemplates = SmsSettings.templatesJSON(smsTemplates.filter { !$0.value.isEmpty })
    record.backupFolder = backupFolder.isEmpty ? nil : backupFolder
    record.backupTime = backupTime.isEmpty ? nil : backupTime
    record.backupKeep = backupKeep
  }

  /// Each field's value as the audit log and the form show it.
  public func text(of field: SettingsField) -> String {
    switch field {
    case .collectionInterval: return "\(collectionIntervalSeconds)"
    case .offlineAfterFailures: return "\(offlineAfterFailures)"
    case .alarm1: return alarm1.decimalString
    case .alarm2: return alarm2.decimalString
    case .hoardingCap: return hoardingCap.decimalString
    case .powerThreshold: return "\(powerThresholdW)"
    case .defaultTariff: return defaultTariff
    case .smsNumbers: return smsNumbers.joined(separator: ",")
    case .receiptQueue: return receiptQueue ?? ""
    case .printerPaper: return printerPaper
    case .printerEscpos: return printerEscpos ? "true" : "false"
    case .saleReadMaxAge: return "\(saleReadMaxAgeSeconds)"
    case .readingRetention: return "\(readingRetentionDays)"
    case .smsEnabled: return smsEnabled ? "true" : "false"
    case .smsGammuConfig: return smsGammuConfig
    case .smsQuietHours: return smsQuietHours
    case .smsAlarm1: return smsTemplates[.alarm1] ?? ""
    case .smsAlarm2: return smsTemplates[.alarm2] ?? ""
    case .smsArrears: return smsTemplates[.arrears] ?? ""
    case .smsBusDown: return smsTemplates[.busDown] ?? ""
    case .backupFolder: return backupFolder
    case .backupTime: return backupTime
    case .backupKeep: return "\(backupKeep)"
    }
  }

  /// The fields whose text differs from `other`'s, in form order.
  public func changes(from other: EditableSiteSettings) -> [SettingsChange] {
    SettingsField.allCases.compactMap { field in
      let old = other.text(of: field)
      let new = text(of: field)
      return old == new ? nil : SettingsChange(field: field, old: old, new: new)
    }
  }
}

/// What a save did.
public struct SettingsSaveResult: Sendable, Hashable {
  /// The fields changed (empty: nothing to save, nothing written).
  public var changes: [SettingsChange]
  /// The settings version after the save (see `AppDatabase.settingsVersion()`).
  public var version: Int64
  /// Whether a running lease holder took the doorbell (it reloads within its poll otherwise).
  public var holderWoken: Bool
}

/// Site settings (系统设置): read as an editable value, validated by the site import's rules, saved in
/// one transaction with an audit line naming each changed field old → new, and announced to the lease
/// holder, which takes them up without a restart (``SettingsFollower``).
public struct SiteSettingsService: Sendable {
  let database: AppDatabase
  let databasePath: String?

  /// Creates the service; with the database's path a save rings the lease holder's doorbell.
  public init(database: AppDatabase, databasePath: String?) {
    self.database = database
    self.databasePath = databasePath
  }

  /// The settings as stored now.
  public func load() throws -> EditableSiteSettings {
    guard let record = try database.siteSettings() else { throw SiteSettingsError.noSite }
    return EditableSiteSettings(record)
  }

  /// The settings version now (0 before any edit).
  public func version() throws -> Int64 { try database.settingsVersion() }

  /// Every rule the values break, each naming its field; empty when they can be saved.
  public func validate(_ settings: EditableSiteSettings) throws -> [SettingsProblem] {
    let tariffs = Set(try database.tariffs().map(\.name))
    return Self.validate(settings, knownTariffs: tariffs)
  }

  /// The rules of site.toml's `[defaults]` and `[printer]` (``SiteSettingRules``), against `knownTariffs`.
  public static func validate(_ s: EditableSiteSettings, knownTariffs: Set<String>) -> [SettingsProblem] {
    var problems: [SettingsProblem] = []
    func range(_ field: SettingsField, _ value: Int, _ range: ClosedRange<Int>, _ unit: String) {
      guard !range.contains(value) else { return }
      problems.append(
        SettingsProblem(
          field: field, message: "\(value) is outside \(range.lowerBound)–\(range.upperBound) \(unit)"))
    }
    func positive(_ field: SettingsField, _ value: Money) {
      guard !value.isPositive else { return }
      problems.append(SettingsProblem(field: field, message: "\(value) must be more than zero"))
    }
    range(
      .collectionInterval, s.collectionIntervalSeconds, SiteSettingRules.collectionIntervalSeconds, "seconds")
    range(.offlineAfterFailures, s.offlineAfterFailures, SiteSettingRules.offlineAfterFailures, "tries")
    positive(.alarm1, s.alarm1)
    positive(.alarm2, s.alarm2)
    positive(.hoardingCap, s.hoardingCap)
    if s.alarm2 > s.alarm1 {
      problems.append(
        SettingsProblem(field: .alarm2, message: "alarm2 \(s.alarm2) must not exceed alarm1 \(s.alarm1)"))
    }
    range(.powerThreshold, s.powerThresholdW, SiteSettingRules.powerThresholdW, "W")
    if !s.defaultTariff.isEmpty, !knownTariffs.contains(s.defaultTariff) {
      problems.append(
        SettingsProblem(
          field: .defaultTariff,
          message:
            "unknown tariff \"\(s.defaultTariff)\" (known: \(knownTariffs.sorted().joined(separator: ", ")))")
      )
    }
    for number in s.smsNumbers where !SiteSettingRules.isPhoneNumber(number) {
      problems.append(SettingsProblem(field: .smsNumbers, message: "\"\(number)\" is not a phone number"))
    }
    if let queue = s.receiptQueue,
      queue.contains(where: {
        $0.isWhitespace || $0 == "/" || $0 == "#" || $0.asciiValue.map { $0 < 32 } == true
      })
    {
      problems.append(
        SettingsProblem(
          field: .receiptQueue, message: "\"\(queue)\" is not a CUPS queue name (no spaces, / or #)"))
    }
    if PrinterPaper(rawValue: s.printerPaper) == nil {
      problems.append(
        SettingsProblem(
          field: .printerPaper, message: "paper \"\(s.printerPaper)\" is not \(PrinterPaper.choices)"))
    }
    range(.saleReadMaxAge, s.saleReadMaxAgeSeconds, SiteSettingRules.saleReadMaxAgeSeconds, "seconds")
    range(.readingRetention, s.readingRetentionDays, SiteSettingRules.readingRetentionDays, "days")
    if s.smsEnabled, s.smsGammuConfig.isEmpty {
      problems.append(
        SettingsProblem(field: .smsGammuConfig, message: "SMS is enabled but no gammu config is set"))
    }
    if !s.smsQuietHours.isEmpty {
      do throws(QuietHoursError) {
        _ = try QuietHours(parsing: s.smsQuietHours)
      } catch {
        problems.append(SettingsProblem(field: .smsQuietHours, message: error.description))
      }
    }
    let templateFields: [(SmsLevel, SettingsField)] = [
      (.alarm1, .smsAlarm1), (.alarm2, .smsAlarm2), (.arrears, .smsArrears), (.busDown, .smsBusDown),
    ]
    for (level, field) in templateFields {
      let unknown = SmsTemplate(s.smsTemplates[level] ?? "").unknownPlaceholders
      if !unknown.isEmpty {
        problems.append(
          SettingsProblem(
            field: field, message: "unknown placeholder \(unknown.map { "{\($0)}" }.joined(separator: ", "))")
        )
      }
    }
    if !s.backupFolder.isEmpty, !s.backupFolder.hasPrefix("/") {
      problems.append(
        SettingsProblem(field: .backupFolder, message: "\"\(s.backupFolder)\" must be an absolute path"))
    }
    if !s.backupTime.isEmpty, (try? TimeOfUseSchedule.minuteOfDay(s.backupTime)) == nil {
      problems.append(SettingsProblem(field: .backupTime, message: "\"\(s.backupTime)\" is not a time HH:MM"))
    }
    if s.backupFolder.isEmpty != s.backupTime.isEmpty {
      problems.append(
        SettingsProblem(
          field: s.backupFolder.isEmpty ? .backupFolder : .backupTime,
          message: "the daily backup needs both a folder and a time"))
    }
    range(.backupKeep, s.backupKeep, 1...365, "backups")
    return problems
  }

  /// Saves the settings (``Permission/editSettings``, checked against the operator as stored): validated,
  /// written in one transaction with a `settings.update` audit line listing each changed field
  /// old → new, then the lease holder's doorbell is rung so it reloads. Nothing is written when
  /// nothing changed.
  @discardableResult
  public func save(_ settings: EditableSiteSettings, by session: Session, at now: Date = Date()) throws
    -> SettingsSaveResult
  {
    guard session.allows(.editSettings), let actor = try database.operator(named: session.name),
      !actor.disabled, Role(rawValue: actor.role)?.allows(.editSettings) == true
    else { throw SiteSettingsError.notPermitted(session.name) }
    let problems = try validate(settings)
    guard problems.isEmpty else { throw SiteSettingsError.invalid(problems) }
    var changes: [SettingsChange] = []
    let version: Int64
    do {
      version = try database.changeSiteSettings { record in
        changes = settings.changes(from: EditableSiteSettings(record))
        guard !changes.isEmpty else { return nil }
        settings.apply(to: &record)
        return AuditRecord(
          at: now, operator: session.name, action: AppDatabase.settingsUpdateAction, target: "site",
          detail: changes.map(\.description).joined(separator: "; "))
      }.version
    } catch SiteSettingsStoreError.noSite {
      throw SiteSettingsError.noSite
    }
    var woken = false
    if !changes.isEmpty, let databasePath { woken = SiteWake.ring(database: databasePath) }
    return SettingsSaveResult(changes: changes, version: version, holderWoken: woken)
  }
}

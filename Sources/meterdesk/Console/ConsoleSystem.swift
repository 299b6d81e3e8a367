import Documents
import Domain
import Foundation
import Screens
import Services
import Store

/// The system screen's work (F11) and the alarm screen's (F12), off the console loop: own password,
/// operator administration, the operation log, site settings and alarms.
final class ConsoleSystem {
  let env: ConsoleEnvironment
  private let post: @Sendable (BackgroundResult) -> Void
  private let queue = DispatchQueue(label: "meterdesk.system")
  private var lastStatus = AlarmStatus()
  private var lastStatusCheck = Date.distantPast

  init(environment: ConsoleEnvironment, post: @escaping @Sendable (BackgroundResult) -> Void) {
    env = environment
    self.post = post
  }

  /// The form's fields as the settings service names them.
  static let fields: [SettingsFieldID: SettingsField] = [
    .collectionInterval: .collectionInterval, .offlineAfter: .offlineAfterFailures, .alarm1: .alarm1,
    .alarm2: .alarm2, .hoardingCap: .hoardingCap, .powerThreshold: .powerThreshold,
    .defaultTariff: .defaultTariff, .smsNumbers: .smsNumbers, .receiptQueue: .receiptQueue,
    .printerPaper: .printerPaper, .printerEscpos: .printerEscpos, .saleReadMaxAge: .saleReadMaxAge,
    .retentionDays: .readingRetention, .smsEnabled: .smsEnabled, .smsGammuConfig: .smsGammuConfig,
    .smsQuietHours: .smsQuietHours, .smsAlarm1: .smsAlarm1, .smsAlarm2: .smsAlarm2, .smsArrears: .smsArrears,
    .smsBusDown: .smsBusDown, .backupFolder: .backupFolder, .backupTime: .backupTime,
    .backupKeep: .backupKeep,
  ]

  /// Carries out one of the system or alarm effects as `session`.
  func perform(_ effect: Effect, session: Session?) {
    let post = self.post
    let env = self.env
    queue.async {
      guard let session else {
        post(.action(.errorReported(ConsoleText.notLoggedIn(env.language))))
        return
      }
      for action in Self.run(effect, session: session, env: env) { post(.action(action)) }
    }
  }

  /// Counts the active alarms for the status line about every two seconds; returns the new count when it
  /// changed.
  func tick(now: Date) -> AppAction? {
    guard now.timeIntervalSince(lastStatusCheck) >= 2 else { return nil }
    lastStatusCheck = now
    guard let active = try? AlarmService(database: env.database).active() else { return nil }
    let open = active.filter { $0.acknowledgedBy == nil }
    let newest = open.max { $0.id < $1.id }
    let status = AlarmStatus(
      active: active.count, unacknowledged: open.count,
      newest: newest.map { ($0.kind, $0.meter ?? $0.bus ?? "") })
    guard status != lastStatus else { return nil }
    lastStatus = status
    return .alarmStatusChanged(status)
  }

  private static func run(_ effect: Effect, session: Session, env: ConsoleEnvironment) -> [AppAction] {
    let database = env.database
    let admin = OperatorAdminService(database: database)
    let language = env.language
    func failed(_ error: any Error) -> String { ConsoleText.describe(error, language) }
    switch effect {
    case .changeOwnPassword(let old, let new):
      do {
        try admin.changeOwnPassword(name: session.name, old: old, new: new, at: Date())
        return [.system(.passwordChanged(error: nil))]
      } catch {
        return [.system(.passwordChanged(error: failed(error)))]
      }
    case .loadOperators:
      do {
        let rows = try admin.list().map { state in
          OperatorRow(
            name: state.name, role: state.role ?? .cashier, disabled: state.disabled,
            lockedUntil: state.lockedUntil, lastLogIn: state.lastLogin)
        }
        return [.system(.operatorsLoaded(rows))]
      } catch {
        return [.errorReported(failed(error))]
      }
    case .addOperator(let name, let role, let password):
      return operatorChange(name) {
        guard session.allows(.manageOperators) else {
          throw OperatorAdminError.notPermitted(operator: session.name, .manageOperators)
        }
        guard password.count >= OperatorAdminService.minimumPasswordLength else {
          throw OperatorAdminError.passwordTooShort(minimum: OperatorAdminService.minimumPasswordLength)
        }
        try OperatorService(database: database).add(
          name: name, role: role.rawValue, password: password, by: session.name, at: Date())
      }
    case .setOperatorDisabled(let name, let disabled):
      return operatorChange(name) {
        if disabled {
          try admin.disable(name: name, by: session)
        } else {
          try admin.enable(name: name, by: session)
        }
      }
    case .resetOperatorPassword(let name, let password):
      return operatorChange(name) { try admin.resetPassword(name: name, newPassword: password, by: session) }
    case .setOperatorRole(let name, let role):
      return operatorChange(name) { try admin.setRole(name: name, role: role, by: session) }
    case .loadAudit(let filter):
      return loadAudit(filter, env: env)
    case .exportAudit(let filter):
      return exportAudit(filter, session: session, env: env)
    case .loadSettings:
      do {
        let settings = try SiteSettingsService(database: database, databasePath: env.runtime.databasePath)
          .load()
        return [.system(.settingsLoaded(fields.mapValues { settings.text(of: $0) }))]
      } catch {
        return [.errorReported(failed(error))]
      }
    case .saveSettings(let values):
      return saveSettings(values, session: session, env: env)
    case .loadAlarms:
      return loadAlarms(env: env)
    case .setQueryPassword(let account, let password):
      guard session.allows(.editAccount) else {
        return [
          .accountQueryPasswordSet(
            account: account,
            error: failed(SalesError.notAllowed(operator: session.name, permission: .editAccount)))
        ]
      }
      do {
        try KioskService(database: database).setPassword(
          account: account, password: password, by: session.name, at: Date())
        return [.accountQueryPasswordSet(account: account, error: nil)]
      } catch {
        return [.accountQueryPasswordSet(account: account, error: failed(error))]
      }
    case .acknowledgeAlarms(let ids):
      do {
        let service = AlarmService(database: database)
        for id in ids { try service.acknowledge(id: id, by: session, at: Date()) }
        return [.alarms(.acknowledged(count: ids.count, error: nil))]
      } catch {
        return [.alarms(.acknowledged(count: 0, error: failed(error)))]
      }
    default:
      return []
    }
    func operatorChange(_ name: String, _ body: () throws -> Void) -> [AppAction] {
      do {
        try body()
        env.logger.info("operator \(name) changed by \(session.name)")
        return [.system(.operatorChanged(name: name, error: nil))]
      } catch {
        return [.system(.operatorChanged(name: name, error: failed(error)))]
      }
    }
  }

  private static func auditFilter(_ filter: [String: String], zone: TimeZone) -> AuditFilter {
    AuditFilter(
      operator: filter["operator"], action: filter["action"],
      from: filter["from"].flatMap(ReportDay.init).map { $0.start(in: zone) },
      to: filter["to"].flatMap(ReportDay.init).map { $0.end(in: zone) }, limit: 5_000)
  }

  private static func loadAudit(_ filter: [String: String], env: ConsoleEnvironment) -> [AppAction] {
    let service = AuditService(database: env.database)
    do {
      let entries = try service.entries(auditFilter(filter, zone: env.runtime.timeZone))
      let rows = entries.map { entry in
        AuditRow(
          id: entry.record.id ?? 0, at: entry.record.at, operator: entry.record.operator,
          action: entry.record.action, target: entry.record.target, detail: entry.record.detail)
      }
      let chain: AuditChainModel
      do {
        let verification = try service.verify()
        chain = AuditChainModel(holds: verification.holds, text: chainText(verification, env.language))
      } catch {
        chain = AuditChainModel(holds: false, text: "\(error)")
      }
      return [.system(.auditLoaded(rows, chain))]
    } catch {
      return [.errorReported("\(error)")]
    }
  }

  private static func chainText(_ verification: AuditVerification, _ language: Language) -> String {
    guard language == .zh else { return verification.summary }
    if let problem = verification.problem {
      let what =
        switch problem.kind {
        case .changed: "被改动"
        case .removed: "之前有记录被删除"
        case .inserted: "是插入的记录"
        case .unsigned: "没有签名（写入进程没有站点密钥）"
        }
      return "操作日志链已断开：第 \(problem.entry) 条\(what)"
    }
    var text = "操作日志链完整：已校验 \(verification.verified) / \(verification.entries) 条"
    if let predating = verification.predating {
      text += "（第 \(predating.lowerBound)–\(predating.upperBound) 条早于链的建立）"
    }
    return text
  }

  private static func exportAudit(_ filter: [String: String], session: Session, env: ConsoleEnvironment)
    -> [AppAction]
  {
    let folder = URL(fileURLWithPath: env.receiptFile).deletingLastPathComponent().appendingPathComponent(
      "exports")
    let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
    let path = folder.appendingPathComponent("audit-\(stamp).xlsx").path
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let entries = try AuditService(database: env.database).entries(
        auditFilter(filter, zone: env.runtime.timeZone))
      let table = AuditService.table(
        entries, siteName: try env.database.siteSettings()?.name ?? "", timeZone: env.runtime.timeZone)
      try XLSXWriter.write(table, to: path)
      try env.database.appendAudit(
        AuditRecord(
          at: Date(), operator: session.name, action: "audit.export", target: "operation log",
          detail: "\(entries.count) entries to \(path)"))
      return [.system(.auditExported(path: path, error: nil))]
    } catch {
      return [.system(.auditExported(path: nil, error: "\(error)"))]
    }
  }

  private static func saveSettings(
    _ values: [SettingsFieldID: String], session: Session, env: ConsoleEnvironment
  )
    -> [AppAction]
  {
    let service = SiteSettingsService(database: env.database, databasePath: env.runtime.databasePath)
    do {
      var settings = try service.load()
      var problems: [SettingsFieldID: String] = [:]
      for (id, text) in values {
        if let problem = parse(text, into: &settings, id: id, language: env.language) {
          problems[id] = problem
        }
      }
      guard problems.isEmpty else { return [.system(.settingsSaved(problems: problems, error: nil))] }
      for problem in try service.validate(settings) {
        if let id = fields.first(where: { $0.value == problem.field })?.key { problems[id] = problem.message }
      }
      guard problems.isEmpty else { return [.system(.settingsSaved(problems: problems, error: nil))] }
      let result = try service.save(settings, by: session)
      env.logger.info("settings saved by \(session.name): \(result.changes.map(\.description))")
      return [.system(.settingsSaved(problems: [:], error: nil))]
    } catch {
      return [.system(.settingsSaved(problems: [:], error: ConsoleText.describe(error, env.language)))]
    }
  }

  /// Reads one field's text into `settings`; the problem when it is not a value of the right kind.
  private static func parse(
    _ text: String, into settings: inout EditableSiteSettings, id: SettingsFieldID, language: Language
  ) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let zh = language == .zh
    func integer(_ apply: (Int) -> Void) -> String? {
      guard let value = Int(trimmed) else { return zh ? "应为整数" : "must be a whole number" }
      apply(value)
      return nil
    }
    func money(_ apply: (Money) -> Void) -> String? {
      switch Money.parse(trimmed, requirePositive: false) {
      case .success(let value):
        apply(value)
        return nil
      case .failure: return zh ? "应为金额，如 50.00" : "must be an amount like 50.00"
      }
    }
    switch id {
    case .collectionInterval: return integer { settings.collectionIntervalSeconds = $0 }
    case .offlineAfter: return integer { settings.offlineAfterFailures = $0 }
    case .alarm1: return money { settings.alarm1 = $0 }
    case .alarm2: return money { settings.alarm2 = $0 }
    case .hoardingCap: return money { settings.hoardingCap = $0 }
    case .powerThreshold: return integer { settings.powerThresholdW = $0 }
    case .defaultTariff: settings.defaultTariff = trimmed
    case .smsNumbers:
      settings.smsNumbers = trimmed.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" }).map(
        String.init)
    case .receiptQueue: settings.receiptQueue = trimmed.isEmpty ? nil : trimmed
    case .printerPaper: settings.printerPaper = trimmed
    case .printerEscpos, .smsEnabled:
      let on: Bool
      switch trimmed.lowercased() {
      case "yes", "true", "1", "是": on = true
      case "no", "false", "0", "否", "": on = false
      default: return zh ? "应为 yes 或 no" : "must be yes or no"
      }
      if id == .smsEnabled { settings.smsEnabled = on } else { settings.printerEscpos = on }
    case .smsGammuConfig: settings.smsGammuConfig = trimmed
    case .smsQuietHours: settings.smsQuietHours = trimmed
    case .smsAlarm1: settings.smsTemplates[.alarm1] = trimmed
    case .smsAlarm2: settings.smsTemplates[.alarm2] = trimmed
    case .smsArrears: settings.smsTemplates[.arrears] = trimmed
    case .smsBusDown: settings.smsTemplates[.busDown] = trimmed
    case .backupFolder: settings.backupFolder = trimmed
    case .backupTime: settings.backupTime = trimmed
    case .backupKeep: return integer { settings.backupKeep = $0 }
    case .saleReadMaxAge: return integer { settings.saleReadMaxAgeSeconds = $0 }
    case .retentionDays: return integer { settings.readingRetentionDays = $0 }
    }
    return nil
  }

  private static func loadAlarms(env: ConsoleEnvironment) -> [AppAction] {
    do {
      let places = try MeterPlaces.load(env.database)
      let rows = try AlarmService(database: env.database).active().map { entry in
        AlarmRow(
          id: entry.id, kind: entry.kind, meter: entry.meter, bus: entry.bus,
          place: entry.meter.flatMap { places[$0] } ?? "", since: entry.since,
          value: entry.remaining?.grouped ?? entry.value, acknowledgedBy: entry.acknowledgedBy)
      }
      return [.alarms(.loaded(rows.sorted { $0.since > $1.since }))]
    } catch {
      return [.errorReported("\(error)")]
    }
  }
}

/// Each meter's shop and tenant ("A-0502 · 星河物业"), for the alarm screen.
enum MeterPlaces {
  static func load(_ database: AppDatabase) throws -> [String: String] {
    var places: [String: String] = [:]
    for row in try database.meterListing() {
      places[row.meter.number] = [row.meter.shop, row.account?.tenant].compactMap { $0 }.filter {
        !$0.isEmpty
      }
      .joined(separator: " · ")
    }
    return places
  }
}

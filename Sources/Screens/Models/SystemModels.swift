import Domain
import Foundation

/// One operator as the operators tab lists it.
public struct OperatorRow: Sendable, Hashable {
  /// Login name.
  public var name: String
  /// Role.
  public var role: Role
  /// Disabled by an admin.
  public var disabled: Bool
  /// Locked out after failed log-ins until this time.
  public var lockedUntil: Date?
  /// The last successful log-in.
  public var lastLogIn: Date?

  /// Creates a row.
  public init(name: String, role: Role, disabled: Bool, lockedUntil: Date?, lastLogIn: Date?) {
    self.name = name
    self.role = role
    self.disabled = disabled
    self.lockedUntil = lockedUntil
    self.lastLogIn = lastLogIn
  }
}

/// One operation-log entry.
public struct AuditRow: Sendable, Hashable {
  /// Entry number.
  public var id: Int64
  /// When.
  public var at: Date
  /// Who.
  public var `operator`: String
  /// What ("sales.sale", "account.open", …).
  public var action: String
  /// On what.
  public var target: String
  /// The details.
  public var detail: String

  /// Creates a row.
  public init(id: Int64, at: Date, operator: String, action: String, target: String, detail: String) {
    self.id = id
    self.at = at
    self.operator = `operator`
    self.action = action
    self.target = target
    self.detail = detail
  }
}

/// Whether the operation log's chain holds, as the log tab's first line says.
public struct AuditChainModel: Sendable, Hashable {
  /// True when no entry was changed, removed or inserted.
  public var holds: Bool
  /// What the check found, in the operator's language.
  public var text: String

  /// Creates a chain state.
  public init(holds: Bool, text: String) {
    self.holds = holds
    self.text = text
  }
}

/// The site settings the settings tab edits (系统设置), in the order shown.
public enum SettingsFieldID: String, Sendable, Hashable, CaseIterable {
  /// Collection interval in seconds (集抄时间间隔).
  case collectionInterval
  /// Failed reads in a row before a meter is offline.
  case offlineAfter
  /// Default alarm 1 amount in yuan.
  case alarm1
  /// Default alarm 2 amount in yuan.
  case alarm2
  /// The most a tenant may hold, in yuan (囤积金额上限).
  case hoardingCap
  /// Default power threshold in W.
  case powerThreshold
  /// Default tariff name.
  case defaultTariff
  /// Alarm SMS numbers, comma separated.
  case smsNumbers
  /// Receipt printer queue.
  case receiptQueue
  /// Receipt paper: 58mm, 80mm or dot-matrix.
  case printerPaper
  /// ESC/POS printer: yes or no.
  case printerEscpos
  /// Read before a sale when the last reading is older than this many seconds.
  case saleReadMaxAge
  /// Days raw readings are kept.
  case retentionDays
  /// Alarm SMS on: yes or no.
  case smsEnabled
  /// The gammu-smsd configuration file.
  case smsGammuConfig
  /// SMS quiet hours, "22:00-07:00".
  case smsQuietHours
  /// The alarm-1 SMS text.
  case smsAlarm1
  /// The alarm-2 SMS text.
  case smsAlarm2
  /// The arrears SMS text.
  case smsArrears
  /// The bus-down SMS text.
  case smsBusDown
  /// Folder of the daily backup.
  case backupFolder
  /// Time of the daily backup, "HH:MM".
  case backupTime
  /// Daily backups kept.
  case backupKeep
}

/// One active alarm episode.
public struct AlarmRow: Sendable, Hashable {
  /// Episode id.
  public var id: Int64
  /// The kind ("alarm1", "alarm2", "arrears", "overload", "offline", "busDown", "drift", "tamper"…).
  public var kind: String
  /// The meter, for meter alarms.
  public var meter: String?
  /// The bus, for bus and gateway alarms.
  public var bus: String?
  /// Tenant and shop, when known.
  public var place: String
  /// When it began.
  public var since: Date
  /// The value that triggered it, as shown.
  public var value: String
  /// Who acknowledged it, nil while unacknowledged.
  public var acknowledgedBy: String?

  /// Creates a row.
  public init(
    id: Int64, kind: String, meter: String?, bus: String?, place: String, since: Date, value: String,
    acknowledgedBy: String?
  ) {
    self.id = id
    self.kind = kind
    self.meter = meter
    self.bus = bus
    self.place = place
    self.since = since
    self.value = value
    self.acknowledgedBy = acknowledgedBy
  }
}

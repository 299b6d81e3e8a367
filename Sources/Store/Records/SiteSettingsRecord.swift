import GRDB

/// The one row of site-wide settings (系统设置).
public struct SiteSettingsRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "siteSettings"
  /// Always 1.
  public var id: Int64 = 1
  /// Site name printed on receipts.
  public var name: String
  /// Short site code.
  public var code: String
  /// IANA time zone.
  public var timeZone: String
  /// Seconds between routine sweeps.
  public var collectionIntervalSeconds: Int
  /// Failed tries before a meter counts as offline.
  public var offlineAfterFailures: Int
  /// Default alarm-1 amount in fen.
  public var alarm1Fen: Int64
  /// Default alarm-2 amount in fen.
  public var alarm2Fen: Int64
  /// Hoarding cap in fen.
  public var hoardingCapFen: Int64
  /// Default power threshold in watts.
  public var powerThresholdW: Int
  /// Default tariff name.
  public var defaultTariff: String
  /// Alarm SMS numbers, comma-separated.
  public var smsNumbers: String
  /// CUPS queue for receipts.
  public var receiptQueue: String?
  /// A sale first reads its meter when the last reading is older than this, seconds.
  public var saleReadMaxAgeSeconds: Int = 900
  /// The receipt printer's paper, as site.toml names it: `58mm`, `80mm` or `dot-matrix`.
  public var printerPaper: String = "dot-matrix"
  /// Whether the receipt printer speaks ESC/POS (initialise, Chinese mode, a cut after each copy).
  public var printerEscpos: Bool = false
  /// Days raw readings are kept; daily rollups are kept for ever.
  public var readingRetentionDays: Int = 400
  /// Whether alarm SMS go out (`[sms] enabled`).
  public var smsEnabled: Bool = false
  /// The SMS daemon's configuration file, for `gammu-smsd-inject -c`.
  public var smsGammuConfig: String?
  /// Quiet hours, `HH:MM-HH:MM` in the site's zone, nil for none.
  public var smsQuietHours: String?
  /// Templates by level (`alarm1`, `alarm2`, `arrears`, `bus_down`) as a JSON object; empty for none.
  public var smsTemplates: String = ""
  /// Folder of the daily backup, nil for none.
  public var backupFolder: String?
  /// Local time "HH:MM" of the daily backup, nil for none.
  public var backupTime: String?
  /// How many daily backups are kept.
  public var backupKeep: Int = 7

  /// Creates the settings row.
  public init(
    name: String, code: String, timeZone: String, collectionIntervalSeconds: Int,
    offlineAfterFailures: Int, alarm1Fen: Int64, alarm2Fen: Int64, hoardingCapFen: Int64,
    powerThresholdW: Int, defaultTariff: String, smsNumbers: String, receiptQueue: String?
  ) {
    self.name = name
    self.code = code
    self.timeZone = timeZone
    self.collectionIntervalSeconds = collectionIntervalSeconds
    self.offlineAfterFailures = offlineAfterFailures
    self.alarm1Fen = alarm1Fen
    self.alarm2Fen = alarm2Fen
    self.hoardingCapFen = hoardingCapFen
    self.powerThresholdW = powerThresholdW
    self.defaultTariff = defaultTariff
    self.smsNumbers = smsNumbers
    self.receiptQueue = receiptQueue
  }
}

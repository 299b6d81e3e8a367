import Domain
import Foundation
import Services
import Store
import Testing

/// The settings form's SMS and backup fields: validated like the rest, each refusal naming its field,
/// and written back into the stored row (templates as the JSON the SMS sender reads).
@Suite struct SiteSettingsSmsBackupTests {
  static var record: SiteSettingsRecord {
    SiteSettingsRecord(
      name: "星河", code: "XH", timeZone: "Asia/Shanghai", collectionIntervalSeconds: 1800,
      offlineAfterFailures: 3, alarm1Fen: 5000, alarm2Fen: 2000, hoardingCapFen: 500_000,
      powerThresholdW: 5000,
      defaultTariff: "", smsNumbers: "", receiptQueue: nil)
  }

  static func problems(_ change: (inout EditableSiteSettings) -> Void) -> [SettingsField] {
    var settings = EditableSiteSettings(record)
    change(&settings)
    return SiteSettingsService.validate(settings, knownTariffs: []).map(\.field)
  }

  @Test("bad quiet hours, an unknown placeholder, SMS on without a config, half a backup schedule")
  func refusals() {
    #expect(Self.problems { _ in }.isEmpty)
    #expect(Self.problems { $0.smsQuietHours = "22:00" } == [.smsQuietHours])
    #expect(Self.problems { $0.smsQuietHours = "22:00-07:00" }.isEmpty)
    #expect(Self.problems { $0.smsTemplates[.arrears] = "{tenant} 欠费 {balance}" } == [.smsArrears])
    #expect(Self.problems { $0.smsEnabled = true } == [.smsGammuConfig])
    #expect(Self.problems { $0.backupFolder = "/var/backups/meterdesk" } == [.backupTime])
    #expect(
      Self.problems {
        $0.backupFolder = "backups"; $0.backupTime = "02:30"
      } == [.backupFolder])
    #expect(
      Self.problems {
        $0.backupFolder = "/b"; $0.backupTime = "25:00"
      } == [.backupTime])
    #expect(Self.problems { $0.backupKeep = 0 } == [.backupKeep])
  }

  @Test("applied to the stored row: templates as JSON without empty ones, empty texts as NULL")
  func applied() {
    var settings = EditableSiteSettings(Self.record)
    settings.smsEnabled = true
    settings.smsGammuConfig = "/etc/gammu-smsdrc"
    settings.smsTemplates = [.alarm1: "{shop} 余额 {remaining} 元", .alarm2: ""]
    settings.backupFolder = "/var/backups/meterdesk"
    settings.backupTime = "02:30"
    settings.backupKeep = 14
    var record = Self.record
    settings.apply(to: &record)
    #expect(record.smsEnabled && record.smsGammuConfig == "/etc/gammu-smsdrc" && record.smsQuietHours == nil)
    #expect(record.smsTemplates == #"{"alarm1":"{shop} 余额 {remaining} 元"}"#)
    #expect(
      record.backupFolder == "/var/backups/meterdesk" && record.backupTime == "02:30"
        && record.backupKeep == 14)
    let back = EditableSiteSettings(record)
    #expect(back.text(of: .smsAlarm1) == "{shop} 余额 {remaining} 元" && back.text(of: .smsAlarm2).isEmpty)
    #expect(
      back.changes(from: EditableSiteSettings(Self.record)).map(\.field) == [
        .smsEnabled, .smsGammuConfig, .smsAlarm1, .backupFolder, .backupTime, .backupKeep,
      ])
  }
}

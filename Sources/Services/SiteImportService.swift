import Domain
import Foundation
import SiteConfig
import Store

/// Reads a site file and writes it into the database (`meterdesk init`).
public struct SiteImportService: Sendable {
  let database: AppDatabase
  let knownProfiles: Set<String>

  /// Creates the service over a database, with the profile names meters may use.
  public init(database: AppDatabase, knownProfiles: Set<String> = ShippedProfiles.names) {
    self.database = database
    self.knownProfiles = knownProfiles
  }

  /// Validates the whole site first; writes nothing unless every row is good.
  ///
  /// - Throws: ``SiteErrors`` listing every problem as `file:line: …`, or a database error.
  public func importSite(path: String, by operatorName: String, at now: Date) throws
    -> ImportSummary
  {
    let site = try SiteFileReader.read(path: path, knownProfiles: knownProfiles)
    return try importSite(site, by: operatorName, at: now)
  }

  /// Writes an already validated site in one transaction.
  public func importSite(_ site: SiteDefinition, by operatorName: String, at now: Date) throws
    -> ImportSummary
  {
    try database.importSite(Self.snapshot(of: site), by: operatorName, at: now)
  }

  /// Converts a validated site into database rows.
  static func snapshot(of site: SiteDefinition) -> SiteSnapshot {
    var settings = SiteSettingsRecord(
      name: site.name, code: site.code, timeZone: site.timeZone,
      collectionIntervalSeconds: site.defaults.collectionIntervalSeconds,
      offlineAfterFailures: site.defaults.offlineAfterFailures,
      alarm1Fen: site.defaults.alarm1.fen, alarm2Fen: site.defaults.alarm2.fen,
      hoardingCapFen: site.defaults.hoardingCap.fen,
      powerThresholdW: site.defaults.powerThresholdW, defaultTariff: site.defaults.tariff,
      smsNumbers: site.defaults.smsNumbers.joined(separator: ","),
      receiptQueue: site.printer.queue ?? site.defaults.receiptQueue)
    settings.printerPaper = site.printer.paper.rawValue
    settings.printerEscpos = site.printer.escpos
    settings.smsEnabled = site.sms.enabled
    settings.smsGammuConfig = site.sms.gammuConfig
    settings.smsQuietHours = site.sms.quietHours?.description
    settings.smsTemplates = SmsSettings.templatesJSON(site.sms.templates)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let tariffs = site.tariffs.map { tariff in
      let json = (try? encoder.encode(tariff.spec)).flatMap { String(data: $0, encoding: .utf8) }
      return TariffRecord(name: tariff.name, spec: json ?? "{}")
    }
    var owner: [String: String] = [:]
    for account in site.accounts {
      for meter in account.meters { owner[meter] = account.id }
    }
    var snapshot = SiteSnapshot(
      settings: settings,
      tariffs: tariffs,
      buildings: site.buildings.map { BuildingRecord(code: $0.code, name: $0.name) },
      gateways: site.gateways.map {
        GatewayRecord(name: $0.name, building: $0.building, model: $0.model, address: $0.address)
      },
      buses: site.buses.map {
        BusRecord(
          name: $0.name, gateway: $0.gateway, framing: $0.framing.rawValue, endpoint: $0.endpoint,
          baud: $0.baud, parity: $0.parity.rawValue, timeoutMs: $0.timeoutMs)
      },
      meters: site.meters.map {
        var meter = MeterRecord(
          number: $0.number, bus: $0.bus, address: $0.address, profile: $0.profile,
          building: $0.building, floor: $0.floor, shop: $0.shop, circuit: $0.circuit,
          ctRatio: $0.ctRatio, alarm1Fen: $0.alarm1?.fen, alarm2Fen: $0.alarm2?.fen,
          powerThresholdW: $0.powerThresholdW, tariff: $0.tariff, keepPower: $0.keepPower,
          disabled: $0.disabled, account: owner[$0.number])
        meter.autoSms = $0.autoSms
        return meter
      },
      accounts: site.accounts.map {
        AccountRecord(
          id: $0.id, tenant: $0.tenant, phone: $0.phone, shop: $0.shop,
          openedOn: $0.openedOn.isEmpty ? "2024-01-01" : $0.openedOn, closedAt: nil)
      })
    snapshot.topUpText = site.kiosk.topUp
    return snapshot
  }
}

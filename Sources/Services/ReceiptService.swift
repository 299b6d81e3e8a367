import Documents
import Domain
import Foundation
import Store

/// What a receipt needs to say about one bill, gathered from the database.
public struct ReceiptFacts: Sendable, Hashable {
  /// The entry with its delivery state.
  public var record: SaleRecord
  /// Site name for the header.
  public var siteName: String
  /// Site time zone for the printed time.
  public var timeZone: TimeZone
  /// Tenant of the account.
  public var tenant: String
  /// Building name of the meter.
  public var building: String
  /// Shop of the meter.
  public var shop: String
  /// Payment method, for sales.
  public var payMethod: PayMethod?
  /// Who entered it.
  public var operatorName: String
}

/// The one receipt path of the console and the CLI: gathers a bill's facts from the ledger, renders them
/// with the site's template for the site's paper, and (in `ReceiptOutput.swift`) prints them.
public struct ReceiptService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// The facts of bill `bill`, or nil when there is no such bill.
  public func facts(bill: Int64) throws -> ReceiptFacts? {
    guard let row = try database.saleRow(bill: bill) else { return nil }
    let settings = try database.siteSettings()
    let listing = try database.meterListing().first { $0.meter.number == row.entry.meter }
    let buildings = try database.buildingNames()
    let building = listing.map { buildings[$0.meter.building] ?? $0.meter.building } ?? ""
    return ReceiptFacts(
      record: SaleRecord(row: row), siteName: settings?.name ?? "",
      timeZone: TimeZone(identifier: settings?.timeZone ?? "") ?? .current,
      tenant: listing?.account?.tenant ?? "", building: building, shop: listing?.meter.shop ?? "",
      payMethod: row.entry.payMethod, operatorName: row.entry.operator)
  }

  /// The receipt of a bill, as the ledger has it: the signed amount (a refund or reversal is negative,
  /// its capitals start with 负), the pay method recorded with the sale, the operator who entered it.
  public func data(bill: Int64, reprint: Bool) throws -> ReceiptData {
    guard let facts = try facts(bill: bill) else { throw ReceiptError.noBill(bill) }
    let record = facts.record
    return ReceiptData(
      siteName: facts.siteName, account: record.account, tenant: facts.tenant, bill: BillNumber(record.bill),
      issuedAt: record.createdAt, timeZone: facts.timeZone, kind: record.kind, meter: record.meter,
      building: facts.building, shop: facts.shop, purchaseCount: record.purchaseCount,
      payMethod: facts.payMethod, amount: record.amount, operatorName: facts.operatorName, reprint: reprint)
  }

  /// The site's receipt printer, from its settings (`[printer]` in site.toml).
  public func printerSettings() throws -> ReceiptPrinterSettings {
    guard let settings = try database.siteSettings() else { return ReceiptPrinterSettings() }
    guard let paper = ReceiptPaper(rawValue: settings.printerPaper) else {
      throw ReceiptError.unknownPaper(settings.printerPaper)
    }
    let queue = settings.receiptQueue.flatMap { $0.isEmpty ? nil : $0 }
    return ReceiptPrinterSettings(queue: queue, paper: paper, escpos: settings.printerEscpos)
  }
}

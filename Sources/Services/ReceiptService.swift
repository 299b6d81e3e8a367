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

/// Gathers receipt facts for a bill (printing itself lives in the Documents and Printing modules).
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
      payMethod: row.entry.payMethod.flatMap(PayMethod.init(rawValue:)), operatorName: row.entry.operator)
  }
}

import Screens
import Store

extension ScreenModels {
  /// An accounts-screen row from a stored account and its meters.
  public static func account(_ listing: AccountListing) -> AccountRow {
    AccountRow(
      account: listing.account.id, tenant: listing.account.tenant, phone: listing.account.phone,
      shop: listing.account.shop, meters: listing.meters.map(\.number),
      closed: listing.account.closedAt != nil)
  }
}

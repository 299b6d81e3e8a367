import TerminalUI

/// What can happen to the accounts screen.
public enum AccountsAction: Sendable, Hashable {
  /// A key while the screen is shown.
  case keyPressed(Key)
  /// The accounts matching the search arrived.
  case accountsLoaded([AccountRow])
  /// The services opened an account; `firstSale` is the bill of the first recharge, if any.
  case accountOpened(account: String, firstSale: Int64?)
  /// The services closed an account with this many settlements queued for delivery.
  case accountClosed(account: String, settlements: Int)
  /// The services refused the open or close, with the reason to show.
  case accountRefused(String)
  /// The account's kiosk query password was set (`error` nil) or refused.
  case queryPasswordSet(account: String, error: String?)
}

/// The step the accounts screen is at.
public enum AccountsPhase: Sendable, Hashable {
  /// The account table (with the search line while `searching`).
  case list
  /// The selected account's meters.
  case meters
  /// The open-account form.
  case opening
  /// "Close this account?" with the highlighted button (0 close, 1 cancel).
  case confirmingClose(selected: Int)
  /// The supervisor approval dialog for closing.
  case approving
  /// Waiting for the services.
  case submitting
  /// The kiosk query password dialog (查询密码); `onRepeat` when the second field has the keys.
  case queryPassword(onRepeat: Bool)
}

/// The fields of the open-account form, in Tab order.
public enum AccountField: Int, Sendable, Hashable, CaseIterable {
  /// The tenant (户名).
  case tenant
  /// The phone.
  case phone
  /// The shop.
  case shop
  /// Meter numbers, separated by spaces or commas.
  case meters
  /// The optional first recharge in yuan.
  case recharge
  /// The first recharge's payment method.
  case pay
}

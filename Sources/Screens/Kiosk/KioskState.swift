import Domain
import Foundation
import TerminalUI

/// The kiosk's pages after the password: balance, recharges, 30-day use (keys 1, 2, 3).
public enum KioskTab: Int, Sendable, CaseIterable, Hashable {
  /// Balance, state, tariff and how to top up.
  case balance = 1
  /// The last recharges.
  case recharges = 2
  /// Daily energy of the last 30 days.
  case usage = 3
}

/// Why a query was refused, or what a fresh read came to, as the kiosk tells the tenant.
public enum KioskMessage: Sendable, Hashable {
  /// Checking the password.
  case checking
  /// The number field is empty.
  case numberMissing
  /// No open account by that account or meter number.
  case notFound
  /// The account has no query password.
  case noPassword
  /// Wrong password; tries left.
  case wrongPassword(attemptsLeft: Int)
  /// Locked until then.
  case locked(until: Date)
  /// Something else went wrong (the text is shown as it is).
  case failure(String)
  /// A fresh read is on its way.
  case reading
  /// The fresh read succeeded.
  case readDone
  /// The fresh read failed.
  case readFailed
  /// The lease holder did not answer in time.
  case readTimedOut
  /// Nobody acquires now: no fresh read.
  case readNotAvailable
}

/// The hidden admin exit dialog (Ctrl-X): an admin's name and password end the kiosk.
public struct KioskAdminState: Sendable, Hashable {
  /// Operator name.
  public var name = FormField(label: "")
  /// Password.
  public var password = FormField(label: "", secure: true)
  /// True while the password field has the focus.
  public var onPassword = false
  /// True while the credentials are checked.
  public var checking = false
  /// True after a refusal.
  public var refused = false

  /// An empty dialog.
  public init() {}
}

/// Everything the kiosk shows: the start screen's fields, or one account's data.
public struct KioskState: Sendable, Hashable {
  /// Display language.
  public var language: Language
  /// Terminal size.
  public var size: Size
  /// The site's name, for the title.
  public var siteName: String
  /// The site's clock.
  public var clock: SiteClock
  /// Now, for ages and the title clock.
  public var now: Date
  /// Draw bars in ASCII.
  public var asciiCharts = false
  /// Account or meter number field.
  public var number = FormField(label: "")
  /// Query password field.
  public var password = FormField(label: "", secure: true)
  /// True while the password field has the focus.
  public var onPassword = false
  /// The account let in, nil on the start screen.
  public var account: KioskAccount?
  /// The page shown for the account.
  public var tab: KioskTab = .balance
  /// The selected meter (for a fresh read).
  public var selectedMeter = 0
  /// The message line.
  public var message: KioskMessage?
  /// True while a query or a read runs.
  public var busy = false
  /// The admin exit dialog, when open.
  public var admin: KioskAdminState?
  /// True once an admin asked to close the kiosk.
  public var exitRequested = false

  /// A start screen.
  public init(language: Language, size: Size, siteName: String, clock: SiteClock, now: Date) {
    self.language = language
    self.size = size
    self.siteName = siteName
    self.clock = clock
    self.now = now
    number.maxLength = 32
    password.maxLength = 64
  }

  /// True when the kiosk shows the empty start screen (nothing to clear).
  public var isClear: Bool {
    account == nil && number.value.isEmpty && password.value.isEmpty && message == nil && admin == nil
  }

  /// Back to the start screen with everything shown or typed cleared.
  public mutating func clear() {
    var fresh = KioskState(language: language, size: size, siteName: siteName, clock: clock, now: now)
    fresh.asciiCharts = asciiCharts
    self = fresh
  }
}

/// What happened at the kiosk.
public enum KioskAction: Sendable, Hashable {
  /// A key, click or resize.
  case input(InputEvent)
  /// The clock moved on.
  case tick(Date)
  /// No key for the idle time: back to the start screen.
  case idle
  /// The password was right: the account's data.
  case accountLoaded(KioskAccount)
  /// The query was refused.
  case refused(KioskMessage)
  /// A fresh read finished; the account's data as it is now when it could be reloaded.
  case readFinished(KioskMessage, KioskAccount?)
  /// The admin's credentials were accepted: the kiosk closes.
  case adminAccepted
  /// The admin's credentials were refused.
  case adminRefused
}

/// Work the kiosk asks of its runtime.
public enum KioskEffect: Sendable, Hashable {
  /// Check the query password of the account named by `number`.
  case query(number: String, password: String)
  /// Ask the lease holder to read `meter` of `account`.
  case freshRead(account: String, meter: String)
  /// Check an admin's name and password.
  case checkAdmin(name: String, password: String)
}

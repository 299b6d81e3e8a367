import Domain
import Foundation
import TerminalUI

/// The screen under the overlays.
public enum ScreenID: Sendable, Hashable {
  /// Operator login.
  case login
  /// The meter status grid (home).
  case grid
  /// One meter's detail.
  case detail
  /// The electrician's bus view.
  case buses
  /// The sale window (售电).
  case sale
  /// The accounts screen (账户).
  case accounts
  /// The undelivered-sales screen (待下发 / 异常售电).
  case outbox
  /// The batch operations screen (批量操作).
  case batch
  /// The report centre (报表中心).
  case reports
  /// The system screen (系统管理): own account, operators, operation log, settings.
  case system
  /// The alarm screen (报警).
  case alarms
}

/// A box drawn over the current screen that takes the keys until closed.
public enum Overlay: Sendable, Hashable {
  /// The keys of the current screen.
  case help
  /// "Work is pending; quit anyway?" with the highlighted button (0 quit, 1 cancel).
  case quitConfirmation(selected: Int)
  /// An error message with an OK button.
  case message(String)
}

/// The whole console: session, current screen, overlay, size, clock and each screen's state.
public struct AppState: Sendable {
  /// The language every string is shown in.
  public var language: Language
  /// Demo mode shows the demo accounts on the login screen.
  public var demoMode: Bool
  /// Draw charts with ASCII ("#", "|") for terminals that draw block characters double-width.
  public var asciiCharts: Bool = false
  /// The operator logged in, nil at the login screen.
  public internal(set) var session: OperatorSession?
  /// The current screen.
  public internal(set) var screen: ScreenID
  /// The open overlay, if any.
  public internal(set) var overlay: Overlay?
  /// The terminal size.
  public internal(set) var size: Size
  /// The site time now (from `.clockTicked`).
  public internal(set) var now: Date
  /// Site time formatting.
  public var clock: SiteClock
  /// Sales deliveries and commands in flight; quitting asks first when above zero.
  public internal(set) var pendingWork: Int
  /// When meters last arrived from the store or acquisition.
  public internal(set) var lastRefresh: Date?
  /// The login screen.
  public internal(set) var login: LoginState
  /// The meter status grid.
  public internal(set) var grid: GridState
  /// The meter detail, while one is open.
  public internal(set) var detail: DetailState?
  /// The bus view.
  public internal(set) var buses: BusesState
  /// The sale window, while one is open.
  public internal(set) var sale: SaleState?
  /// The screen the sale window returns to.
  public internal(set) var saleReturn: ScreenID
  /// The site's hoarding cap, once loaded.
  public internal(set) var hoardingCap: Money?
  /// The accounts screen, while open.
  public internal(set) var accounts: AccountsState?
  /// The undelivered-sales screen, while open.
  public internal(set) var outbox: OutboxState?
  /// The batch operations screen, while open.
  public internal(set) var batch: BatchState?
  /// The report centre, while open.
  public internal(set) var reports: ReportsState?
  /// The system screen, while open.
  public internal(set) var system: SystemState?
  /// The alarm screen, while open.
  public internal(set) var alarms: AlarmsState?
  /// Active alarms for the status line: how many, how many unacknowledged, the newest's text.
  public internal(set) var alarmStatus: AlarmStatus = AlarmStatus()
  /// Batch jobs still running, by job (from `.batchProgress`, on every screen, for the status line).
  public internal(set) var runningBatches: [Int64: BatchProgressModel]

  /// A console at the login screen.
  public init(language: Language, demoMode: Bool, size: Size, now: Date, clock: SiteClock) {
    self.language = language
    self.demoMode = demoMode
    session = nil
    screen = .login
    overlay = nil
    self.size = size
    self.now = now
    self.clock = clock
    pendingWork = 0
    lastRefresh = nil
    login = LoginState(demoMode: demoMode, clock: clock)
    grid = GridState(size: AppLayout.contentSize(size), now: now)
    detail = nil
    buses = BusesState(size: AppLayout.contentSize(size), clock: clock)
    sale = nil
    saleReturn = .grid
    hoardingCap = nil
    accounts = nil
    outbox = nil
    batch = nil
    reports = nil
    system = nil
    alarms = nil
    runningBatches = [:]
  }
}

/// Where the parts of the console sit: title row, screen area, status line, F-key bar.
public enum AppLayout {
  /// The area a screen gets: everything but the title row, the status line and the F-key bar.
  public static func contentSize(_ size: Size) -> Size {
    Size(width: max(0, size.width), height: max(0, size.height - 3))
  }

  /// The first row of the screen area.
  public static let contentTop = 1
}

/// The status line's alarm count: active, unacknowledged, and the newest unacknowledged alarm.
public struct AlarmStatus: Sendable, Hashable {
  /// Active alarms.
  public var active: Int
  /// Active alarms nobody acknowledged.
  public var unacknowledged: Int
  /// The newest unacknowledged alarm: kind and meter or bus.
  public var newest: (kind: String, place: String)? {
    get { newestKind.map { ($0, newestPlace) } }
    set {
      newestKind = newValue?.kind
      newestPlace = newValue?.place ?? ""
    }
  }
  private var newestKind: String?
  private var newestPlace: String = ""

  /// Creates a count.
  public init(active: Int = 0, unacknowledged: Int = 0, newest: (kind: String, place: String)? = nil) {
    self.active = active
    self.unacknowledged = unacknowledged
    self.newestKind = newest?.kind
    self.newestPlace = newest?.place ?? ""
  }
}

import Acquisition
import Foundation
import Logging
import MeterCrypto
import Screens
import Services
import Store
import TerminalUI

/// What a console session runs against.
struct ConsoleEnvironment {
  /// The site: database, and acquisition with its delivery coordinator when this console holds the lease.
  let runtime: SiteRuntime
  /// Frames of the watched bus.
  let trace: TraceTap
  /// Demo mode shows the demo accounts on the login screen.
  let demo: Bool
  /// Screen language.
  let language: Language
  /// Colours.
  let theme: Theme
  /// Where the console logs.
  let logger: Logger
  /// Where receipts go when the site names no printer queue.
  let receiptFile: String

  /// The database.
  var database: AppDatabase { runtime.database }
  /// Acquisition in this process, or nil when another process holds the lease (viewer).
  var engine: AcquisitionEngine? { runtime.engine }
  /// The store sink of that engine.
  var sink: StoreReadingSink? { runtime.sink }
  /// Who holds the lease when this console is a viewer.
  var leaseHolder: String? { runtime.leaseHolder }
  /// The site master key that seals recharge tokens, nil in a viewer or when the key file is missing.
  var masterKey: SiteMasterKey? { runtime.masterKey }
  /// The site's delivery coordinator, when this console holds the lease.
  var coordinator: DeliveryCoordinator? { runtime.coordinator }

  /// Reads and deliveries asked of the lease holder (or done here when nobody holds it).
  var requests: SiteRequests {
    let logger = self.logger
    return SiteRequests(
      path: runtime.databasePath, database: runtime.database,
      options: SiteRuntime.Options(role: "meterdesk console", log: { logger.error("\($0)") }))
  }

  /// Wakes whoever delivers: this console's coordinator, or the lease holder's doorbell.
  func wakeDelivery() {
    if let coordinator { coordinator.kick() } else { SiteWake.ring(database: runtime.databasePath) }
  }
}

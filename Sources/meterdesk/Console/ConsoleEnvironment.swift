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
  /// The database.
  let database: AppDatabase
  /// Acquisition in this process, or nil when another process holds the lease (viewer).
  let engine: AcquisitionEngine?
  /// The store sink of that engine.
  let sink: StoreReadingSink?
  /// Who holds the lease when this console is a viewer.
  let leaseHolder: String?
  /// The lease, kept alive for the session.
  let lease: AcquisitionLease?
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
  /// The site master key that seals recharge tokens, nil when the key file is missing.
  let masterKey: SiteMasterKey?
  /// Where receipts go when the site names no printer queue.
  let receiptFile: String
}

import Acquisition
import Foundation
import MeterCrypto
import MeterProfiles
import ModbusTransport
import NIOCore
import Store

/// Why a site could not be opened.
public enum SiteRuntimeError: Error, Sendable, CustomStringConvertible {
  /// No database file at the path.
  case noDatabase(String)
  /// Another process acquires and this process must.
  case leaseHeld(by: String)
  /// The lease, the profiles, the plan or the key could not be used.
  case setup(String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .noDatabase(let path): return "\(path): no such database (run meterdesk init first)"
    case .leaseHeld(let holder): return "another acquirer holds the database: \(holder)"
    case .setup(let reason): return reason
    }
  }
}

/// The composition root of a site: opens the database, time zone, lease, profiles, plan, store
/// sink, engine, master key and delivery coordinator once, for serve, console, demo, poll and the
/// sales commands alike. Without the lease it is a viewer: database only, the holder acquires.
public final class SiteRuntime: Sendable {
  /// Whether the process must acquire or may view.
  public enum Mode: Sendable {
    /// Take the lease or fail naming its holder (serve, poll, a CLI delivering by itself).
    case acquire
    /// Take the lease when free, else view (the console).
    case acquireIfFree
  }

  /// What to open beyond the database.
  public struct Options: Sendable {
    /// Who the lease names, e.g. "meterdesk serve".
    public var role: String
    /// Folder of site profiles added to the shipped ones.
    public var profilesFolder: String?
    /// Overrides the site's collection interval.
    public var interval: TimeAmount?
    /// The site master key file (default: the database path + ".key").
    public var keyPath: String?
    /// Frames of the watched bus, for the console's bus view.
    public var trace: FrameTraceSink?
    /// Where problems are reported (a log file while ncurses owns the screen).
    public var log: @Sendable (String) -> Void

    /// Options for `role`.
    public init(
      role: String, profilesFolder: String? = nil, interval: TimeAmount? = nil, keyPath: String? = nil,
      trace: FrameTraceSink? = nil, log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
      self.role = role
      self.profilesFolder = profilesFolder
      self.interval = interval
      self.keyPath = keyPath
      self.trace = trace
      self.log = log
    }
  }

  /// The database file's path.
  public let databasePath: String
  /// The database.
  public let database: AppDatabase
  /// The site's time zone.
  public let timeZone: TimeZone
  /// The lease, when this process acquires.
  public let lease: AcquisitionLease?
  /// Who holds the lease when this process is a viewer.
  public let leaseHolder: String?
  /// The engine, when this process acquires.
  public let engine: AcquisitionEngine?
  /// The engine's store sink.
  public let sink: StoreReadingSink?
  /// The site master key, nil when the key file is missing or unreadable (nothing is delivered).
  public let masterKey: SiteMasterKey?
  /// The delivery coordinator, when this process acquires.
  public let coordinator: DeliveryCoordinator?
  /// Follows the stored settings (interval, offline threshold, alarm amounts), when this process acquires.
  public let settings: SettingsFollower?
  /// The hourly pruning of raw readings past the site's retention, when this process acquires.
  let maintenance: ReadingMaintenance?
  /// The daily backup from the site settings, when this process acquires.
  let dailyBackup: DailyBackup?
  /// Alarm episodes of buses and derived conditions, and the SMS warnings, after each sweep.
  public let alarms: AlarmWatcher?

  /// Opens the site at `path`.
  public init(path: String, mode: Mode, options: Options) throws {
    guard FileManager.default.fileExists(atPath: path) else { throw SiteRuntimeError.noDatabase(path) }
    var lease: AcquisitionLease?
    var holder: String?
    do {
      lease = try AcquisitionLease(database: path, role: options.role)
    } catch {
      switch (error, mode) {
      case (.held(let by), .acquireIfFree): holder = by
      case (.held(let by), .acquire): throw SiteRuntimeError.leaseHeld(by: by)
      case (.cannotOpen(let reason), _): throw SiteRuntimeError.setup("lease: \(reason)")
      }
    }
    let database = try AppDatabase.open(path: path, keyFile: options.keyPath)
    let zone = TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
    databasePath = path
    self.database = database
    timeZone = zone
    self.lease = lease
    leaseHolder = holder
    guard lease != nil else {
      engine = nil
      sink = nil
      masterKey = nil
      coordinator = nil
      settings = nil
      maintenance = nil
      dailyBackup = nil
      alarms = nil
      return
    }
    let plan: AcquisitionPlan
    do {
      let profiles = try ProfileCatalog.catalog(siteFolder: options.profilesFolder)
      plan = try AcquisitionSetup.plan(
        database: database, profiles: profiles, collectionInterval: options.interval)
    } catch {
      throw SiteRuntimeError.setup("\(error)")
    }
    let log = options.log
    let sink = StoreReadingSink(database: database, timeZone: zone, onError: log)
    let alarms = AlarmWatcher(database: database, sink: sink, log: log)
    let engine = AcquisitionEngine(plan: plan, sink: alarms.engineSink, trace: options.trace)
    engine.subscribe(alarms.mailbox)
    self.alarms = alarms
    let key = Self.loadKey(options.keyPath ?? path + ".key", log: log)
    self.sink = sink
    self.engine = engine
    masterKey = key
    let follower = SettingsFollower(
      database: database, engine: engine, intervalOverride: options.interval, log: log)
    settings = follower
    coordinator = DeliveryCoordinator(
      database: database, databasePath: path, engine: engine, masterKey: key, sink: sink, log: log,
      beforeRun: { follower.check() })
    maintenance = ReadingMaintenance(database: database, log: log)
    dailyBackup = DailyBackup(path: path, database: database, timeZone: zone, log: log)
  }

  /// True when this process acquires.
  public var acquires: Bool { engine != nil }

  /// Starts routine sweeps (unless `routine` is false) and the delivery coordinator.
  public func start(routine: Bool = true) {
    if routine { engine?.startRoutine() }
    coordinator?.start()
    maintenance?.start()
    dailyBackup?.start()
  }

  /// Stops: the coordinator's run in progress finishes, the request in flight finishes, readings
  /// and delivery state are flushed, links closed. Blocks the caller; call it off the event loop.
  public func stop() {
    maintenance?.stop()
    dailyBackup?.stop()
    if let coordinator {
      let done = DispatchSemaphore(value: 0)
      Task {
        await coordinator.stop()
        done.signal()
      }
      done.wait()
    }
    try? engine?.shutdownAndWait()
    sink?.flush()
  }

  /// The master key at `path`, or nil (logged): sales are then recorded but not delivered here.
  static func loadKey(_ path: String, log: @Sendable (String) -> Void) -> SiteMasterKey? {
    guard FileManager.default.fileExists(atPath: path) else {
      log("no key file \(path): sales are recorded but not delivered by this process")
      return nil
    }
    do {
      return try KeyFile.load(from: path) { log($0) }
    } catch {
      log("key file \(path): \(error)")
      return nil
    }
  }
}

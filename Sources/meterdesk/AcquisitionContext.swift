import Acquisition
import Foundation
import MeterProfiles
import NIOCore
import Services
import Store

/// Opens a database for acquisition: the lease, the plan, the store sink and the engine.
struct AcquisitionContext {
  let database: AppDatabase
  let lease: AcquisitionLease
  let engine: AcquisitionEngine
  let sink: StoreReadingSink

  /// Takes the lease (or exits naming its holder) and builds the engine.
  static func open(
    db: String, role: String, profilesFolder: String?, interval: TimeAmount? = nil
  ) throws -> AcquisitionContext {
    guard FileManager.default.fileExists(atPath: db) else {
      throw fail("meterdesk \(role): \(db): no such database (run meterdesk init first)")
    }
    let lease: AcquisitionLease
    do {
      lease = try AcquisitionLease(database: db, role: "meterdesk \(role)")
    } catch {
      throw fail("meterdesk \(role): \(error)")
    }
    let database = try AppDatabase.open(path: db)
    let profiles: [String: MeterProfile]
    do {
      profiles = try ProfileCatalog.catalog(siteFolder: profilesFolder)
    } catch {
      throw fail("meterdesk \(role): \(error)")
    }
    let plan: AcquisitionPlan
    do {
      plan = try AcquisitionSetup.plan(
        database: database, profiles: profiles, collectionInterval: interval)
    } catch let error as AcquisitionSetupError {
      throw fail("meterdesk \(role): \(error)")
    }
    let zone = TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
    let sink = StoreReadingSink(database: database, timeZone: zone) { printError($0) }
    let engine = AcquisitionEngine(plan: plan, sink: sink)
    return AcquisitionContext(database: database, lease: lease, engine: engine, sink: sink)
  }
}

import Acquisition
import Foundation
import NIOCore
import Services
import Store

/// A site opened for acquisition by a command: the site runtime, which must hold the lease.
struct AcquisitionContext {
  /// The composition root.
  let runtime: SiteRuntime
  /// Its engine (present: the lease is held).
  let engine: AcquisitionEngine

  /// The database.
  var database: AppDatabase { runtime.database }

  /// Takes the lease (or exits naming its holder) and builds the runtime.
  static func open(
    db: String, role: String, profilesFolder: String?, interval: TimeAmount? = nil, keys: String? = nil
  ) throws -> AcquisitionContext {
    let runtime: SiteRuntime
    do {
      runtime = try SiteRuntime(
        path: db, mode: .acquire,
        options: SiteRuntime.Options(
          role: "meterdesk \(role)", profilesFolder: profilesFolder, interval: interval, keyPath: keys,
          log: { printError("meterdesk \(role): \($0)") }))
    } catch {
      throw fail("meterdesk \(role): \(error)")
    }
    guard let engine = runtime.engine else { throw fail("meterdesk \(role): no acquisition engine") }
    return AcquisitionContext(runtime: runtime, engine: engine)
  }
}

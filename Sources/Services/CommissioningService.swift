import Acquisition
import Foundation
import Store

/// What the electrician finds at one address of a bus.
public enum ScanFinding: String, Sendable, Hashable, CaseIterable {
  /// A configured meter answers at its address with its own number.
  case configuredAnswering = "configured_answering"
  /// A configured meter does not answer.
  case configuredSilent = "configured_silent"
  /// Something answers where no meter is configured.
  case answeringNotConfigured = "answering_not_configured"
  /// A meter answers with another meter number than the one configured there (a wrong address).
  case wrongMeter = "wrong_meter"
}

/// One address of a scan, compared with the site's configuration.
public struct ScanRowResult: Sendable, Hashable {
  /// The Modbus address.
  public var address: Int
  /// What was found.
  public var finding: ScanFinding
  /// The meter number read there, if any.
  public var meter: String?
  /// The meter configured there, if any.
  public var configuredMeter: String?
}

/// The electrician's commissioning tools (调试): which meter is at which address.
public struct CommissioningService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// Scans `addresses` on `bus` through `engine` and compares every answer with the configuration;
  /// addresses where nothing is configured and nothing answers are left out.
  public func scan(
    bus: String, addresses: ClosedRange<Int>, engine: AcquisitionEngine,
    progress: @escaping @Sendable (Int) -> Void = { _ in }
  ) async throws -> [ScanRowResult] {
    let configured = Dictionary(
      try database.meters().filter { $0.bus == bus }.map { ($0.address, $0.number) },
      uniquingKeysWith: { first, _ in first })
    let scanned = try await engine.scan(bus: bus, addresses: addresses, progress: progress)
    return scanned.compactMap { found in
      let expected = configured[found.address]
      switch (found.answered, expected) {
      case (false, nil): return nil
      case (false, let meter?):
        return ScanRowResult(
          address: found.address, finding: .configuredSilent, meter: nil, configuredMeter: meter)
      case (true, nil):
        return ScanRowResult(
          address: found.address, finding: .answeringNotConfigured, meter: found.meterNumber,
          configuredMeter: nil)
      case (true, let meter?):
        let finding: ScanFinding = found.meterNumber == meter ? .configuredAnswering : .wrongMeter
        return ScanRowResult(
          address: found.address, finding: finding, meter: found.meterNumber, configuredMeter: meter)
      }
    }
  }
}

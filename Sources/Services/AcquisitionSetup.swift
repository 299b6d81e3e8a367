import Acquisition
import Foundation
import MeterProfiles
import ModbusTransport
import NIOCore
import Store

/// Why the database cannot be turned into an acquisition plan.
public enum AcquisitionSetupError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The database has no site yet.
  case noSite
  /// A meter names a profile that is not in the catalog.
  case unknownProfile(meter: String, profile: String)
  /// A bus endpoint cannot be used for its framing.
  case badEndpoint(bus: String, endpoint: String)

  /// A short English reason.
  public var description: String {
    switch self {
    case .noSite: return "the database has no site; run meterdesk init first"
    case .unknownProfile(let meter, let profile):
      return "meter \(meter): profile \"\(profile)\" is not in the profile catalog"
    case .badEndpoint(let bus, let endpoint):
      return "bus \(bus): endpoint \"\(endpoint)\" does not fit its framing"
    }
  }
}

/// Builds the acquisition plan from the store: buses, meters, profiles and last known states.
public enum AcquisitionSetup {
  /// The plan for every enabled meter; `collectionInterval` overrides the site's when given.
  public static func plan(
    database: AppDatabase, profiles: [String: MeterProfile], collectionInterval: TimeAmount? = nil
  ) throws -> AcquisitionPlan {
    guard let settings = try database.siteSettings() else { throw AcquisitionSetupError.noSite }
    let states = try database.meterStates()
    let meters = Dictionary(grouping: try database.meters().filter { !$0.disabled }, by: \.bus)
    var buses: [BusPlan] = []
    for bus in try database.buses() {
      let endpoint = try endpoint(of: bus)
      let plans = try (meters[bus.name] ?? []).map { meter -> MeterPlan in
        guard let profile = profiles[meter.profile] else {
          throw AcquisitionSetupError.unknownProfile(meter: meter.number, profile: meter.profile)
        }
        let state = states[meter.number]
        return MeterPlan(
          number: meter.number, unit: UInt8(clamping: meter.address), profile: profile,
          lastKnown: state.flatMap(lastKnownValues), lastKnownOnline: state?.online ?? true)
      }
      buses.append(
        BusPlan(
          name: bus.name, endpoint: endpoint, baud: bus.baud,
          responseTimeout: .milliseconds(Int64(bus.timeoutMs)), meters: plans))
    }
    var retry = RetryPolicy()
    retry.offlineAfterFailures = settings.offlineAfterFailures
    return AcquisitionPlan(
      buses: buses,
      collectionInterval: collectionInterval ?? .seconds(Int64(settings.collectionIntervalSeconds)),
      retry: retry)
  }

  /// The transport endpoint of a bus row.
  public static func endpoint(of bus: BusRecord) throws -> ModbusEndpoint {
    let parity = SerialParity(rawValue: bus.parity) ?? .none
    switch bus.framing {
    case "rtu":
      return .serial(path: bus.endpoint, baud: bus.baud, parity: parity)
    default:
      guard let colon = bus.endpoint.lastIndex(of: ":"),
        let port = Int(bus.endpoint[bus.endpoint.index(after: colon)...])
      else { throw AcquisitionSetupError.badEndpoint(bus: bus.name, endpoint: bus.endpoint) }
      let host = String(bus.endpoint[..<colon])
      return bus.framing == "tcp"
        ? .tcp(host: host, port: port) : .rtuOverTCP(host: host, port: port)
    }
  }

  static func lastKnownValues(_ state: MeterStateRecord) -> MeterValues? {
    guard state.readAt != nil else { return nil }
    var values = MeterValues()
    values.remainingFen = state.remainingFen
    values.purchaseCount = state.purchaseCount
    values.relayClosed = state.relayClosed
    if let word = state.statusWord.map({ MeterStatusWord(rawValue: UInt16(truncatingIfNeeded: $0)) }) {
      values.alarm1 = word.alarm1
      values.alarm2 = word.alarm2
      values.arrears = word.arrears
      values.overPowerLimit = word.overPowerLimit
    }
    return values
  }
}

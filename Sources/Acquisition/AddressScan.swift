import Foundation
import MeterProfiles
import ModbusCore
import ModbusTransport
import NIOCore

/// What one address of a bus answered during a scan.
public struct ScannedAddress: Sendable, Hashable {
  /// The Modbus unit address.
  public var address: Int
  /// The meter number it reported, nil when nobody answered (or it answered an exception).
  public var meterNumber: String?
  /// True when something answered, even with an exception.
  public var answered: Bool
}

extension AcquisitionEngine {
  /// Scans `addresses` on `bus` for answering units, reading each one's meter number with the
  /// first configured meter's profile; one job per address at batch priority, so sales and reads
  /// on the bus go first. `progress` sees each address as it is tried.
  public func scan(
    bus: String, addresses: ClosedRange<Int>, progress: @escaping @Sendable (Int) -> Void = { _ in }
  ) async throws -> [ScannedAddress] {
    guard let first = plan.buses.first(where: { $0.name == bus })?.meters.first else {
      throw AcquisitionError.unknownMeter("no configured meter on bus \(bus) to scan through")
    }
    let request = first.profile.identity.meterNumberRequest
    var results: [ScannedAddress] = []
    for address in addresses where (1...247).contains(address) {
      progress(address)
      let unit = UInt8(address)
      let outcome = try await submit(meter: first.number, priority: .batch) { channel in
        channel.probe(request, unit: unit).map { response -> ScannedAddress in
          if case .registers(let registers) = response {
            return ScannedAddress(
              address: address, meterNumber: Identity.meterNumber(from: registers), answered: true)
          }
          return ScannedAddress(address: address, meterNumber: nil, answered: true)
        }.flatMapErrorThrowing { error -> ScannedAddress in
          ScannedAddress(address: address, meterNumber: nil, answered: Self.somethingAnswered(error))
        }
      }.get()
      results.append(outcome)
    }
    return results
  }

  /// An exception or a garbled frame means a unit is there; a timeout means nobody is, and so do
  /// a gateway's "target failed to respond" and "path unavailable" (a Modbus TCP gateway's way of
  /// saying nothing answered on its serial line).
  static func somethingAnswered(_ error: any Error) -> Bool {
    switch error as? ModbusTransportError {
    case .exception(_, let code)?:
      return code != .gatewayTargetFailedToRespond && code != .gatewayPathUnavailable
    case .crc?, .malformed?: return true
    default: return false
    }
  }
}

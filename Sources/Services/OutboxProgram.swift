import Acquisition
import Foundation
import MeterProfiles
import ModbusCore
import NIOCore

extension OutboxDeliverer {
  /// The interactive program on one meter: read the count, decide, write at most once, read back.
  static func program(_ channel: MeterChannel, expected: Int64, token: [UInt16]) -> EventLoopFuture<
    OutboxOutcome
  > {
    let profile = channel.meter.profile
    return readCount(channel).flatMap { count, balance in
      if sameCount(count, expected) {
        return channel.eventLoop.makeSucceededFuture(.delivered(balanceFen: balance, alreadyThere: true))
      }
      guard sameCount(count + 1, expected) else {
        return channel.eventLoop.makeSucceededFuture(.conflict(meterCount: count))
      }
      return channel.execute(profile.rechargeRequest(tokenRegisters: token))
        .flatMapThrowing { try $0.unwrapped() }
        .flatMap { _ in channel.execute(profile.rechargeResultRequest) }
        .flatMapThrowing { response -> Int in
          guard case .registers(let registers) = try response.unwrapped(), let code = registers.first else {
            throw AcquisitionError.unexpectedAnswer("recharge result \(response)")
          }
          return Int(code)
        }
        .flatMap { code in
          guard code == 0 else { return channel.eventLoop.makeSucceededFuture(.refused(code: code)) }
          return readCount(channel).map { after, balance in
            sameCount(after, expected)
              ? .delivered(balanceFen: balance, alreadyThere: false) : .conflict(meterCount: after)
          }
        }
    }
  }

  /// Reads the purchase-count block: the meter's count and, when in the block, its balance (fen).
  static func readCount(_ channel: MeterChannel) -> EventLoopFuture<(Int64, Int64?)> {
    let profile = channel.meter.profile
    let block = profile.purchaseCountBlock
    return channel.execute(block.request).flatMapThrowing { response in
      guard case .registers(let registers) = try response.unwrapped() else {
        throw AcquisitionError.unexpectedAnswer("purchase count \(response)")
      }
      let values = profile.decode(block: block, registers: registers)
      guard let count = values.purchaseCount else {
        throw AcquisitionError.unexpectedAnswer("no purchase count in \(registers.count) registers")
      }
      return (count, values.remainingFen)
    }
  }

  /// Purchase counts compare modulo the token's 16 bits.
  static func sameCount(_ a: Int64, _ b: Int64) -> Bool {
    UInt16(truncatingIfNeeded: a) == UInt16(truncatingIfNeeded: b)
  }
}

import ModbusCore
import NIOCore

/// Half-duplex timing of one RS-485 bus: one frame on the wire at a time, every frame taking its
/// wire time (bytes × 11 bits ÷ baud) and a t3.5 silence, each answer after the meter's turnaround.
///
/// A transaction starting when the bus is free (or now) runs: request bytes, t3.5, turnaround
/// (+ any slow fault), response bytes — the answer goes out then — and t3.5 more before the bus is free.
struct WireScheduler: Sendable {
  /// Serial speed of the bus.
  let baud: Int
  /// When the bus is next free.
  private(set) var freeAt: NIODeadline = .uptimeNanoseconds(0)

  /// A scheduler for a bus at `baud`.
  init(baud: Int) {
    self.baud = max(1, baud)
  }

  /// A transaction in progress: it waits for the bus, then the request travels.
  struct Slot: Sendable {
    /// When the request starts on the wire.
    var start: NIODeadline
    /// When the request and its t3.5 silence are over.
    var requestEnd: NIODeadline
    /// When the meter has the whole request and has turned round: it acts on the request then.
    var meterActs: NIODeadline
  }

  /// Time of `bytes` characters on the wire.
  func wire(_ bytes: Int) -> TimeAmount {
    .microseconds(Int64(WireTiming.wireMicros(bytes: bytes, baud: baud)))
  }

  /// The t3.5 silence.
  var silence: TimeAmount {
    .microseconds(Int64(WireTiming.silenceMicros(baud: baud)))
  }

  /// Queues a request of `requestBytes` arriving `now`; the meter turns round in `turnaround`.
  func begin(now: NIODeadline, requestBytes: Int, turnaround: TimeAmount) -> Slot {
    let start = max(now, freeAt)
    let requestEnd = start + wire(requestBytes) + silence
    return Slot(start: start, requestEnd: requestEnd, meterActs: requestEnd + turnaround)
  }

  /// Ends the transaction: the answer of `responseBytes` goes out after the meter acts; returns when
  /// its last byte has left and marks the bus busy until then plus t3.5. With no answer (nil) the bus
  /// was busy only for the request.
  mutating func finish(_ slot: Slot, responseBytes: Int?) -> NIODeadline? {
    guard let responseBytes else {
      freeAt = max(freeAt, slot.requestEnd)
      return nil
    }
    let sent = slot.meterActs + wire(responseBytes)
    freeAt = sent + silence
    return sent
  }
}

import Foundation

/// Counters and latency percentiles of one bus, for the bus view.
public struct BusStatistics: Sendable, Hashable {
  /// Bus name.
  public var bus: String
  /// Endpoint text.
  public var endpoint: String
  /// Meters on the bus.
  public var meters: Int
  /// Meters online.
  public var online: Int
  /// Requests sent.
  public var requests: Int
  /// Requests that timed out.
  public var timeouts: Int
  /// Answers with a bad CRC or malformed.
  public var crcErrors: Int
  /// Modbus exception answers.
  public var exceptions: Int
  /// 50th percentile round trip, ms.
  public var p50: Double?
  /// 90th percentile round trip, ms.
  public var p90: Double?
  /// 99th percentile round trip, ms.
  public var p99: Double?
  /// Whether the gateway or port is reachable.
  public var up: Bool
  /// The last error seen, if any.
  public var lastError: String?
  /// When the last sweep finished.
  public var lastSweepSeconds: Double?
}

/// A ring of recent latencies from which percentiles are taken.
struct LatencyRing: Sendable {
  private var values: [Double] = []
  private var next = 0
  private let capacity: Int

  init(capacity: Int = 512) { self.capacity = capacity }

  mutating func add(_ milliseconds: Double) {
    if values.count < capacity {
      values.append(milliseconds)
    } else {
      values[next] = milliseconds
    }
    next = (next + 1) % capacity
  }

  func percentile(_ p: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
    return sorted[min(max(rank, 0), sorted.count - 1)]
  }
}

import Domain
import Foundation
import TerminalUI

/// The commissioning panel (调试) open under the bus table: a scan, a meter pick, a live watch, a relay
/// test or a raw register view.
public enum CommissioningPanel: Sendable, Hashable {
  /// The address range to scan on a bus, being edited.
  case scanRange(ScanRangeForm)
  /// A bus scan in progress or finished.
  case scan(BusScan)
  /// The meters of a bus, to pick one.
  case meters(BusMeterPick)
  /// A meter's live values, refreshed about once a second.
  case watch(MeterWatch)
  /// A relay test of a meter.
  case relay(RelayTest)
  /// A meter's raw registers.
  case registers(RegisterView)
}

/// The scan range form: first and last address (1–247).
public struct ScanRangeForm: Sendable, Hashable {
  /// The bus to scan.
  public var bus: String
  /// The first address.
  public var from: FormField
  /// The last address.
  public var to: FormField
  /// True when the last-address field has the keys.
  public var onTo: Bool
  /// True when the range was refused (shown until the next key).
  public var invalid: Bool

  /// The whole range 1–247 on `bus`.
  public init(bus: String) {
    self.bus = bus
    from = FormField(label: "", value: "1")
    from.maxLength = 3
    from.cursor = 1
    to = FormField(label: "", value: "247")
    to.maxLength = 3
    to.cursor = 3
    onTo = false
    invalid = false
  }

  /// The range typed, nil unless 1 ≤ from ≤ to ≤ 247.
  public var range: ClosedRange<Int>? {
    guard let first = Int(from.value), let last = Int(to.value), first >= 1, last <= 247, first <= last
    else { return nil }
    return first...last
  }
}

/// A bus scan: the address being tried, then what each address holds.
public struct BusScan: Sendable, Hashable {
  /// The bus scanned.
  public var bus: String
  /// The addresses scanned.
  public var range: ClosedRange<Int>
  /// The address being tried, nil before the first report.
  public var current: Int?
  /// What was found, by address.
  public var rows: [ScanRow]
  /// True once the scan finished.
  public var finished: Bool
  /// The error that stopped the scan, if any.
  public var error: String?
  /// The selected result and the scroll position.
  public var table: TableState

  /// A scan of `range` on `bus`, just started.
  public init(bus: String, range: ClosedRange<Int>) {
    self.bus = bus
    self.range = range
    current = nil
    rows = []
    finished = false
    error = nil
    table = TableState()
  }
}

/// The meters configured on one bus, by address, to pick one for a watch, a relay test or registers.
public struct BusMeterPick: Sendable, Hashable {
  /// The bus.
  public var bus: String
  /// Its meters, by address.
  public var meters: [GridMeter]
  /// The selected meter and the scroll position.
  public var table: TableState

  /// The pick list of `bus`.
  public init(bus: String, meters: [GridMeter], selected: Int = 0) {
    self.bus = bus
    self.meters = meters
    table = TableState()
    table.selected = min(max(0, selected), max(0, meters.count - 1))
  }

  /// The meter on the selected row.
  public var selectedMeter: GridMeter? {
    meters.indices.contains(table.selected) ? meters[table.selected] : nil
  }
}

/// A value of a watched meter.
public enum WatchField: Int, Sendable, Hashable, CaseIterable {
  /// Voltage in 0.1 V.
  case voltage
  /// Current in 0.01 A.
  case current
  /// Active power in W.
  case power
  /// Power factor in thousandths.
  case powerFactor
  /// Total active energy in 0.01 kWh.
  case energy
  /// Remaining amount in fen.
  case remaining
  /// Purchase count.
  case purchaseCount
  /// Relay: 1 closed, 0 open.
  case relay
}

/// A value as last read and when.
public struct WatchSample: Sendable, Hashable {
  /// The raw value (see `WatchField` for the unit).
  public var value: Int64
  /// When it was read.
  public var at: Date

  /// A sample.
  public init(value: Int64, at: Date) {
    self.value = value
    self.at = at
  }
}

/// A meter's live watch: each value as last read, with its time.
public struct MeterWatch: Sendable, Hashable {
  /// The meter watched.
  public var meter: String
  /// The pick list to go back to.
  public var pick: BusMeterPick
  /// The values read so far, each with its read time (a value missing from a read keeps its older time).
  public var samples: [WatchField: WatchSample]
  /// Reads received.
  public var reads: Int
  /// The last read's error, if any.
  public var lastError: String?

  /// A watch of `meter` waiting for its first read.
  public init(meter: String, pick: BusMeterPick) {
    self.meter = meter
    self.pick = pick
    samples = [:]
    reads = 0
    lastError = nil
  }
}

/// Where a relay test stands.
public enum RelayTestPhase: Sendable, Hashable {
  /// "Trip this live meter?" with the highlighted button (0 confirm, 1 cancel).
  case confirming(selected: Int)
  /// The supervisor approval dialog (the operator may not control meters).
  case approving
  /// Steps are being done.
  case running
  /// Done: whether every step went as expected, and the services' summary.
  case finished(ok: Bool, detail: String)
}

/// One step of a relay test as reported.
public struct RelayStep: Sendable, Hashable {
  /// What was done ("trip", "verify open" … as the services name it).
  public var step: String
  /// Whether it went as expected.
  public var ok: Bool

  /// A step.
  public init(step: String, ok: Bool) {
    self.step = step
    self.ok = ok
  }
}

/// A relay test of one meter: trip, verify, close, verify.
public struct RelayTest: Sendable, Hashable {
  /// The meter tested.
  public var meter: String
  /// The pick list to go back to.
  public var pick: BusMeterPick
  /// Where the test stands.
  public var phase: RelayTestPhase
  /// The steps done so far.
  public var steps: [RelayStep]
  /// The approving supervisor's name.
  public var supervisorName: FormField
  /// The approving supervisor's password.
  public var supervisorPassword: FormField
  /// True when the password field has the keys.
  public var onPassword: Bool
  /// True when the approval was left without approving, or sent with a field empty.
  public var approvalProblem: Bool

  /// A test of `meter`, asking for confirmation first.
  public init(meter: String, pick: BusMeterPick) {
    self.meter = meter
    self.pick = pick
    phase = .confirming(selected: 1)
    steps = []
    supervisorName = FormField(label: "")
    supervisorName.maxLength = 32
    supervisorPassword = FormField(label: "", secure: true)
    supervisorPassword.maxLength = 64
    onPassword = false
    approvalProblem = false
  }
}

/// A meter's raw register view: function 3 or 4, start address and count, then the values.
public struct RegisterView: Sendable, Hashable {
  /// The meter read.
  public var meter: String
  /// The pick list to go back to.
  public var pick: BusMeterPick
  /// The Modbus function: 3 holding registers, 4 input registers.
  public var function: Int
  /// The start address (decimal, or hex with 0x).
  public var start: FormField
  /// How many registers (1–125).
  public var count: FormField
  /// The field with the keys: 0 function, 1 start, 2 count.
  public var focus: Int
  /// The registers read.
  public var rows: [RegisterRow]
  /// True while a read is in flight.
  public var reading: Bool
  /// The read's error, or nil.
  public var error: String?
  /// True when the start or count was refused.
  public var invalid: Bool
  /// The scroll position of the values.
  public var table: TableState

  /// The form for `meter`: function 3, start 0, count 10.
  public init(meter: String, pick: BusMeterPick) {
    self.meter = meter
    self.pick = pick
    function = 3
    start = FormField(label: "", value: "0")
    start.maxLength = 6
    start.cursor = 1
    count = FormField(label: "", value: "10")
    count.maxLength = 3
    count.cursor = 2
    focus = 1
    rows = []
    reading = false
    error = nil
    invalid = false
    table = TableState()
  }

  /// The start address typed (decimal or 0x hex, 0–65535), nil when invalid.
  public var startAddress: Int? {
    let text = start.value.trimmingCharacters(in: .whitespaces).lowercased()
    let value = text.hasPrefix("0x") ? Int(text.dropFirst(2), radix: 16) : Int(text)
    guard let value, value >= 0, value <= 0xFFFF else { return nil }
    return value
  }

  /// The count typed (1–125), nil when invalid.
  public var registerCount: Int? {
    guard let value = Int(count.value), value >= 1, value <= 125 else { return nil }
    return value
  }
}

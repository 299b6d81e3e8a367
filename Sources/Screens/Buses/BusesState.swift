import Domain
import Foundation
import TerminalUI

/// The live frame trace of one bus.
public struct BusTrace: Sendable, Hashable {
  /// The bus traced.
  public var bus: String
  /// The most recent frames, oldest first (at most `BusTrace.limit`).
  public internal(set) var lines: [TraceLine]

  /// Frames kept per trace.
  public static let limit = 500

  /// An empty trace of `bus`.
  public init(bus: String) {
    self.bus = bus
    lines = []
  }
}

/// The bus view: the buses, the selection and the open trace, if any.
public struct BusesState: Sendable, Hashable {
  /// The buses, as last loaded.
  public internal(set) var buses: [BusRow]
  /// True once `busesLoaded` arrived.
  public internal(set) var loaded: Bool
  /// The selected bus and the scroll position.
  public internal(set) var table: TableState
  /// The open trace, nil when closed.
  public internal(set) var trace: BusTrace?
  /// The open commissioning panel (scan, meters, watch, relay test, registers), nil when closed.
  public internal(set) var panel: CommissioningPanel?
  /// The logged-in operator's role (a relay test needs approval without `.remoteControl`).
  public internal(set) var role: Role?
  /// The site's meters, for the pick list of a bus.
  public internal(set) var meters: [GridMeter]
  /// The time now (ages of watched values).
  public internal(set) var now: Date
  /// Site time for frame timestamps.
  public var clock: SiteClock
  /// The screen's area.
  public internal(set) var size: Size

  /// An empty bus view.
  public init(size: Size, clock: SiteClock) {
    buses = []
    loaded = false
    table = TableState()
    trace = nil
    panel = nil
    role = nil
    meters = []
    now = Date(timeIntervalSince1970: 0)
    self.clock = clock
    self.size = size
  }

  /// The bus on the selected row.
  public var selectedBus: BusRow? {
    table.selected >= 0 && table.selected < buses.count ? buses[table.selected] : nil
  }

  /// True when Esc closes the trace or a panel rather than leaving the screen.
  public var capturesEscape: Bool { trace != nil || panel != nil }

  /// True when the screen takes typed characters (the scan range, register and approval fields).
  public var acceptsText: Bool {
    switch panel {
    case .scanRange?, .registers?: true
    case .relay(let test)?: test.phase == .approving
    default: false
    }
  }

  /// Where the bus table sits (its height shrinks to leave room for the trace).
  var tableRect: Rect {
    let top = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 1))
    guard trace != nil || panel != nil else { return top }
    return top.splitVertically(top: min(buses.count + 1, max(3, top.height / 2))).0
  }

  /// Where the trace or the commissioning panel sits: below the bus table.
  var panelRect: Rect {
    let top = tableRect.maxY
    return Rect(x: 0, y: top, width: size.width, height: max(0, size.height - top))
  }

  /// Table rows that fit.
  var visibleRows: Int { max(1, tableRect.height - 1) }
}

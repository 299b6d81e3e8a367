import Foundation

/// A batch remote operation (批量操作) on many meters at once.
public enum BatchOperation: String, Sendable, Hashable, CaseIterable {
  /// 电价下发: write the meters' tariff prices.
  case price
  /// 设置下发: write alarm amounts and the overload power threshold.
  case settings
  /// 保电: force the relay closed, whatever the balance.
  case keepPower = "keep_power"
  /// 恢复预付费: trip automatically on arrears again.
  case restore
  /// 拉闸: force the relay open.
  case trip
  /// 合闸: close the relay.
  case close
  /// 抄表导出: read the meters and export the readings.
  case export
}

/// Which meters a batch operation goes to.
public enum BatchTarget: Sendable, Hashable {
  /// The meters tagged on the grid (Space).
  case tagged([String])
  /// The grid's current filter or search result.
  case filtered([String])
  /// Every meter on one bus, by bus name.
  case bus(String)
  /// Every meter in one building, by building code.
  case building(String)
  /// Every meter of the site.
  case all
}

/// A meter a batch operation leaves out, and why.
public struct BatchSkip: Sendable, Hashable {
  /// The meter number.
  public var meter: String
  /// Why it is skipped (shown as given).
  public var reason: String

  /// A skipped meter.
  public init(meter: String, reason: String) {
    self.meter = meter
    self.reason = reason
  }
}

/// What a batch operation would do, before it starts (after `.previewBatch`).
public struct BatchPreviewModel: Sendable, Hashable {
  /// The operation previewed.
  public var operation: BatchOperation
  /// How many meters it would be sent to.
  public var meters: Int
  /// The meters left out and why.
  public var skipped: [BatchSkip]
  /// What will be written, one line each (e.g. "峰 1.1000 元/kWh").
  public var writes: [String]
  /// True when a supervisor must approve by name and password (a trip of several meters, keep power).
  public var needsApproval: Bool

  /// A preview.
  public init(
    operation: BatchOperation, meters: Int, skipped: [BatchSkip], writes: [String], needsApproval: Bool
  ) {
    self.operation = operation
    self.meters = meters
    self.skipped = skipped
    self.writes = writes
    self.needsApproval = needsApproval
  }
}

/// Where one meter of a batch job stands.
public enum BatchItemStatus: String, Sendable, Hashable, CaseIterable {
  /// 排队: not tried yet.
  case queued
  /// 完成: the meter took it.
  case done
  /// 失败: the meter did not answer or refused.
  case failed
  /// 跳过: left out (see the reason).
  case skipped
}

/// One meter's result in a batch job.
public struct BatchResultRow: Sendable, Hashable {
  /// The meter number.
  public var meter: String
  /// The meter's bus.
  public var bus: String
  /// Where it stands.
  public var status: BatchItemStatus
  /// Why it failed or was skipped.
  public var reason: String?

  /// A result row.
  public init(meter: String, bus: String, status: BatchItemStatus, reason: String? = nil) {
    self.meter = meter
    self.bus = bus
    self.status = status
    self.reason = reason
  }
}

/// A batch job's counts on one bus.
public struct BatchBusProgress: Sendable, Hashable {
  /// The bus name.
  public var bus: String
  /// Meters done.
  public var done: Int
  /// Meters failed.
  public var failed: Int
  /// Meters still to do.
  public var left: Int

  /// A bus's counts.
  public init(bus: String, done: Int, failed: Int, left: Int) {
    self.bus = bus
    self.done = done
    self.failed = failed
    self.left = left
  }
}

/// How far a batch job has come (sent as it moves on, on every screen).
public struct BatchProgressModel: Sendable, Hashable {
  /// The job number.
  public var job: Int64
  /// The operation.
  public var operation: BatchOperation
  /// Meters in the job.
  public var total: Int
  /// Meters done.
  public var done: Int
  /// Meters failed.
  public var failed: Int
  /// Meters skipped.
  public var skipped: Int
  /// The counts per bus.
  public var perBus: [BatchBusProgress]
  /// The meter being worked on, if any.
  public var current: String?
  /// The estimated time left in seconds, nil when unknown.
  public var secondsLeft: Int?
  /// True once every meter was tried.
  public var finished: Bool

  /// A progress report.
  public init(
    job: Int64, operation: BatchOperation, total: Int, done: Int, failed: Int, skipped: Int,
    perBus: [BatchBusProgress], current: String?, secondsLeft: Int?, finished: Bool
  ) {
    self.job = job
    self.operation = operation
    self.total = total
    self.done = done
    self.failed = failed
    self.skipped = skipped
    self.perBus = perBus
    self.current = current
    self.secondsLeft = secondsLeft
    self.finished = finished
  }

  /// Meters tried so far: done, failed or skipped.
  public var processed: Int { done + failed + skipped }
}

/// One past or running batch job in the jobs list.
public struct BatchJobRow: Sendable, Hashable {
  /// The job number.
  public var job: Int64
  /// The operation.
  public var operation: BatchOperation
  /// The operator who ran it.
  public var createdBy: String
  /// The supervisor who approved it, if one had to.
  public var approvedBy: String?
  /// When it was started.
  public var createdAt: Date
  /// Meters in the job.
  public var total: Int
  /// Meters done.
  public var done: Int
  /// Meters failed.
  public var failed: Int
  /// True once every meter was tried.
  public var finished: Bool

  /// A jobs-list row.
  public init(
    job: Int64, operation: BatchOperation, createdBy: String, approvedBy: String?, createdAt: Date,
    total: Int,
    done: Int, failed: Int, finished: Bool
  ) {
    self.job = job
    self.operation = operation
    self.createdBy = createdBy
    self.approvedBy = approvedBy
    self.createdAt = createdAt
    self.total = total
    self.done = done
    self.failed = failed
    self.finished = finished
  }
}

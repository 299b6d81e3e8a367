import NIOCore

/// How urgently a bus should run a job.
public enum JobPriority: Int, Sendable, Comparable, CaseIterable {
  /// Sale delivery, an operator's command, read-now, live watch.
  case interactive = 0
  /// Batch remote operations.
  case batch = 1
  /// Routine sweeps.
  case routine = 2

  /// Interactive sorts first.
  public static func < (lhs: JobPriority, rhs: JobPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Work queued on a bus: a program that talks to one meter through a ``MeterChannel``.
struct Job {
  let priority: JobPriority
  let meterIndex: Int
  let run: (MeterChannel) -> EventLoopFuture<Void>
}

/// FIFO queues per priority; routine work is the sweep's own list and is not queued here.
struct JobQueues {
  private var interactive: [Job] = []
  private var batch: [Job] = []
  private var interactiveHead = 0
  private var batchHead = 0

  var isEmpty: Bool { interactiveHead == interactive.count && batchHead == batch.count }

  mutating func push(_ job: Job) {
    switch job.priority {
    case .interactive: interactive.append(job)
    case .batch, .routine: batch.append(job)
    }
  }

  /// The next job, interactive before batch.
  mutating func pop() -> Job? {
    if interactiveHead < interactive.count {
      defer { interactiveHead += 1; compact() }
      return interactive[interactiveHead]
    }
    if batchHead < batch.count {
      defer { batchHead += 1; compact() }
      return batch[batchHead]
    }
    return nil
  }

  /// Removes and returns every queued job (used on shutdown to fail them).
  mutating func removeAll() -> [Job] {
    let rest = Array(interactive[interactiveHead...]) + Array(batch[batchHead...])
    self = JobQueues()
    return rest
  }

  private mutating func compact() {
    if interactiveHead > 64, interactiveHead * 2 > interactive.count {
      interactive.removeFirst(interactiveHead)
      interactiveHead = 0
    }
    if batchHead > 64, batchHead * 2 > batch.count {
      batch.removeFirst(batchHead)
      batchHead = 0
    }
  }
}

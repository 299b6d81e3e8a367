import Domain
import Foundation
import Store

/// Which meters a batch job works on.
public enum BatchSelection: Sendable, Hashable {
  /// These meter numbers.
  case meters([String])
  /// Every meter of a bus.
  case bus(String)
  /// Every meter of a building (code).
  case building(String)
  /// Meters in one of these states now.
  case status(Set<MeterStatus>)
  /// Every meter of the site.
  case all

  /// The target as the job records it.
  public var description: String {
    switch self {
    case .meters(let numbers): return numbers.count == 1 ? "meter \(numbers[0])" : "\(numbers.count) meters"
    case .bus(let bus): return "bus \(bus)"
    case .building(let building): return "building \(building)"
    case .status(let states): return "status " + states.map(\.rawValue).sorted().joined(separator: ",")
    case .all: return "all meters"
    }
  }
}

/// Why a batch job was refused.
public enum BatchError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The operator's role lacks the permission.
  case notAllowed(operator: String, permission: Permission)
  /// A trip of several meters, or keep power, needs a supervisor's approval.
  case needsApproval(RemoteOperation)
  /// The approver is not a supervisor.
  case approverNotSupervisor(String)
  /// The selection names meters the site does not have.
  case unknownMeters([String])
  /// The selection is empty.
  case noMeters
  /// No such job.
  case unknownJob(Int64)

  /// A short English reason.
  public var description: String {
    switch self {
    case .notAllowed(let name, let permission):
      return "operator \"\(name)\" may not \(permission.rawValue) (\(permission.chineseName))"
    case .needsApproval(let operation):
      return "\(operation.rawValue) (\(operation.chineseName)) of these meters needs a supervisor's approval"
    case .approverNotSupervisor(let name): return "approver \"\(name)\" is not a supervisor"
    case .unknownMeters(let numbers): return "no such meter: \(numbers.joined(separator: ", "))"
    case .noMeters: return "the selection holds no meters"
    case .unknownJob(let job): return "no batch job \(job)"
    }
  }
}

/// What a batch job would do, before anything is recorded or sent.
public struct BatchPreview: Sendable, Hashable {
  /// The operation.
  public var operation: RemoteOperation
  /// The target as recorded.
  public var target: String
  /// Every selected meter: queued, or skipped with the reason.
  public var items: [BatchItemPlan]
  /// What is written, one line per value (prices in yuan/kWh, amounts in yuan, power in W).
  public var writes: [String]
  /// True when a supervisor must approve (a trip of several meters, keep power).
  public var needsApproval: Bool

  /// The meters that will be worked on.
  public var queued: Int { items.filter { $0.skipReason == nil }.count }
}

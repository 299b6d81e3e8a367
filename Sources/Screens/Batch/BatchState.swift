import Domain
import TerminalUI

/// The batch operations screen (批量操作): target and operation, the preview and its confirmation,
/// a job's live progress and results, and the list of jobs.
public struct BatchState: Sendable, Hashable {
  /// The logged-in operator's role (decides the operations offered).
  public internal(set) var role: Role
  /// The meters the target may be, from the grid.
  public internal(set) var scope: BatchScope
  /// The chosen kind of target, nil until one is chosen.
  public internal(set) var targetKind: BatchTargetKind?
  /// The bus chosen when the target is one bus (index into `scope.buses`).
  public internal(set) var busIndex: Int
  /// The building chosen when the target is one building (index into `scope.buildings`).
  public internal(set) var buildingIndex: Int
  /// The chosen operation.
  public internal(set) var operation: BatchOperation
  /// The setup list that has the keys.
  public internal(set) var focus: BatchFocus
  /// The step the screen is at.
  public internal(set) var phase: BatchPhase
  /// The shown job's progress, once known.
  public internal(set) var progress: BatchProgressModel?
  /// The shown job's per-meter results.
  public internal(set) var results: [BatchResultRow]
  /// The selected result and the scroll position.
  public internal(set) var resultsTable: TableState
  /// The jobs list, newest first.
  public internal(set) var jobs: [BatchJobRow]
  /// True once the jobs list arrived.
  public internal(set) var jobsLoaded: Bool
  /// The selected job and the scroll position.
  public internal(set) var jobsTable: TableState
  /// The job the jobs list returns to on Esc, nil for the setup.
  public internal(set) var jobsReturn: Int64?
  /// The job whose failed meters are being queued again.
  public internal(set) var retrying: Int64?
  /// The approving supervisor's name.
  public internal(set) var supervisorName: FormField
  /// The approving supervisor's password.
  public internal(set) var supervisorPassword: FormField
  /// True when the password field of the approval dialog has the keys.
  public internal(set) var approvalOnPassword: Bool
  /// A refusal or failure to show, until the next key.
  public internal(set) var problem: BatchProblem?
  /// The last success or progress to show.
  public internal(set) var notice: BatchNotice?
  /// The screen's area.
  public internal(set) var size: Size

  /// The setup for an operator of `role` aiming at `scope`: the tagged meters when any, else the grid's
  /// filtered set when the grid is narrowed, else no target; the first operation the role may run.
  public init(role: Role, scope: BatchScope, size: Size) {
    self.role = role
    self.scope = scope
    targetKind = !scope.tagged.isEmpty ? .tagged : !scope.filtered.isEmpty ? .filtered : nil
    busIndex = 0
    buildingIndex = 0
    operation = BatchOperation.allCases.first { BatchState.allows(role, $0) } ?? .export
    focus = targetKind == nil ? .target : .operation
    phase = .setup
    progress = nil
    results = []
    resultsTable = TableState()
    jobs = []
    jobsLoaded = false
    jobsTable = TableState()
    jobsReturn = nil
    retrying = nil
    supervisorName = FormField(label: "")
    supervisorName.maxLength = 32
    supervisorPassword = FormField(label: "", secure: true)
    supervisorPassword.maxLength = 64
    approvalOnPassword = false
    problem = nil
    notice = nil
    self.size = size
  }

  /// Whether `role` may run `operation`: prices and settings need `.downloadSettings`, relay commands
  /// `.remoteControl`, the reading export `.readMeters`.
  public static func allows(_ role: Role, _ operation: BatchOperation) -> Bool {
    switch operation {
    case .price, .settings: role.allows(.downloadSettings)
    case .keepPower, .restore, .trip, .close: role.allows(.remoteControl)
    case .export: role.allows(.readMeters)
    }
  }

  /// The target the services get for the chosen kind, nil when none is chosen.
  public var target: BatchTarget? {
    switch targetKind {
    case nil: nil
    case .tagged?: .tagged(scope.tagged)
    case .filtered?: .filtered(scope.filtered)
    case .bus?: scope.buses.indices.contains(busIndex) ? .bus(scope.buses[busIndex].id) : nil
    case .building?:
      scope.buildings.indices.contains(buildingIndex) ? .building(scope.buildings[buildingIndex].id) : nil
    case .all?: .all
    }
  }

  /// Meters in the target of `kind` as the grid knows them.
  public func count(_ kind: BatchTargetKind) -> Int {
    switch kind {
    case .tagged: scope.tagged.count
    case .filtered: scope.filtered.count
    case .bus: scope.buses.indices.contains(busIndex) ? scope.buses[busIndex].count : 0
    case .building:
      scope.buildings.indices.contains(buildingIndex) ? scope.buildings[buildingIndex].count : 0
    case .all: scope.total
    }
  }

  /// The job shown, if the screen shows one.
  public var shownJob: Int64? {
    if case .job(let job) = phase { return job }
    return nil
  }

  /// True when Esc closes something inside the screen (preview, dialogs, the jobs list); on the setup and
  /// a job's progress Esc leaves the screen (a job keeps running).
  public var capturesEscape: Bool {
    switch phase {
    case .setup, .job: false
    case .previewing, .preview, .confirming, .approving, .starting, .jobs: true
    }
  }

  /// True when the screen takes typed characters (the approval dialog).
  public var acceptsText: Bool {
    if case .approving = phase { return true }
    return false
  }

  /// Rows under a table: the message line and the key hint.
  static let footerRows = 2
}

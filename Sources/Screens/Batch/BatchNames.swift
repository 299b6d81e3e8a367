import Foundation
import TerminalUI

extension BatchScreen {
  /// The operation's name: 电价下发, 设置下发, 保电, 恢复预付费, 拉闸, 合闸, 抄表导出 (or English).
  public static func operationName(_ operation: BatchOperation, _ strings: Strings) -> String {
    switch operation {
    case .price: strings[BatchText.opPrice]
    case .settings: strings[BatchText.opSettings]
    case .keepPower: strings[BatchText.opKeepPower]
    case .restore: strings[BatchText.opRestore]
    case .trip: strings[BatchText.opTrip]
    case .close: strings[BatchText.opClose]
    case .export: strings[BatchText.opExport]
    }
  }

  /// What the operation does, one line.
  static func operationDescription(_ operation: BatchOperation, _ strings: Strings) -> String {
    switch operation {
    case .price: strings[BatchText.descPrice]
    case .settings: strings[BatchText.descSettings]
    case .keepPower: strings[BatchText.descKeepPower]
    case .restore: strings[BatchText.descRestore]
    case .trip: strings[BatchText.descTrip]
    case .close: strings[BatchText.descClose]
    case .export: strings[BatchText.descExport]
    }
  }

  /// The status word of a meter in a job: 排队, 完成, 失败, 跳过.
  static func statusName(_ status: BatchItemStatus, _ strings: Strings) -> String {
    switch status {
    case .queued: strings[BatchText.statusQueued]
    case .done: strings[BatchText.statusDone]
    case .failed: strings[BatchText.statusFailedWord]
    case .skipped: strings[BatchText.statusSkipped]
    }
  }

  /// The chosen target in words: "已勾选 3 块", "总线 B01", "全部电表".
  static func targetDescription(_ state: BatchState, _ strings: Strings) -> String {
    switch state.targetKind {
    case nil: return strings[CommonText.never]
    case .tagged?: return strings.format(BatchText.descTagged, "\(state.count(.tagged))")
    case .filtered?: return strings.format(BatchText.descFiltered, "\(state.count(.filtered))")
    case .bus?:
      let name =
        state.scope.buses.indices.contains(state.busIndex) ? state.scope.buses[state.busIndex].name : ""
      return strings.format(BatchText.descBus, name)
    case .building?:
      let buildings = state.scope.buildings
      let name = buildings.indices.contains(state.buildingIndex) ? buildings[state.buildingIndex].name : ""
      return strings.format(BatchText.descBuilding, name)
    case .all?: return strings[BatchText.descAll]
    }
  }

  /// A duration as an age: "45秒", "3分", "2时" (or "45s" …).
  static func duration(_ seconds: Int, _ strings: Strings) -> String {
    Format.age(
      since: Date(timeIntervalSince1970: 0), now: Date(timeIntervalSince1970: Double(max(0, seconds))),
      strings: strings)
  }

  /// The refusal or outcome to show, in the operator's language.
  static func message(_ state: BatchState, strings: Strings) -> (String, StyleRole)? {
    if let problem = state.problem { return (problemText(problem, strings), .error) }
    switch state.notice {
    case nil: return nil
    case .retrying(let job)?: return (strings.format(BatchText.retrying, "\(job)"), .info)
    case .exporting?: return (strings[BatchText.exporting], .info)
    case .exported(let path)?: return (strings.format(BatchText.exported, path), .success)
    }
  }

  private static func problemText(_ problem: BatchProblem, _ strings: Strings) -> String {
    switch problem {
    case .noTarget: strings[BatchText.noTarget]
    case .emptyTarget: strings[BatchText.emptyTarget]
    case .notAllowed: strings[BatchText.notAllowed]
    case .nothingToDo: strings[BatchText.nothingToDo]
    case .approvalCancelled: strings[BatchText.approvalCancelled]
    case .credentialsMissing: strings[SaleText.credentialsMissing]
    case .retryWhileRunning: strings[BatchText.retryWhileRunning]
    case .nothingFailed: strings[BatchText.nothingFailed]
    case .refused(let reason): strings.format(BatchText.refused, reason)
    case .exportFailed(let reason): strings.format(BatchText.exportFailed, reason)
    }
  }
}

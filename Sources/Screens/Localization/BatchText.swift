/// Strings of the batch operations screen (批量操作) and of the batch job on the status line.
public enum BatchText: LocalizedText {
  case screenTitle, fBatch, statusLine, statusFailed, statusMore
  case opPrice, opSettings, opKeepPower, opRestore, opTrip, opClose, opExport
  case descPrice, descSettings, descKeepPower, descRestore, descTrip, descClose, descExport
  case setupTitle, jobsKey, targetHeading, operationHeading, meterCount, noneChosen
  case targetTagged, targetFiltered, targetBus, targetBuilding, targetAll, noGroups
  case descTagged, descFiltered, descBus, descBuilding, descAll
  case runningJob, setupHint
  case previewing, previewTitle, previewMeters, previewSkipped, previewNoSkip, needsApproval
  case writesHeading, noWrites, skippedHeading, previewHint
  case confirmTitle, confirmLine, confirmTrip, confirmKeepPower, confirmYes, confirmNo, approvalLine, starting
  case colMeter, colBus, colStatus, colReason, colDone, colFailed, colLeft
  case statusQueued, statusDone, statusFailedWord, statusSkipped
  case jobTitle, running, finished, counts, current, timeLeft, allTried, waitingProgress, loadingResults
  case jobHint
  case jobsTitle, jobsLoading, jobsEmpty, colJob, colOperation, colBy, colApprovedBy, colAt, colTotal
  case colState, jobsHint
  case noTarget, emptyTarget, notAllowed, nothingToDo, approvalCancelled, retryWhileRunning, nothingFailed
  case refused, exportFailed, retrying, exporting, exported

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .screenTitle: ("批量操作", "Batch operations")
    case .fBatch: ("批量", "Batch")
    case .statusLine: ("批量 {0} {1}/{2}", "Batch {0} {1}/{2}")
    case .statusFailed: ("失败 {0}", "failed {0}")
    case .statusMore: ("另 {0} 个任务", "+{0} more")
    case .opPrice: ("电价下发", "Price download")
    case .opSettings: ("设置下发", "Settings download")
    case .opKeepPower: ("保电", "Keep power")
    case .opRestore: ("恢复预付费", "Restore prepay")
    case .opTrip: ("拉闸", "Trip")
    case .opClose: ("合闸", "Close")
    case .opExport: ("抄表导出", "Reading export")
    case .descPrice: ("把电价方案写入电表", "Write the tariff prices into the meters")
    case .descSettings: ("写入报警金额和功率阈值", "Write alarm amounts and the power limit")
    case .descKeepPower: ("强制合闸，欠费也不断电（需主管授权）", "Force the relay closed, even in arrears (supervisor)")
    case .descRestore: ("恢复欠费自动拉闸", "Trip automatically on arrears again")
    case .descTrip: ("强制断开继电器（多块需主管授权）", "Force the relay open (several meters: supervisor)")
    case .descClose: ("闭合继电器，恢复供电", "Close the relay, power back on")
    case .descExport: ("抄读电表并导出读数", "Read the meters and export the readings")
    case .setupTitle: ("批量操作 · 选择对象和操作", "Batch operations · choose the target and the operation")
    case .jobsKey: ("j 历史任务", "j jobs")
    case .targetHeading: ("对象", "Target")
    case .operationHeading: ("操作", "Operation")
    case .meterCount: ("{0} 块", "{0} meters")
    case .noneChosen: ("未选择对象：↑↓ 选择", "No target chosen: ↑↓ to choose")
    case .targetTagged: ("已勾选", "Tagged")
    case .targetFiltered: ("筛选结果", "Filtered")
    case .targetBus: ("总线", "Bus")
    case .targetBuilding: ("楼栋", "Building")
    case .targetAll: ("全部电表", "All meters")
    case .noGroups: ("无", "none")
    case .descTagged: ("已勾选 {0} 块", "{0} tagged meters")
    case .descFiltered: ("筛选结果 {0} 块", "{0} filtered meters")
    case .descBus: ("总线 {0}", "bus {0}")
    case .descBuilding: ("楼栋 {0}", "building {0}")
    case .descAll: ("全部电表", "all meters")
    case .runningJob: ("任务 #{0} {1} 进行中 {2}/{3} · j 查看", "Job #{0} {1} running {2}/{3} · j to see it")
    case .setupHint:
      (
        "Tab 切换 · ↑↓ 选择 · ←→ 换总线/楼栋 · 1-7 操作 · Enter 预览 · Esc 返回",
        "Tab · ↑↓ choose · ←→ bus/building · 1-7 operation · Enter preview · Esc back"
      )
    case .previewing: ("正在生成预览…", "Preparing the preview…")
    case .previewTitle: ("预览 · {0} · {1}", "Preview · {0} · {1}")
    case .previewMeters: ("将对 {0} 块电表执行 {1}", "{1} goes to {0} meters")
    case .previewSkipped: ("跳过 {0} 块", "{0} skipped")
    case .previewNoSkip: ("没有跳过的电表", "No meter skipped")
    case .needsApproval: ("需主管授权", "A supervisor must approve")
    case .writesHeading: ("写入内容", "What is written")
    case .noWrites: ("不写入参数", "Nothing is written")
    case .skippedHeading: ("跳过的电表", "Skipped meters")
    case .previewHint: ("Enter 执行 · Esc 返回修改", "Enter run · Esc change")
    case .confirmTitle: ("确认批量操作", "Run the batch operation")
    case .confirmLine: ("对 {0} 块电表执行 {1}", "{1} on {0} meters")
    case .confirmTrip: ("拉闸会断开租户供电", "A trip cuts the tenants' power")
    case .confirmKeepPower: ("保电后欠费也不会断电", "With keep power, arrears no longer cut the power")
    case .confirmYes: ("确认(Y)", "Confirm (Y)")
    case .confirmNo: ("取消(N)", "Cancel (N)")
    case .approvalLine: ("批量操作需主管输入账号和密码", "A supervisor enters their name and password to run this")
    case .starting: ("正在启动任务…", "Starting the job…")
    case .colMeter: ("表号", "Meter")
    case .colBus: ("总线", "Bus")
    case .colStatus: ("状态", "Status")
    case .colReason: ("原因", "Reason")
    case .colDone: ("完成", "Done")
    case .colFailed: ("失败", "Failed")
    case .colLeft: ("剩余", "Left")
    case .statusQueued: ("排队", "Queued")
    case .statusDone: ("完成", "Done")
    case .statusFailedWord: ("失败", "Failed")
    case .statusSkipped: ("跳过", "Skipped")
    case .jobTitle: ("任务 #{0} · {1}", "Job #{0} · {1}")
    case .running: ("进行中", "Running")
    case .finished: ("已结束", "Finished")
    case .counts:
      ("完成 {0} · 失败 {1} · 跳过 {2} · 剩余 {3} · 共 {4}", "Done {0} · failed {1} · skipped {2} · left {3} · of {4}")
    case .current: ("正在处理 {0}", "Working on {0}")
    case .timeLeft: ("预计还需 {0}", "about {0} left")
    case .allTried: ("全部电表已处理", "Every meter was tried")
    case .waitingProgress: ("等待进度…", "Waiting for progress…")
    case .loadingResults: ("正在载入结果…", "Loading the results…")
    case .jobHint:
      (
        "f 重试失败 · e 导出 · n 新任务 · j 历史任务 · Esc 离开（任务继续）",
        "f retry failed · e export · n new batch · j jobs · Esc leave (job goes on)"
      )
    case .jobsTitle: ("批量任务 · {0} 个", "Batch jobs · {0}")
    case .jobsLoading: ("正在载入批量任务…", "Loading the batch jobs…")
    case .jobsEmpty: ("还没有批量任务", "No batch job yet")
    case .colJob: ("任务", "Job")
    case .colOperation: ("操作", "Operation")
    case .colBy: ("操作员", "By")
    case .colApprovedBy: ("授权", "Approved")
    case .colAt: ("时间", "Started")
    case .colTotal: ("总数", "Total")
    case .colState: ("状态", "State")
    case .jobsHint: ("Enter 查看结果 · F5 刷新 · Esc 返回", "Enter results · F5 refresh · Esc back")
    case .noTarget: ("请先选择对象（↑↓）", "Choose a target first (↑↓)")
    case .emptyTarget: ("所选对象没有电表", "The target holds no meter")
    case .notAllowed: ("当前角色不能执行该操作", "Your role may not run this operation")
    case .nothingToDo: ("没有可执行的电表", "No meter is left to work on")
    case .approvalCancelled: ("已取消：未获主管授权", "Cancelled: no supervisor approval")
    case .retryWhileRunning: ("任务结束后才能重试失败的电表", "Retry the failed meters once the job has finished")
    case .nothingFailed: ("没有失败的电表", "No meter failed")
    case .refused: ("未执行：{0}", "Refused: {0}")
    case .exportFailed: ("导出失败：{0}", "Export failed: {0}")
    case .retrying: ("任务 #{0} 的失败电表重新排队…", "Queuing job #{0}'s failed meters again…")
    case .exporting: ("正在导出结果…", "Exporting the results…")
    case .exported: ("结果已导出到 {0}", "Results written to {0}")
    }
  }
}

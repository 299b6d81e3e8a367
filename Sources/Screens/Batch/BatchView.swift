import Domain
import TerminalUI

extension BatchScreen {
  /// Renders the step the screen is at: the setup (with `running`, the job still running, if any), the
  /// preview and its dialogs, a job's progress and results, or the jobs list (times in `clock`).
  public static func view(
    _ state: BatchState, running: BatchProgressModel?, clock: SiteClock, size: Size, language: Language
  ) -> Buffer {
    let strings = Strings(language)
    var buffer = Buffer(size: size)
    guard size.width > 0, size.height > BatchState.footerRows + 1 else { return buffer }
    switch state.phase {
    case .setup:
      drawSetup(state, running: running, into: &buffer, strings: strings)
    case .previewing:
      drawSetup(state, running: running, into: &buffer, strings: strings)
      footer(strings[BatchText.previewing], role: .info, hint: "", into: &buffer)
    case .preview(let preview), .starting(let preview):
      drawPreview(state, preview, into: &buffer, strings: strings)
    case .confirming(let preview, let selected):
      drawPreview(state, preview, into: &buffer, strings: strings)
      confirmDialog(state, preview, selected: selected, strings: strings).render(
        into: &buffer, in: Rect(size: size))
    case .approving(let preview):
      drawPreview(state, preview, into: &buffer, strings: strings)
      drawApproval(state, into: &buffer, strings: strings)
    case .job:
      drawJob(state, into: &buffer, strings: strings)
    case .jobs:
      drawJobs(state, clock: clock, into: &buffer, strings: strings)
    }
    return buffer
  }

  /// The message line (the problem or notice, else `text`) and the key hint under everything.
  static func footer(_ text: String?, role: StyleRole, hint: String, into buffer: inout Buffer) {
    let width = max(0, buffer.size.width - 2)
    let bottom = buffer.size.height - 1
    if let text { buffer.write(text, in: Rect(x: 1, y: bottom - 1, width: width, height: 1), role: role) }
    if !hint.isEmpty { buffer.write(hint, x: 1, y: bottom, role: .dim, maxWidth: width) }
  }

  /// The screen's message (problem or notice) and `hint` on the last two rows.
  static func footer(_ state: BatchState, hint: String, into buffer: inout Buffer, strings: Strings) {
    let message = message(state, strings: strings)
    footer(message?.0, role: message?.1 ?? .normal, hint: hint, into: &buffer)
  }

  private static func drawSetup(
    _ state: BatchState, running: BatchProgressModel?, into buffer: inout Buffer, strings: Strings
  ) {
    let size = buffer.size
    StatusLine(
      left: " " + strings[BatchText.setupTitle], right: strings[BatchText.jobsKey] + " ", role: .header
    )
    .render(into: &buffer, rect: Rect(x: 0, y: 0, width: size.width, height: 1))
    let half = max(0, size.width / 2)
    let left = Rect(x: 1, y: 2, width: max(0, half - 2), height: max(0, size.height - 2))
    let right = Rect(x: half + 1, y: 2, width: max(0, size.width - half - 2), height: max(0, size.height - 2))
    drawTargets(state, in: left, into: &buffer, strings: strings)
    drawOperations(state, in: right, into: &buffer, strings: strings)
    let noteY = 4 + BatchOperation.allCases.count
    if noteY < size.height - BatchState.footerRows - 1 {
      let note =
        operationName(state.operation, strings) + ": " + operationDescription(state.operation, strings)
      buffer.write(note, x: 1, y: noteY, role: .dim, maxWidth: size.width - 2)
    }
    if let running, !running.finished, size.height > 5 {
      let text = strings.format(
        BatchText.runningJob, "\(running.job)", operationName(running.operation, strings),
        "\(running.processed)",
        "\(running.total)")
      buffer.write(text, x: 1, y: size.height - 3, role: .info, maxWidth: size.width - 2)
    }
    footer(state, hint: strings[BatchText.setupHint], into: &buffer, strings: strings)
  }

  private static func drawTargets(
    _ state: BatchState, in rect: Rect, into buffer: inout Buffer, strings: Strings
  ) {
    guard rect.height > 1, rect.width > 4 else { return }
    buffer.write(strings[BatchText.targetHeading], x: rect.x, y: rect.y, role: .header, bold: true)
    for kind in BatchTargetKind.allCases {
      let y = rect.y + 1 + kind.rawValue
      guard y < rect.maxY else { break }
      let chosen = state.targetKind == kind
      let count = state.count(kind)
      let role: StyleRole = chosen && state.focus == .target ? .selected : count == 0 ? .dim : .normal
      let line = Rect(x: rect.x, y: y, width: rect.width, height: 1)
      buffer.fill(line, role: role)
      var label = (chosen ? "● " : "○ ") + targetLabel(kind, strings)
      if let group = groupName(state, kind, strings) { label += "  ◂ " + group + " ▸" }
      let countText = " " + strings.format(BatchText.meterCount, Format.grouped(count))
      let countWidth = Format.cells(countText)
      buffer.write(
        label, x: rect.x, y: y, role: role, maxWidth: max(0, rect.width - countWidth), bold: chosen)
      buffer.write(countText, in: line.splitHorizontally(right: countWidth).1, role: role, alignment: .right)
    }
    let noteY = rect.y + 2 + BatchTargetKind.allCases.count
    if state.targetKind == nil, noteY < rect.maxY {
      buffer.write(strings[BatchText.noneChosen], x: rect.x, y: noteY, role: .warning, maxWidth: rect.width)
    }
  }

  private static func targetLabel(_ kind: BatchTargetKind, _ strings: Strings) -> String {
    switch kind {
    case .tagged: strings[BatchText.targetTagged]
    case .filtered: strings[BatchText.targetFiltered]
    case .bus: strings[BatchText.targetBus]
    case .building: strings[BatchText.targetBuilding]
    case .all: strings[BatchText.targetAll]
    }
  }

  private static func groupName(_ state: BatchState, _ kind: BatchTargetKind, _ strings: Strings) -> String? {
    switch kind {
    case .bus:
      let buses = state.scope.buses
      return buses.indices.contains(state.busIndex) ? buses[state.busIndex].name : strings[BatchText.noGroups]
    case .building:
      let buildings = state.scope.buildings
      return buildings.indices.contains(state.buildingIndex)
        ? buildings[state.buildingIndex].name : strings[BatchText.noGroups]
    case .tagged, .filtered, .all:
      return nil
    }
  }

  private static func drawOperations(
    _ state: BatchState, in rect: Rect, into buffer: inout Buffer, strings: Strings
  ) {
    guard rect.height > 1, rect.width > 4 else { return }
    buffer.write(strings[BatchText.operationHeading], x: rect.x, y: rect.y, role: .header, bold: true)
    for (index, operation) in BatchOperation.allCases.enumerated() {
      let y = rect.y + 1 + index
      guard y < rect.maxY else { break }
      let chosen = state.operation == operation
      let allowed = BatchState.allows(state.role, operation)
      let role: StyleRole = chosen && state.focus == .operation ? .selected : allowed ? .normal : .dim
      let text = (chosen ? "● " : "○ ") + "\(index + 1) " + operationName(operation, strings)
      buffer.write(text, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role, bold: chosen)
    }
  }
}

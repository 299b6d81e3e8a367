import Domain
import TerminalUI

extension CommissioningScreen {
  /// Each watched value with its unit and its age.
  static func drawWatch(
    _ watch: MeterWatch, state: BusesState, in inner: Rect, into buffer: inout Buffer, strings: Strings
  ) {
    guard !watch.samples.isEmpty else {
      buffer.write(
        strings[CommissioningText.watchWaiting], x: inner.x, y: inner.y, role: .dim, maxWidth: inner.width)
      return
    }
    let labels = WatchField.allCases.map { watchLabel($0, strings) }
    let labelWidth = (labels.map { Format.cells($0) }.max() ?? 0) + 2
    let valueWidth = 18
    var y = inner.y
    for field in WatchField.allCases where y < inner.maxY {
      defer { y += 1 }
      buffer.write(watchLabel(field, strings), x: inner.x, y: y, role: .dim, maxWidth: inner.width)
      guard let sample = watch.samples[field] else {
        buffer.write(strings[CommonText.never], x: inner.x + labelWidth, y: y, role: .dim)
        continue
      }
      let value = watchValue(field, sample.value, strings)
      let role: StyleRole = field == .relay ? (sample.value == 1 ? .success : .tripped) : .normal
      buffer.write(
        value,
        in: Rect(
          x: inner.x + labelWidth, y: y, width: min(valueWidth, max(0, inner.width - labelWidth)), height: 1),
        role: role, alignment: .right)
      let age = strings.format(
        CommissioningText.ago, Format.age(since: sample.at, now: state.now, strings: strings))
      buffer.write(
        "  " + age, x: inner.x + labelWidth + valueWidth, y: y, role: .dim,
        maxWidth: max(0, inner.maxX - inner.x - labelWidth - valueWidth))
    }
    if let error = watch.lastError, y < inner.maxY {
      buffer.write(
        strings.format(DetailText.readFailed, error), x: inner.x, y: y, role: .error, maxWidth: inner.width)
    }
  }

  private static func watchLabel(_ field: WatchField, _ strings: Strings) -> String {
    switch field {
    case .voltage: strings[CommissioningText.voltage]
    case .current: strings[CommissioningText.current]
    case .power: strings[CommissioningText.power]
    case .powerFactor: strings[CommissioningText.powerFactor]
    case .energy: strings[CommissioningText.energy]
    case .remaining: strings[CommissioningText.remaining]
    case .purchaseCount: strings[CommissioningText.purchaseCount]
    case .relay: strings[CommissioningText.relay]
    }
  }

  private static func watchValue(_ field: WatchField, _ value: Int64, _ strings: Strings) -> String {
    switch field {
    case .voltage: Format.fixed(value, scale: 1, unit: "V", strings: strings)
    case .current: Format.fixed(value, scale: 2, unit: "A", strings: strings)
    case .power: Format.grouped(Int(value)) + " W"
    case .powerFactor: Format.fixed(value, scale: 3, unit: "", strings: strings)
    case .energy: Energy(centiKWh: value).description
    case .remaining: Format.yuan(Money(fen: value), strings: strings)
    case .purchaseCount: "\(value)"
    case .relay: strings[value == 1 ? CommissioningText.relayClosed : CommissioningText.relayOpen]
    }
  }

  /// The relay test's steps as they happen and its outcome; the confirmation or approval over them.
  static func drawRelay(_ test: RelayTest, in inner: Rect, into buffer: inout Buffer, strings: Strings) {
    var y = inner.y
    for step in test.steps where y < inner.maxY {
      let mark = step.ok ? "✓ " : "✕ "
      buffer.write(
        mark + step.step, x: inner.x, y: y, role: step.ok ? .success : .error, maxWidth: inner.width)
      y += 1
    }
    if y < inner.maxY {
      switch test.phase {
      case .running:
        buffer.write(
          strings[CommissioningText.relayRunning], x: inner.x, y: y, role: .info, maxWidth: inner.width)
      case .finished(let ok, let detail):
        let text = strings.format(ok ? CommissioningText.relayPassed : CommissioningText.relayFailed, detail)
        buffer.write(text, x: inner.x, y: y, role: ok ? .success : .error, maxWidth: inner.width, bold: true)
      case .confirming, .approving:
        break
      }
    }
    let area = Rect(x: 0, y: 0, width: buffer.size.width, height: buffer.size.height)
    switch test.phase {
    case .confirming(let selected):
      relayDialog(test, selected: selected, strings: strings).render(into: &buffer, in: area)
    case .approving:
      drawRelayApproval(test, into: &buffer, strings: strings)
    case .running, .finished:
      break
    }
  }

  /// "Trip this live meter?" with its buttons.
  static func relayDialog(_ test: RelayTest, selected: Int, strings: Strings) -> Dialog {
    Dialog(
      title: strings[CommissioningText.relayConfirmTitle],
      lines: [
        strings.format(CommissioningText.relayConfirmLine, test.meter),
        strings[CommissioningText.relayConfirmPower],
      ],
      buttons: [strings[CommissioningText.relayStart], strings[CommissioningText.relayCancel]],
      selected: selected,
      role: .dialog)
  }

  private static func drawRelayApproval(_ test: RelayTest, into buffer: inout Buffer, strings: Strings) {
    ApprovalDialog.draw(
      into: &buffer, strings: strings, reason: strings[CommissioningText.relayApprovalLine],
      name: test.supervisorName, password: test.supervisorPassword, onPassword: test.onPassword,
      problem: test.approvalProblem ? (strings[SaleText.credentialsMissing], .error) : nil)
  }

  /// The register form (function, start, count) and the values read: address, hex, decimal.
  static func drawRegisters(_ view: RegisterView, in inner: Rect, into buffer: inout Buffer, strings: Strings)
  {
    guard inner.height > 0 else { return }
    var x = inner.x
    let function = strings[view.function == 3 ? CommissioningText.holding : CommissioningText.input]
    x += buffer.write(strings[CommissioningText.function] + " ", x: x, y: inner.y, role: .normal)
    x += buffer.write(
      "◂ " + function + " ▸", x: x, y: inner.y, role: view.focus == 0 ? .inputFocused : .input)
    x += 2
    var start = view.start
    start.label = strings[CommissioningText.start]
    let startWidth = Format.cells(start.label) + 1 + 8
    start.render(
      into: &buffer, rect: Rect(x: x, y: inner.y, width: min(startWidth, max(0, inner.maxX - x)), height: 1),
      focused: view.focus == 1, labelWidth: Format.cells(start.label) + 1)
    x += startWidth + 2
    var count = view.count
    count.label = strings[CommissioningText.count]
    let countWidth = Format.cells(count.label) + 1 + 5
    count.render(
      into: &buffer, rect: Rect(x: x, y: inner.y, width: min(countWidth, max(0, inner.maxX - x)), height: 1),
      focused: view.focus == 2, labelWidth: Format.cells(count.label) + 1)
    guard inner.height > 1 else { return }
    if view.invalid {
      buffer.write(
        strings[CommissioningText.registersInvalid], x: inner.x, y: inner.y + 1, role: .error,
        maxWidth: inner.width)
    } else if view.reading {
      buffer.write(
        strings[CommissioningText.reading], x: inner.x, y: inner.y + 1, role: .info, maxWidth: inner.width)
    } else if let error = view.error {
      buffer.write(
        strings.format(CommissioningText.registersFailed, error), x: inner.x, y: inner.y + 1, role: .error,
        maxWidth: inner.width)
    } else if view.rows.isEmpty {
      buffer.write(
        strings[CommissioningText.registersEmpty], x: inner.x, y: inner.y + 1, role: .dim,
        maxWidth: inner.width)
    }
    guard inner.height > 3, !view.rows.isEmpty else { return }
    let rows = view.rows
    let columns = [
      TableColumn(title: strings[CommissioningText.colAddress], width: 13),
      TableColumn(title: strings[CommissioningText.colHex], width: 8, alignment: .right),
      TableColumn(title: strings[CommissioningText.colDecimal], width: 8, alignment: .right),
    ]
    let table = Table(columns: columns, rowCount: rows.count, showsMarkers: false) { index in
      let row = rows[index]
      return TableRow(cells: [hex(row.address) + " " + "\(row.address)", hex(Int(row.value)), "\(row.value)"])
    }
    table.render(
      into: &buffer, rect: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2),
      state: view.table, focused: false)
  }

  /// "0x0200": four hex digits, upper case.
  static func hex(_ value: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

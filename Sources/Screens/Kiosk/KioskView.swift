import Domain
import Foundation
import TerminalUI

extension KioskScreen {
  /// Renders the kiosk: a title bar, the start screen or the account's page, the message and key lines,
  /// and the admin exit dialog over them when open.
  public static func view(_ state: KioskState) -> Buffer {
    let strings = Strings(state.language)
    let size = state.size
    var buffer = Buffer(size: size)
    guard size.width > 0, size.height > 2 else { return buffer }
    let title = " \(strings[KioskText.title]) · \(state.siteName)"
    buffer.write(title, in: Rect(x: 0, y: 0, width: size.width, height: 1), role: .statusBar, bold: true)
    let time = String(state.clock.dateTime(state.now).prefix(16)) + " "
    let timeWidth = Format.cells(time)
    if size.width > Format.cells(title) + timeWidth {
      buffer.write(time, x: size.width - timeWidth, y: 0, role: .statusBar, maxWidth: timeWidth)
    }
    let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
    let keys: String
    if let account = state.account {
      drawAccount(account, state: state, strings: strings, into: &buffer, rect: body)
      keys = strings[KioskText.keys]
    } else {
      drawStart(state, strings: strings, into: &buffer, rect: body)
      keys = strings[KioskText.startHint]
    }
    buffer.write(
      " " + keys, in: Rect(x: 0, y: size.height - 1, width: size.width, height: 1), role: .statusBar)
    if let admin = state.admin { drawAdmin(admin, strings: strings, into: &buffer, size: size) }
    return buffer
  }

  // MARK: - Start screen

  private static func drawStart(_ state: KioskState, strings: Strings, into buffer: inout Buffer, rect: Rect)
  {
    let width = min(rect.width - 2, 66)
    let box = rect.centered(width: max(0, width), height: min(rect.height, 12))
    guard box.width > 10, box.height > 8 else { return }
    buffer.drawBox(box, role: .border, title: strings[KioskText.title])
    let inner = box.inset(by: 1)
    buffer.write(
      strings[KioskText.welcome], in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1),
      role: .title, alignment: .center, bold: true)
    let labelWidth =
      max(Format.cells(strings[KioskText.number]), Format.cells(strings[KioskText.password])) + 2
    let field = Rect(x: inner.x + 3, y: inner.y + 3, width: max(0, inner.width - 6), height: 1)
    var number = state.number
    number.label = strings[KioskText.number]
    var password = state.password
    password.label = strings[KioskText.password]
    let focused = state.admin == nil && !state.busy
    number.render(into: &buffer, rect: field, focused: focused && !state.onPassword, labelWidth: labelWidth)
    password.render(
      into: &buffer, rect: Rect(x: field.x, y: field.y + 2, width: field.width, height: 1),
      focused: focused && state.onPassword, labelWidth: labelWidth)
    if let (text, role) = message(state, strings) {
      buffer.write(
        text, in: Rect(x: inner.x + 1, y: inner.y + 6, width: inner.width - 2, height: 1), role: role,
        alignment: .center, bold: true)
    }
    buffer.write(
      strings[KioskText.noPasswordHint],
      in: Rect(x: inner.x + 1, y: inner.y + 8, width: inner.width - 2, height: 1), role: .dim,
      alignment: .center)
  }

  /// The message line's text and role.
  static func message(_ state: KioskState, _ strings: Strings) -> (String, StyleRole)? {
    guard let message = state.message else { return nil }
    switch message {
    case .checking: return (strings[KioskText.checking], .info)
    case .numberMissing: return (strings[KioskText.numberMissing], .error)
    case .notFound: return (strings[KioskText.notFound], .error)
    case .noPassword: return (strings[KioskText.noPassword], .warning)
    case .wrongPassword(let left): return (strings.format(KioskText.wrongPassword, "\(left)"), .error)
    case .locked(let until): return (strings.format(KioskText.locked, state.clock.hm(until)), .error)
    case .failure(let text): return (text, .error)
    case .reading: return (strings[KioskText.reading], .info)
    case .readDone: return (strings[KioskText.readDone], .success)
    case .readFailed: return (strings[KioskText.readFailed], .warning)
    case .readTimedOut: return (strings[KioskText.readTimedOut], .warning)
    case .readNotAvailable: return (strings[KioskText.readNotAvailable], .warning)
    }
  }

  // MARK: - Account

  private static func drawAccount(
    _ account: KioskAccount, state: KioskState, strings: Strings, into buffer: inout Buffer, rect: Rect
  ) {
    guard rect.height > 4 else { return }
    var x = rect.x + 1
    for tab in KioskTab.allCases {
      let text = " " + strings[tabText(tab)] + " "
      x +=
        buffer.write(
          text, x: x, y: rect.y, role: tab == state.tab ? .selected : .dim, maxWidth: max(0, rect.maxX - x),
          bold: tab == state.tab) + 1
    }
    let who =
      "\(strings[KioskText.account]) \(account.id)   \(strings[KioskText.tenant]) \(account.tenant)   "
      + "\(strings[KioskText.shop]) \(account.shop)"
    buffer.write(
      who, in: Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: 1), role: .header, bold: true
    )
    let page = Rect(x: rect.x + 1, y: rect.y + 3, width: rect.width - 2, height: rect.height - 4)
    switch state.tab {
    case .balance: drawBalance(account, state: state, strings: strings, into: &buffer, rect: page)
    case .recharges: drawRecharges(account, state: state, strings: strings, into: &buffer, rect: page)
    case .usage: drawUsage(account, state: state, strings: strings, into: &buffer, rect: page)
    }
    if let (text, role) = message(state, strings) {
      buffer.write(
        text, in: Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1), role: role,
        bold: true)
    }
  }

  private static func tabText(_ tab: KioskTab) -> KioskText {
    switch tab {
    case .balance: .tabBalance
    case .recharges: .tabRecharges
    case .usage: .tabUsage
    }
  }

  /// The meter's state in plain words, and its role.
  static func stateWords(_ meter: KioskMeter) -> (KioskText, StyleRole) {
    switch meter.status {
    case .offline: return (.stateOffline, .offline)
    case .unopened: return (.stateUnopened, .unopened)
    case .arrears: return meter.keepPower ? (.stateKept, .keepPower) : (.stateArrears, .arrears)
    case .alarm1: return (.stateLow, .alarm1)
    case .alarm2: return (.stateLow, .alarm2)
    case .normal:
      if meter.keepPower { return (.stateKept, .keepPower) }
      return meter.tripped ? (.stateOff, .tripped) : (.stateOn, .normalStatus)
    }
  }

  private static func drawBalance(
    _ account: KioskAccount, state: KioskState, strings: Strings, into buffer: inout Buffer, rect: Rect
  ) {
    let topUp = account.topUp.isEmpty ? strings[KioskText.noTopUp] : account.topUp
    let topUpLines = wrap(topUp, width: rect.width - 2)
    let topUpHeight = min(topUpLines.count, 3) + 1
    let meterRows = max(0, rect.height - topUpHeight - 1)
    let block = 4
    let visible = max(1, meterRows / block)
    let first = max(0, min(state.selectedMeter - visible + 1, account.meters.count - visible))
    for (offset, meter) in account.meters.dropFirst(first).prefix(visible).enumerated() {
      let index = first + offset
      let y = rect.y + offset * block
      guard y + 2 < rect.y + meterRows else { break }
      let selected = index == state.selectedMeter && account.meters.count > 1
      let (words, role) = stateWords(meter)
      let head = (selected ? "▶ " : "  ") + "\(strings[KioskText.meter]) \(meter.number)  \(meter.shop)"
      buffer.write(head, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .normal, bold: true)
      let amount = "\(strings[KioskText.remaining])  \(Format.yuan(meter.remaining, strings: strings)) "
      let amountWidth = Format.cells(amount)
      buffer.write(
        amount, x: max(rect.x + Format.cells(head) + 2, rect.maxX - amountWidth), y: y, role: role,
        maxWidth: amountWidth, bold: true)
      let stateText = "    " + strings[words]
      buffer.write(stateText, x: rect.x, y: y + 1, role: role, maxWidth: rect.width, bold: true)
      let read =
        meter.readAt.map {
          "\(String(state.clock.dateTime($0).prefix(16))) (\(Format.age(since: $0, now: state.now, strings: strings)))"
        }
        ?? strings[KioskText.never]
      let readText = "\(strings[KioskText.readAt]) \(read) "
      let readWidth = Format.cells(readText)
      if rect.width > Format.cells(stateText) + readWidth + 2 {
        buffer.write(readText, x: rect.maxX - readWidth, y: y + 1, role: .dim, maxWidth: readWidth)
      }
      var tariff = "    \(strings[KioskText.tariff]) \(meter.tariffName)"
      if let price = meter.price {
        tariff +=
          "   "
          + strings.format(
            KioskText.priceNow, meter.period.map { strings.period($0) } ?? "", price.decimalString
          )
          .replacingOccurrences(of: "  ", with: " ")
      }
      buffer.write(tariff, x: rect.x, y: y + 2, role: .normal, maxWidth: rect.width)
    }
    let top = rect.maxY - topUpHeight
    buffer.write(strings[KioskText.topUp], x: rect.x, y: top, role: .title, maxWidth: rect.width, bold: true)
    for (index, line) in topUpLines.prefix(topUpHeight - 1).enumerated() {
      buffer.write(line, x: rect.x + 2, y: top + 1 + index, role: .info, maxWidth: rect.width - 2)
    }
  }

  private static func drawRecharges(
    _ account: KioskAccount, state: KioskState, strings: Strings, into buffer: inout Buffer, rect: Rect
  ) {
    guard !account.recharges.isEmpty else {
      buffer.write(strings[KioskText.noRecharges], x: rect.x, y: rect.y, role: .dim, maxWidth: rect.width)
      return
    }
    let widths = [16, 12, 8, 12, 8, 8]
    let right = [false, false, false, true, false, true]
    func row(_ cells: [String], y: Int, role: StyleRole, bold: Bool) {
      var x = rect.x
      for (index, text) in cells.enumerated() {
        let width = min(widths[index], max(0, rect.maxX - x))
        buffer.write(
          text, in: Rect(x: x, y: y, width: width, height: 1), role: role,
          alignment: right[index] ? .right : .left, bold: bold)
        x += widths[index] + 2
      }
    }
    row(
      [KioskText.date, .meter, .kind, .amount, .payMethod, .bill].map { strings[$0] }, y: rect.y,
      role: .header,
      bold: true)
    let zh = state.language == .zh
    for (index, entry) in account.recharges.prefix(max(0, rect.height - 2)).enumerated() {
      row(
        [
          String(state.clock.dateTime(entry.at).prefix(16)), entry.meter,
          zh ? entry.kind.chineseName : entry.kind.englishName,
          Format.yuan(entry.amount, strings: strings),
          entry.payMethod.map { zh ? $0.chineseName : $0.englishName } ?? "",
          BillNumber(entry.bill).description,
        ], y: rect.y + 1 + index, role: .normal, bold: false)
    }
  }

  private static func drawUsage(
    _ account: KioskAccount, state: KioskState, strings: Strings, into buffer: inout Buffer, rect: Rect
  ) {
    let total = account.days.reduce(Int64(0)) { $0 + $1.energy.centiKWh }
    let heading =
      "\(strings[KioskText.usageTitle])   "
      + strings.format(KioskText.usageTotal, Energy(centiKWh: total).decimalString)
    buffer.write(heading, x: rect.x, y: rect.y, role: .title, maxWidth: rect.width, bold: true)
    guard !account.days.isEmpty else {
      buffer.write(strings[KioskText.noUsage], x: rect.x, y: rect.y + 2, role: .dim, maxWidth: rect.width)
      return
    }
    let bars = account.days.map { (label: String($0.day.suffix(5)), value: $0.energy.centiKWh) }
    let chartArea = Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: max(0, rect.height - 3))
    let columns = bars.count <= chartArea.height ? 1 : 2
    let perColumn = (bars.count + columns - 1) / columns
    let columnWidth = chartArea.width / columns
    for column in 0..<columns {
      let slice = Array(bars.dropFirst(column * perColumn).prefix(perColumn))
      let chart = BarChart(
        bars: slice, valueText: { Energy(centiKWh: $0).decimalString }, ascii: state.asciiCharts)
      chart.render(
        into: &buffer,
        rect: Rect(
          x: chartArea.x + column * columnWidth, y: chartArea.y, width: columnWidth - (columns > 1 ? 2 : 0),
          height: min(chartArea.height, slice.count)))
    }
  }

  /// Splits `text` into lines of at most `width` cells (CJK counts two).
  static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    var cells = 0
    for character in text {
      if character == "\n" {
        lines.append(line)
        line = ""
        cells = 0
        continue
      }
      let w = Format.cells(String(character))
      if cells + w > width {
        lines.append(line)
        line = ""
        cells = 0
      }
      line.append(character)
      cells += w
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  // MARK: - Admin exit

  private static func drawAdmin(
    _ admin: KioskAdminState, strings: Strings, into buffer: inout Buffer, size: Size
  ) {
    let box = Rect(size: size).centered(width: min(size.width, 48), height: min(size.height, 8))
    guard box.width > 12, box.height > 6 else { return }
    buffer.fill(box, role: .dialog)
    buffer.drawBox(box, role: .dialog, title: strings[KioskText.adminTitle])
    let inner = box.inset(by: 1)
    let labelWidth =
      max(Format.cells(strings[KioskText.adminName]), Format.cells(strings[KioskText.adminPassword])) + 2
    var name = admin.name
    name.label = strings[KioskText.adminName]
    var password = admin.password
    password.label = strings[KioskText.adminPassword]
    let field = Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: 1)
    name.render(into: &buffer, rect: field, focused: !admin.onPassword, labelWidth: labelWidth)
    password.render(
      into: &buffer, rect: Rect(x: field.x, y: field.y + 1, width: field.width, height: 1),
      focused: admin.onPassword, labelWidth: labelWidth)
    let status: (String, StyleRole)? =
      admin.checking
      ? (strings[KioskText.adminChecking], .info)
      : admin.refused ? (strings[KioskText.adminRefused], .error) : nil
    if let (text, role) = status {
      buffer.write(text, in: Rect(x: field.x, y: inner.y + 3, width: field.width, height: 1), role: role)
    }
    buffer.write(
      strings[KioskText.adminHint], in: Rect(x: field.x, y: inner.y + 5, width: field.width, height: 1),
      role: .dim)
  }
}

import Domain
import Foundation
import TerminalUI

extension DetailScreen {
  /// Width from which the detail shows two columns side by side.
  static let twoColumnWidth = 120

  /// Renders the heading line and the sections: two columns when wide, stacked and scrollable when narrow.
  public static func view(_ state: DetailState, size: Size, language: Language) -> Buffer {
    let strings = Strings(language)
    var buffer = Buffer(size: size)
    guard size.width > 0, size.height > 0 else { return buffer }
    drawHeading(state, into: &buffer, strings: strings)
    let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 1)
    guard let detail = state.detail else {
      buffer.write(strings[DetailText.loading], in: body.row(1), role: .dim, alignment: .center)
      return buffer
    }
    let content = DetailContent(state: state, detail: detail, strings: strings)
    let labelWidth = content.labelWidth()
    if size.width >= twoColumnWidth {
      let (left, right) = body.splitHorizontally(left: (body.width - 1) / 2)
      draw(leftColumn(content), in: left, scroll: 0, halves: false, labelWidth: labelWidth, into: &buffer)
      let rightRect = right.splitHorizontally(left: 2).1
      draw(
        rightColumn(content, sparkRows: 3), in: rightRect, scroll: 0, halves: false, labelWidth: labelWidth,
        into: &buffer)
    } else {
      let lines = stacked(content)
      let scroll = min(state.scroll, max(0, lines.count - body.height))
      draw(lines, in: body, scroll: scroll, halves: true, labelWidth: labelWidth, into: &buffer)
    }
    return buffer
  }

  /// Lines of the narrow layout (the same for both languages, so `update` can clamp the scroll).
  static func stacked(_ content: DetailContent) -> [DetailLine] {
    let strings = content.strings
    return [.title(strings[DetailText.account])] + paired(content.account())
      + [.title(strings[DetailText.live])] + paired(content.live())
      + [.title(strings[DetailText.settings])] + paired(content.settings())
      + [.title(strings[DetailText.identity])] + paired(content.identity())
      + [
        .title(strings[DetailText.dailyEnergy]), .sparkline(content.detail.dailyEnergy),
        .text(content.dailySummary(), .dim),
      ]
      + [.title(strings[DetailText.recentAlarms])] + content.alarms()
  }

  private static func leftColumn(_ content: DetailContent) -> [DetailLine] {
    let strings = content.strings
    return [.title(strings[DetailText.account])] + content.account().map { .pairs([$0]) } + [.blank]
      + [.title(strings[DetailText.settings])] + content.settings().map { .pairs([$0]) } + [.blank]
      + [.title(strings[DetailText.identity])] + content.identity().map { .pairs([$0]) }
  }

  private static func rightColumn(_ content: DetailContent, sparkRows: Int) -> [DetailLine] {
    let strings = content.strings
    return [.title(strings[DetailText.live])] + content.live().map { .pairs([$0]) } + [.blank]
      + [.title(strings[DetailText.dailyEnergy])]
      + Array(repeating: DetailLine.sparkline(content.detail.dailyEnergy), count: sparkRows)
      + [.text(content.dailySummary(), .dim), .blank]
      + [.title(strings[DetailText.recentAlarms])] + content.alarms()
  }

  /// Two short pairs per line; wide pairs alone.
  private static func paired(_ pairs: [DetailPair]) -> [DetailLine] {
    var lines: [DetailLine] = []
    var pending: DetailPair?
    for pair in pairs {
      if pair.wide {
        if let waiting = pending { lines.append(.pairs([waiting])) }
        pending = nil
        lines.append(.pairs([pair]))
      } else if let waiting = pending {
        lines.append(.pairs([waiting, pair]))
        pending = nil
      } else {
        pending = pair
      }
    }
    if let waiting = pending { lines.append(.pairs([waiting])) }
    return lines
  }

  private static func draw(
    _ lines: [DetailLine], in rect: Rect, scroll: Int, halves: Bool, labelWidth: Int,
    into buffer: inout Buffer
  ) {
    var index = scroll
    var y = rect.y
    while y < rect.maxY, index < lines.count {
      let row = Rect(x: rect.x, y: y, width: rect.width, height: 1)
      switch lines[index] {
      case .title(let text):
        buffer.write(text, in: row, role: .title, bold: true)
      case .pairs(let pairs):
        let slot = halves && pairs.count > 1 ? rect.width / 2 : rect.width
        for (position, pair) in pairs.enumerated() {
          drawPair(
            pair, in: Rect(x: rect.x + position * slot, y: y, width: slot, height: 1), labelWidth: labelWidth,
            into: &buffer)
        }
      case .text(let text, let role):
        buffer.write(text, in: row.splitHorizontally(left: 2).1, role: role)
      case .sparkline(let values):
        // Consecutive sparkline lines draw as one taller chart.
        var height = 1
        while index + height < lines.count, y + height < rect.maxY, case .sparkline = lines[index + height] {
          height += 1
        }
        Sparkline(values: values).render(
          into: &buffer,
          rect: Rect(x: rect.x + 2, y: y, width: max(0, min(rect.width - 2, values.count)), height: height))
        index += height - 1
        y += height - 1
      case .blank:
        break
      }
      index += 1
      y += 1
    }
  }

  private static func drawPair(_ pair: DetailPair, in rect: Rect, labelWidth: Int, into buffer: inout Buffer)
  {
    let (label, value) = rect.splitHorizontally(left: min(labelWidth, rect.width))
    buffer.write(pair.label, in: label.splitHorizontally(left: 2).1, role: .dim)
    buffer.write(pair.value, x: value.x, y: value.y, role: pair.role, maxWidth: max(0, value.width - 1))
  }

  private static func drawHeading(_ state: DetailState, into buffer: inout Buffer, strings: Strings) {
    let line = Rect(x: 0, y: 0, width: buffer.size.width, height: 1)
    var left = state.meter
    if let grid = state.detail?.grid {
      left += "  " + [grid.tenant ?? "", grid.shop].filter { !$0.isEmpty }.joined(separator: " · ")
    }
    let (right, role): (String, StyleRole)
    if state.reading {
      (right, role) = (strings[DetailText.reading], .info)
    } else {
      switch state.outcome {
      case .succeeded(let at)?:
        (right, role) = (strings.format(DetailText.readDone, state.clock.hms(at)), .success)
      case .failed(let error)?: (right, role) = (strings.format(DetailText.readFailed, error), .error)
      case nil: (right, role) = (strings[DetailText.readHint], .dim)
      }
    }
    StatusLine(left: left, right: right, role: .header).render(into: &buffer, rect: line)
    let width = min(Format.cells(right), line.width)
    buffer.setRole(role, in: Rect(x: line.maxX - width, y: 0, width: width, height: 1))
    if let status = state.detail?.grid.status {
      let word = " " + strings.status(status) + " "
      let x = min(line.maxX - 1, Format.cells(left) + 2)
      if x + Format.cells(word) <= line.maxX - width - 1 {
        buffer.write(word, x: x, y: 0, role: status.styleRole, bold: true)
      }
    }
  }
}

import Foundation

/// An editable receipt layout: fixed text with placeholders, one section per paper width.
///
/// Syntax (documented for sites in `sample-data/receipt.txt`): `{name}` placeholders with optional
/// `[<|>|^][width]` in display cells (`{amount:>12}`), `{^}`/`{>}` or `{name:^}` to centre or right-align
/// a line, `{rule}` for a horizontal rule, `{{`/`}}` for literal braces, the reference system's names
/// (`#MUserID` …) as aliases, `# ` comment lines and `@layout 32` / `@layout 40` / `@layout 80` sections.
public struct ReceiptTemplate: Sendable, Hashable {
  /// The layouts, one per paper width (or a single one for every width).
  let layouts: [TemplateLayout]

  /// Wraps parsed layouts.
  init(layouts: [TemplateLayout]) {
    self.layouts = layouts
  }

  /// Parses template text; `file` names it in errors (an unknown placeholder reports `file:line`).
  public static func parse(_ text: String, file: String) throws(TemplateError) -> ReceiptTemplate {
    ReceiptTemplate(layouts: try TemplateParser(file: file).parse(text))
  }

  /// Reads and parses a UTF-8 template file.
  public static func load(path: String) throws(TemplateError) -> ReceiptTemplate {
    guard let bytes = FileManager.default.contents(atPath: path) else {
      throw TemplateError(file: path, line: 0, message: "cannot read the template file")
    }
    guard let text = String(bytes: bytes, encoding: .utf8) else {
      throw TemplateError(file: path, line: 0, message: "the template is not UTF-8 text")
    }
    return try parse(text, file: path)
  }

  /// The FEATURES.md default layout (80-column table, 32- and 40-column stacked), used when the site has
  /// no file.
  public static let builtIn: ReceiptTemplate = {
    do {
      return try parse(builtInSource, file: "built-in receipt template")
    } catch {
      // Unreachable: the tests parse `builtInSource`. Still print the essentials rather than nothing.
      let essentials: [ReceiptField] = [.site, .bill, .datetime, .meter, .amount, .capitals]
      let lines = essentials.map { TemplateLine(segments: [.field($0, .left, width: nil)], alignment: .left) }
      return ReceiptTemplate(layouts: [TemplateLayout(width: nil, lines: lines)])
    }
  }()

  /// The receipt as text lines of at most `width` cells ending in "\n"; with `copies` > 1 (the 80-column
  /// triplicate 三联: 存根联, 客户联, 记账联) the copies follow one another, separated by a form feed.
  public func render(_ data: ReceiptData, width: ReceiptWidth, copies: Int = 1) -> String {
    render(data, cells: width.cells, copies: copies)
  }

  /// Each copy of the receipt on its own (存根联, 客户联, 记账联 for three), as `render` prints them: for
  /// printers that cut the copies apart instead of feeding a form.
  public func renderCopies(_ data: ReceiptData, width: ReceiptWidth, copies: Int = 1) -> [String] {
    renderCopies(data, cells: width.cells, copies: copies)
  }

  /// `render` for any width in cells.
  func render(_ data: ReceiptData, cells: Int, copies: Int) -> String {
    renderCopies(data, cells: cells, copies: copies).joined(separator: "\u{0C}")
  }

  /// `renderCopies` for any width in cells.
  func renderCopies(_ data: ReceiptData, cells: Int, copies: Int) -> [String] {
    let layout = self.layout(for: cells)
    let count = max(1, copies)
    return (0..<count).map { index in
      renderCopy(
        data, layout: layout, cells: cells, copyLabel: ReceiptMarks.copyLabel(index: index, of: count))
    }
  }

  /// One copy of the receipt.
  private func renderCopy(_ data: ReceiptData, layout: TemplateLayout, cells: Int, copyLabel: String)
    -> String
  {
    var lines: [TemplateLine] = []
    // Templates without {reprint} or {copy} (a migrated one) still get the marks, at the top.
    if data.reprint && !layout.uses(.reprint) {
      lines.append(TemplateLine(segments: [.field(.reprint, .left, width: nil)], alignment: .center))
    }
    if !copyLabel.isEmpty && !layout.uses(.copy) {
      lines.append(TemplateLine(segments: [.field(.copy, .left, width: nil)], alignment: .right))
    }
    lines += layout.lines
    let assembler = LineAssembler(data: data, copyLabel: copyLabel, width: cells)
    var output = ""
    for line in lines {
      guard let assembled = assembler.assemble(line) else { continue }
      for piece in LineWrapper.wrap(assembled.text, width: cells, hangingIndent: assembled.hangingIndent) {
        output += piece + "\n"
      }
    }
    return output
  }

  /// The layout for `cells`: the widest one that fits, else the narrowest.
  func layout(for cells: Int) -> TemplateLayout {
    let fitting = layouts.filter { ($0.width ?? 0) <= cells }
    if let best = fitting.max(by: { ($0.width ?? 0) < ($1.width ?? 0) }) { return best }
    return layouts.min { ($0.width ?? 0) < ($1.width ?? 0) } ?? TemplateLayout(width: nil, lines: [])
  }
}

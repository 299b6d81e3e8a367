/// How a placeholder's value sits in its fixed width.
enum FieldAlignment: Sendable, Hashable {
  case left, right, center
}

/// How a whole rendered line sits on the paper.
enum LineAlignment: Sendable, Hashable {
  case left, center, right
}

/// One piece of a template line.
enum TemplateSegment: Sendable, Hashable {
  /// Literal text.
  case text(String)
  /// A placeholder, with an optional width in cells (a minimum; text fields are also clipped to it).
  case field(ReceiptField, FieldAlignment, width: Int?)
  /// A horizontal rule of `fill` characters filling the rest of the line (`{rule}`, `{rule:=}`).
  case rule(Character)
}

/// One line of a layout.
struct TemplateLine: Sendable, Hashable {
  /// Its pieces, in order.
  var segments: [TemplateSegment]
  /// How the rendered line is placed on the paper.
  var alignment: LineAlignment

  /// The fields on the line.
  var fields: [ReceiptField] {
    segments.compactMap { segment in
      if case .field(let field, _, _) = segment { return field }
      return nil
    }
  }

  /// Whether the line has literal text other than spaces, or a rule.
  var hasFixedContent: Bool {
    segments.contains { segment in
      switch segment {
      case .text(let text): text.contains { $0 != " " && $0 != "\t" }
      case .rule: true
      case .field: false
      }
    }
  }
}

/// The lines to print at one paper width (`@layout 80`), or at every width when `width` is nil.
struct TemplateLayout: Sendable, Hashable {
  /// The paper width the layout is written for.
  var width: Int?
  /// Its lines.
  var lines: [TemplateLine]

  /// Whether some line uses `field`.
  func uses(_ field: ReceiptField) -> Bool {
    lines.contains { $0.fields.contains(field) }
  }
}

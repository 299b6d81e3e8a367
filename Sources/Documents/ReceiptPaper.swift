/// The paper a site's receipt printer takes, as `site.toml` names it (`[printer] paper`).
public enum ReceiptPaper: String, Sendable, CaseIterable {
  /// 58 mm thermal roll: 32 cells.
  case mm58 = "58mm"
  /// 80 mm thermal roll: 48 cells.
  case mm80 = "80mm"
  /// Dot-matrix printer on triplicate forms: 80 cells, three copies (存根联, 客户联, 记账联).
  case dotMatrix = "dot-matrix"

  /// The width receipts are rendered at.
  public var width: ReceiptWidth {
    switch self {
    case .mm58: .narrow
    case .mm80: .wide
    case .dotMatrix: .dotMatrix
    }
  }

  /// How many copies one receipt prints: the triplicate's three on dot-matrix forms, else one.
  public var copies: Int { self == .dotMatrix ? ReceiptMarks.copyNames.count : 1 }

  /// The copies printed at `width`: three at the dot-matrix width, else one (for a `--width` override).
  public static func copies(at width: ReceiptWidth) -> Int {
    width == .dotMatrix ? ReceiptPaper.dotMatrix.copies : 1
  }
}

/// The paper widths receipts are rendered for, in character cells (a CJK character takes two).
public enum ReceiptWidth: Int, Sendable, CaseIterable {
  /// 40 columns: 58 mm / 80 mm thermal receipt printers; the layout stacks "label: value" lines.
  case thermal = 40
  /// 80 columns: dot-matrix printers on triplicate (三联) forms; the layout is the FEATURES.md table.
  case dotMatrix = 80

  /// The width in cells.
  public var cells: Int { rawValue }
}

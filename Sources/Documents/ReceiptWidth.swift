/// The paper widths receipts are rendered for, in character cells (a CJK character takes two).
public enum ReceiptWidth: Int, Sendable, CaseIterable {
  /// 32 columns: 58 mm thermal receipt printers; the layout stacks short "label: value" lines.
  case narrow = 32
  /// 40 columns: the stacked layout at its designed width (58 mm printers with a small font).
  case thermal = 40
  /// 48 columns: 80 mm thermal receipt printers; the stacked layout with room to spare.
  case wide = 48
  /// 80 columns: dot-matrix printers on triplicate (三联) forms; the layout is the FEATURES.md table.
  case dotMatrix = 80

  /// The width in cells.
  public var cells: Int { rawValue }

  /// The accepted widths, for error messages: "32, 40, 48 or 80".
  public static var choices: String {
    let names = allCases.map { String($0.rawValue) }
    return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
  }
}

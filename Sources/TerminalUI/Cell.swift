/// One terminal cell: a character (grapheme cluster) and how it is styled.
public struct Cell: Sendable, Hashable {
  /// The character shown; a space for blank cells and for continuation cells.
  public var character: Character
  /// The theme role that styles this cell.
  public var role: StyleRole
  /// Bold on top of whatever the theme says for the role.
  public var bold: Bool
  /// True for the right half of a wide (two-cell) character; painters skip these cells.
  public var isContinuation: Bool

  /// A cell with the given content.
  public init(
    character: Character, role: StyleRole = .normal, bold: Bool = false,
    isContinuation: Bool = false
  ) {
    self.character = character
    self.role = role
    self.bold = bold
    self.isContinuation = isContinuation
  }

  /// A space in the normal role.
  public static let blank = Cell(character: " ")
}

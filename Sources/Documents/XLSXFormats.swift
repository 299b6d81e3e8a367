import CXlsxWriter

/// A libxlsxwriter call that failed, with its error text; `XLSXWriter` adds the path.
struct XLSXFailure: Error {
  /// What failed and why.
  var message: String

  /// Throws when `error` is not `LXW_NO_ERROR`, naming the call and libxlsxwriter's error string.
  static func check(_ error: lxw_error, _ call: String) throws(XLSXFailure) {
    guard error != LXW_NO_ERROR else { return }
    let text = lxw_strerror(error).map { String(cString: $0) } ?? "error \(error.rawValue)"
    throw XLSXFailure(message: "\(call): \(text)")
  }
}

/// The workbook's cell formats: title, header, and a plain and a bold (totals) one per column kind.
///
/// libxlsxwriter owns the formats and frees them in `workbook_close`.
struct XLSXFormats {
  /// Large bold title.
  let title: UnsafeMutablePointer<lxw_format>
  /// Bold, centred header with a rule below.
  let header: UnsafeMutablePointer<lxw_format>
  /// Data cells by kind.
  private let body: [SpreadsheetColumnKind: UnsafeMutablePointer<lxw_format>]
  /// Totals cells by kind: bold with a rule above.
  private let totals: [SpreadsheetColumnKind: UnsafeMutablePointer<lxw_format>]

  /// Money and energy: a number with grouping and two decimals.
  static let twoDecimals = "#,##0.00"
  /// Date-time cells.
  static let dateTime = "yyyy-mm-dd hh:mm:ss"

  /// Adds every format to `workbook`.
  init(workbook: UnsafeMutablePointer<lxw_workbook>) throws(XLSXFailure) {
    title = try Self.add(workbook)
    format_set_bold(title)
    format_set_font_size(title, 14)
    header = try Self.add(workbook)
    format_set_bold(header)
    format_set_align(header, UInt8(LXW_ALIGN_CENTER.rawValue))
    format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
    var body: [SpreadsheetColumnKind: UnsafeMutablePointer<lxw_format>] = [:]
    var totals: [SpreadsheetColumnKind: UnsafeMutablePointer<lxw_format>] = [:]
    for kind in SpreadsheetColumnKind.allCases {
      let plain = try Self.add(workbook)
      let bold = try Self.add(workbook)
      format_set_bold(bold)
      format_set_top(bold, UInt8(LXW_BORDER_THIN.rawValue))
      if let number = Self.numberFormat(kind) {
        format_set_num_format(plain, number)
        format_set_num_format(bold, number)
      }
      body[kind] = plain
      totals[kind] = bold
    }
    self.body = body
    self.totals = totals
  }

  /// The format for a cell of `kind`, bold in the totals row.
  func cell(_ kind: SpreadsheetColumnKind, bold: Bool) -> UnsafeMutablePointer<lxw_format>? {
    bold ? totals[kind] : body[kind]
  }

  /// Excel's number format for a kind; nil for text.
  static func numberFormat(_ kind: SpreadsheetColumnKind) -> String? {
    switch kind {
    case .text: nil
    case .integer: "0"
    case .money, .energy: twoDecimals
    case .dateTime: dateTime
    case .percent: "0.00%"
    }
  }

  /// A new format, or a failure when libxlsxwriter could not allocate one.
  private static func add(
    _ workbook: UnsafeMutablePointer<lxw_workbook>
  ) throws(XLSXFailure) -> UnsafeMutablePointer<lxw_format> {
    guard let format = workbook_add_format(workbook) else {
      throw XLSXFailure(message: "workbook_add_format failed")
    }
    return format
  }
}

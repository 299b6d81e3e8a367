import GRDB

extension Migrations {
  /// The receipt printer's paper and ESC/POS settings. The queue stays in `receiptQueue`; a site
  /// imported before this migration prints as before: dot-matrix paper, plain text.
  static func addPrinterSettings(_ db: Database) throws {
    try db.alter(table: "siteSettings") { t in
      t.add(column: "printerPaper", .text).notNull().defaults(to: "dot-matrix")
      t.add(column: "printerEscpos", .boolean).notNull().defaults(to: false)
    }
  }
}

import GRDB

extension Migrations {
  /// The receipt printer's paper and ESC/POS settings.
  static func addPrinterSettings(_ db: Database) throws {
  }
}

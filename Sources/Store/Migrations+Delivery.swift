import GRDB

extension Migrations {
  /// Delivery work recorded by any process for the lease holder: reads asked by other processes,
  /// conflict resolutions, and the site's read-before-sale age.
  static func createDeliveryWork(_ db: Database) throws {
  }
}

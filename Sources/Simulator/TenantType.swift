import SiteConfig

/// What kind of tenant a meter feeds, which shapes its daily load.
enum TenantType: String, Sendable, CaseIterable {
  /// Offices: working hours on weekdays.
  case office
  /// Shops in a mall: open 10:00–22:00 every day.
  case mall
  /// Apartments and dorms: mornings and evenings.
  case apartment
  /// Anything else: a flat, modest load.
  case other

  /// The type of a building, from its name or code (写字楼/办公/office, 购物/商场/mall/shop, 公寓/宿舍/住宅/apartment/dorm).
  static func of(building: BuildingDefinition?, code: String) -> TenantType {
    of(buildingName: building?.name ?? "", code: code)
  }

  /// The type from a building name and code.
  static func of(buildingName: String, code: String) -> TenantType {
    let text = (buildingName + " " + code).lowercased()
    let rules: [(TenantType, [String])] = [
      (.office, ["写字楼", "办公", "office", "tower"]),
      (.mall, ["购物", "商场", "商业", "mall", "shop", "retail", "plaza"]),
      (.apartment, ["公寓", "宿舍", "住宅", "apartment", "dorm", "residen", "flat"]),
    ]
    for (type, words) in rules where words.contains(where: { text.contains($0) }) {
      return type
    }
    return .other
  }
}

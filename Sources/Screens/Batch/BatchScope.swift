import Domain

/// A bus or building the batch target can be, with its meter count.
public struct BatchGroup: Sendable, Hashable {
  /// The bus name or building code sent to the services.
  public var id: String
  /// What the operator sees (bus name, or building code and name).
  public var name: String
  /// Meters in the group.
  public var count: Int

  /// A group.
  public init(id: String, name: String, count: Int) {
    self.id = id
    self.name = name
    self.count = count
  }
}

/// The meters the batch screen may aim at, taken from the grid when the screen opened.
public struct BatchScope: Sendable, Hashable {
  /// The tagged meter numbers, sorted.
  public var tagged: [String]
  /// The meters of the grid's filter or search result, in grid order (empty when nothing narrows the grid).
  public var filtered: [String]
  /// True when a status filter or a search narrowed the grid.
  public var filterActive: Bool
  /// The buses, by name.
  public var buses: [BatchGroup]
  /// The buildings, by code.
  public var buildings: [BatchGroup]
  /// Every meter of the site.
  public var total: Int

  /// A scope.
  public init(
    tagged: [String], filtered: [String], filterActive: Bool, buses: [BatchGroup], buildings: [BatchGroup],
    total: Int
  ) {
    self.tagged = tagged
    self.filtered = filtered
    self.filterActive = filterActive
    self.buses = buses
    self.buildings = buildings
    self.total = total
  }

  /// The scope of the grid as it is: tags, filtered rows (status filter and open search), buses, buildings.
  init(grid: GridState) {
    tagged = grid.tagged.sorted()
    let needle = grid.search?.field.value.trimmingSpaces.lowercased() ?? ""
    let searching = !needle.isEmpty
    filterActive = grid.shown.count < MeterStatus.allCases.count || searching
    filtered =
      filterActive
      ? grid.rows.compactMap { $0.meterIndex.map { grid.meters[$0] } }
        .filter { !searching || GridState.matches($0, needle) }.map(\.meter)
      : []
    var busCounts: [String: Int] = [:]
    var buildingCounts: [String: Int] = [:]
    var buildingNames: [String: String] = [:]
    for meter in grid.meters {
      busCounts[meter.bus, default: 0] += 1
      buildingCounts[meter.building, default: 0] += 1
      buildingNames[meter.building] = meter.buildingName
    }
    buses = busCounts.keys.sorted { GridState.naturalKey($0) < GridState.naturalKey($1) }.map {
      BatchGroup(id: $0, name: $0, count: busCounts[$0] ?? 0)
    }
    buildings = buildingCounts.keys.sorted { GridState.naturalKey($0) < GridState.naturalKey($1) }.map {
      let name = buildingNames[$0] ?? ""
      return BatchGroup(id: $0, name: name.isEmpty ? $0 : $0 + " " + name, count: buildingCounts[$0] ?? 0)
    }
    total = grid.meters.count
  }
}

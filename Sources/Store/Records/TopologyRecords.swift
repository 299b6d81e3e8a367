import GRDB

/// A named tariff, its definition stored as JSON text.
public struct TariffRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "tariff"
  /// Name meters refer to.
  public var name: String
  /// JSON of the tariff specification.
  public var spec: String
  /// Creates a tariff row.
  public init(name: String, spec: String) {
    self.name = name
    self.spec = spec
  }
}

/// A building (楼栋).
public struct BuildingRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "building"
  /// Short code.
  public var code: String
  /// Display name.
  public var name: String
  /// Creates a building row.
  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }
}

/// A communication manager (通讯管理机).
public struct GatewayRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "gateway"
  /// Short name.
  public var name: String
  /// Building code.
  public var building: String
  /// Make and model.
  public var model: String
  /// Network address.
  public var address: String
  /// Creates a gateway row.
  public init(name: String, building: String, model: String, address: String) {
    self.name = name
    self.building = building
    self.model = model
    self.address = address
  }
}

/// An RS-485 bus and how to reach it.
public struct BusRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "bus"
  /// Short stable name, e.g. `A-1`.
  public var name: String
  /// Gateway name, nil for a local serial port.
  public var gateway: String?
  /// `tcp`, `rtu-over-tcp` or `rtu`.
  public var framing: String
  /// `host:port` or a device path.
  public var endpoint: String
  /// Baud rate.
  public var baud: Int
  /// `N`, `E` or `O`.
  public var parity: String
  /// Response timeout in milliseconds.
  public var timeoutMs: Int
  /// Creates a bus row.
  public init(
    name: String, gateway: String?, framing: String, endpoint: String, baud: Int, parity: String,
    timeoutMs: Int
  ) {
    self.name = name
    self.gateway = gateway
    self.framing = framing
    self.endpoint = endpoint
    self.baud = baud
    self.parity = parity
    self.timeoutMs = timeoutMs
  }
}

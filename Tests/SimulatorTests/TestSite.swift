import Foundation
import MeterCrypto
import MeterProfiles
import Simulator
import SiteConfig
import TestSupport
import Testing

/// A small generated site: bus T-1 (Modbus TCP) and bus R-1 (RTU over TCP), four meters each.
///
/// | meter | bus | address | notes |
/// |---|---|---|---|
/// | 100000000001 | T-1 | 1 | keep power |
/// | 100000000002 | T-1 | 2 | |
/// | 100000000003 | T-1 | 3 | |
/// | 100000000004 | T-1 | 4 | not opened |
/// | 100000000011 | R-1 | 1 | |
/// | 100000000012 | R-1 | 2 | |
/// | 100000000013 | R-1 | 3 | power limit 100 W |
/// | 100000000014 | R-1 | 4 | not opened |
struct TestSite {
  /// Holds every file.
  let directory: TemporaryDirectory
  /// site.toml.
  let sitePath: String
  /// The site master key file (mode 0600).
  let keyPath: String
  /// The key in it.
  let masterKey: SiteMasterKey

  static let keepPowerMeter = "100000000001"
  static let tcpMeter = "100000000002"
  static let tcpMeter2 = "100000000003"
  static let unopenedMeter = "100000000004"
  static let rtuMeter = "100000000011"
  static let rtuMeter2 = "100000000012"
  static let overloadMeter = "100000000013"

  /// Writes the site files into a fresh directory.
  init() throws {
    directory = try TemporaryDirectory()
    sitePath = directory.path("site.toml")
    keyPath = directory.path("site.key")
    try Self.siteTOML.write(toFile: sitePath, atomically: true, encoding: .utf8)
    try Self.metersCSV.write(toFile: directory.path("meters.csv"), atomically: true, encoding: .utf8)
    try Self.accountsCSV.write(toFile: directory.path("accounts.csv"), atomically: true, encoding: .utf8)
    masterKey = try KeyFile.create(at: keyPath)
  }

  /// The site as the simulator reads it.
  func definition() throws -> SiteDefinition {
    try SiteFileReader.read(path: sitePath, knownProfiles: Set(Self.profiles().keys))
  }

  /// The shipped profiles.
  static func profiles() throws -> [String: MeterProfile] {
    try ProfileCatalog.shipped()
  }

  /// A path in the site's directory.
  func path(_ name: String) -> String { directory.path(name) }

  static let siteTOML = """
    [site]
    name = "测试站点"
    code = "TS"
    time_zone = "Asia/Shanghai"
    meters = "meters.csv"
    accounts = "accounts.csv"

    [defaults]
    alarm1 = "50.00"
    alarm2 = "20.00"
    power_threshold_w = 8000
    tariff = "tou"

    [tariffs.tou]
    kind = "tou"
    sharp = "1.3500"
    peak = "1.1000"
    flat = "0.7500"
    valley = "0.3500"
    schedule = ["00:00 valley", "08:00 flat", "10:00 peak", "12:00 sharp", "14:00 peak", "17:00 flat", "19:00 sharp", "21:00 peak", "22:00 valley"]

    [[buildings]]
    code = "A"
    name = "A座 写字楼"

    [[gateways]]
    name = "GW"
    building = "A"
    model = "test"
    address = "127.0.0.1"

    [[buses]]
    name = "T-1"
    gateway = "GW"
    framing = "tcp"
    endpoint = "127.0.0.1:15901"
    baud = 9600
    parity = "N"
    timeout_ms = 1000

    [[buses]]
    name = "R-1"
    gateway = "GW"
    framing = "rtu-over-tcp"
    endpoint = "127.0.0.1:15902"
    baud = 9600
    parity = "N"
    timeout_ms = 1000

    """

  static let metersCSV = """
    meter,bus,address,profile,building,floor,shop,circuit,ct_ratio,alarm1,alarm2,power_threshold_w,tariff,keep_power,disabled
    100000000001,T-1,1,acrel-ddsy1352,A,1,A-101,1AL-1,1,,,,,1,0
    100000000002,T-1,2,acrel-ddsy1352,A,1,A-102,1AL-2,1,,,,,0,0
    100000000003,T-1,3,acrel-ddsy1352,A,1,A-103,1AL-3,1,,,,,0,0
    100000000004,T-1,4,acrel-ddsy1352,A,1,A-104,1AL-4,1,,,,,0,0
    100000000011,R-1,1,acrel-ddsy1352,A,2,A-201,2AL-1,1,,,,,0,0
    100000000012,R-1,2,acrel-ddsy1352,A,2,A-202,2AL-2,1,,,,,0,0
    100000000013,R-1,3,acrel-ddsy1352,A,2,A-203,2AL-3,1,,,100,,0,0
    100000000014,R-1,4,acrel-ddsy1352,A,2,A-204,2AL-4,1,,,,,0,0

    """

  static let accountsCSV = """
    account,tenant,phone,shop,meters,opened_at
    TS00001,物业管理处,13900000001,A-101,100000000001,2024-03-01
    TS00002,甲公司,13900000002,A-102,100000000002;100000000003,2024-03-02
    TS00003,乙公司,13900000003,A-201,100000000011,2024-03-03
    TS00004,丙公司,13900000004,A-202,100000000012,2024-03-04
    TS00005,丁公司,13900000005,A-203,100000000013,2024-03-05

    """
}

/// A running in-process simulator of a test site, with its listeners by bus name.
struct RunningSimulator {
  let simulator: SiteSimulator
  let listeners: [String: BusListenerInfo]

  /// The port of a bus.
  func port(_ bus: String) throws -> Int {
    try #require(listeners[bus]?.port, "no port for \(bus)")
  }
}

/// Starts a simulator of `site` (always on any free port), runs `body`, and stops it on every path.
func withSimulator<T>(
  _ site: TestSite, options: SimulatorOptions = SimulatorOptions(), key: SiteMasterKey? = nil,
  useSiteKey: Bool = true, _ body: (RunningSimulator) async throws -> T
) async throws -> T {
  var options = options
  options.anyPort = true
  options.threads = 1
  let simulator = try SiteSimulator(
    site: try site.definition(), profiles: try TestSite.profiles(),
    masterKey: key ?? (useSiteKey ? site.masterKey : nil), options: options)
  let listeners = try await simulator.start()
  let running = RunningSimulator(
    simulator: simulator, listeners: Dictionary(uniqueKeysWithValues: listeners.map { ($0.bus, $0) }))
  do {
    let result = try await body(running)
    await simulator.stop()
    return result
  } catch {
    await simulator.stop()
    throw error
  }
}

/// Seconds since `start` on the monotonic clock.
func secondsSince(_ start: ContinuousClock.Instant) -> Double {
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The shipped DDSY1352 profile every test meter follows.
func ddsyProfile() throws -> MeterProfile {
  try #require(try TestSite.profiles()["acrel-ddsy1352"])
}

/// The profile's main poll block.
func mainBlock() throws -> PollBlock {
  try #require(try ddsyProfile().block(named: "main"))
}

/// Reads and decodes the main block of `unit` over a raw connection of the bus's framing.
func readMain(_ connection: RawConnection, unit: UInt8, rtu: Bool) throws -> MeterValues? {
  let block = try mainBlock()
  let answer =
    rtu ? try connection.rtu(block.request, unit: unit) : try connection.mbap(block.request, unit: unit)
  guard let registers = answer.registers else { return nil }
  return try ddsyProfile().decode(block: block, registers: registers)
}

/// Loads the sample site with the shipped profiles.
enum SiteDefinitionLoader {
  /// sample-data/site.toml.
  static func sample() throws -> SiteDefinition {
    try SiteFileReader.read(
      path: RepoPaths.sampleData.appendingPathComponent("site.toml").path,
      knownProfiles: Set(try TestSite.profiles().keys))
  }
}

import Domain
import Foundation
import Screens
import TerminalUI

/// Sample data for screen tests: a small mall with Chinese tenant names and every status.
enum SampleSite {
  /// 2025-05-01 04:00:00 UTC, 12:00:00 in the site's time (UTC+8).
  static let now = Date(timeIntervalSince1970: 1_746_072_000)
  static let clock = SiteClock(utcOffsetSeconds: 8 * 3600)
  static let small = Size(width: 80, height: 24)
  static let large = Size(width: 160, height: 48)

  static func meter(
    _ number: String, _ building: String, _ buildingName: String, _ floor: String, shop: String, bus: String,
    address: Int, tenant: String?, phone: String? = nil, status: MeterStatus, flags: MeterFlags = [],
    remainingFen: Int64?, ageSeconds: Double?, powerW: Int64? = nil
  ) -> GridMeter {
    GridMeter(
      meter: number, building: building, buildingName: buildingName, floor: floor, shop: shop, bus: bus,
      address: address, account: tenant == nil ? nil : "H" + number.suffix(5), tenant: tenant, phone: phone,
      status: status,
      flags: flags, remaining: remainingFen.map { Money(fen: $0) },
      readAt: ageSeconds.map { now.addingTimeInterval(-$0) }, powerW: powerW,
      energy: powerW.map { Energy(centiKWh: $0 * 37) })
  }

  /// Twelve meters in two buildings on three buses: all six statuses, keep-power, tripped, pending.
  static let meters: [GridMeter] = [
    meter(
      "202401000001", "A", "星河广场", "1F", shop: "A101", bus: "B01", address: 1,
      tenant: "上海星河物业管理有限公司", phone: "13800138000", status: .normal, remainingFen: 1_234_550, ageSeconds: 12,
      powerW: 2150),
    meter(
      "202401000002", "A", "星河广场", "1F", shop: "A102", bus: "B01", address: 2, tenant: "张记面馆",
      phone: "13912345678", status: .alarm1, remainingFen: 8_000, ageSeconds: 45, powerW: 3200),
    meter(
      "202401000003", "A", "星河广场", "1F", shop: "A103", bus: "B01", address: 3, tenant: "欧阳娜娜",
      phone: "13600001111", status: .alarm2, flags: [.pendingRecharge], remainingFen: 2_500, ageSeconds: 300,
      powerW: 800),
    meter(
      "202401000004", "A", "星河广场", "2F", shop: "A201", bus: "B01", address: 4, tenant: "李小龙健身",
      phone: "13700002222", status: .arrears, flags: [.tripped], remainingFen: -1_250, ageSeconds: 3600 * 3,
      powerW: 0),
    meter(
      "202401000005", "A", "星河广场", "2F", shop: "A202", bus: "B02", address: 1, tenant: nil,
      status: .unopened, remainingFen: 0, ageSeconds: 90),
    meter(
      "202401000006", "A", "星河广场", "2F", shop: "A203", bus: "B02", address: 2, tenant: "欧阳修书店",
      phone: "13500003333", status: .offline, remainingFen: 56_780, ageSeconds: 86_400 * 2),
    meter(
      "202401000007", "B", "云端大厦", "10F", shop: "B1001", bus: "B03", address: 7, tenant: "Acme Trading Ltd",
      phone: "02166668888", status: .normal, flags: [.keepPower], remainingFen: 998_877, ageSeconds: 5,
      powerW: 15_300),
    meter(
      "202401000008", "B", "云端大厦", "10F", shop: "B1002", bus: "B03", address: 8, tenant: "王府井咖啡",
      phone: "13300004444", status: .normal, remainingFen: 45_600, ageSeconds: nil),
    meter(
      "202401000009", "B", "云端大厦", "2F", shop: "B201", bus: "B03", address: 9, tenant: "陈氏律师事务所",
      phone: "13100005555", status: .alarm1, remainingFen: 9_900, ageSeconds: 30, powerW: 1200),
    meter(
      "202401000010", "B", "云端大厦", "2F", shop: "B202", bus: "B03", address: 10, tenant: "欧阳娜娜",
      phone: "13600001111", status: .arrears, flags: [.keepPower, .pendingRecharge], remainingFen: -500,
      ageSeconds: 20, powerW: 450),
    meter(
      "202401000011", "B", "云端大厦", "2F", shop: "B203", bus: "B03", address: 11, tenant: "刘记便利店",
      phone: "13200006666", status: .normal, remainingFen: 300_000, ageSeconds: 70, powerW: 640),
    meter(
      "202401000012", "B", "云端大厦", "10F", shop: "B1003", bus: "B03", address: 12, tenant: nil,
      status: .offline, remainingFen: nil, ageSeconds: nil),
  ]

  static let detail = MeterDetail(
    grid: meters[2], profile: "acrel-ddsy1352", circuit: "1F 照明 3#", ctRatio: 1, alarm1: Money.yuan(100),
    alarm2: Money.yuan(50), powerThresholdW: 8000, hoardingCap: Money.yuan(5000), tariffName: "商业分时电价",
    prices: [
      .sharp: Price(tenThousandthsYuanPerKWh: 13_500), .peak: Price(tenThousandthsYuanPerKWh: 11_000),
      .flat: Price(tenThousandthsYuanPerKWh: 8_500), .valley: Price(tenThousandthsYuanPerKWh: 4_200),
    ],
    keepPower: false, voltageDeciV: 2_203, currentCentiA: 364, powerW: 800, powerFactorMilli: 987,
    energyTotal: Energy(centiKWh: 1_234_567),
    energyByPeriod: [
      .sharp: Energy(centiKWh: 12_345), .peak: Energy(centiKWh: 456_789), .flat: Energy(centiKWh: 500_000),
      .valley: Energy(centiKWh: 265_433),
    ],
    purchaseCount: 17, purchaseTotal: Money(fen: 1_520_000), relayClosed: true,
    recentAlarms: [
      AlarmLine(at: now.addingTimeInterval(-300), kind: "alarm2", entered: true, detail: "25.00"),
      AlarmLine(at: now.addingTimeInterval(-7200), kind: "alarm1", entered: true, detail: "99.80"),
      AlarmLine(at: now.addingTimeInterval(-86_400), kind: "arrears", entered: false, detail: "200.00"),
    ],
    dailyEnergy: [
      820, 910, 1_050, 760, 880, 1_200, 1_340, 990, 870, 920, 1_010, 1_150, 1_300, 1_420, 980, 0, 640, 1_100,
      1_230, 1_180, 950, 870, 1_020, 1_260, 1_390, 1_470, 1_080, 930, 1_010, 1_120,
    ],
    lastError: nil)

  static let buses: [BusRow] = [
    BusRow(
      name: "B01", framing: "rtu-over-tcp", endpoint: "192.168.10.21:4001", meters: 4, online: 4, offline: 0,
      requests: 182_340, timeouts: 12, crcErrors: 3, exceptions: 0, p50: 38.2, p90: 52.7, p99: 96.4, up: true),
    BusRow(
      name: "B02", framing: "tcp", endpoint: "192.168.10.22:502", meters: 2, online: 1, offline: 1,
      requests: 90_120, timeouts: 3_411, crcErrors: 0, exceptions: 2, p50: 21.0, p90: 30.5, p99: 1_000.0,
      up: true,
      lastError: "meter 2: timeout"),
    BusRow(
      name: "B03", framing: "rtu", endpoint: "/dev/ttyUSB0", meters: 6, online: 0, offline: 6,
      requests: 5_000,
      timeouts: 5_000, crcErrors: 0, exceptions: 0, up: false, lastError: "open /dev/ttyUSB0: 设备不存在"),
  ]

  static let trace: [TraceLine] = [
    TraceLine(
      at: now.addingTimeInterval(-0.250), direction: "→", hex: "01 03 00 00 00 0A C5 CD", note: "read 10 @0"),
    TraceLine(
      at: now.addingTimeInterval(-0.212), direction: "←",
      hex: "01 03 14 08 9B 01 6C 03 20 03 DB 00 00 12 D6 87 00 00 30 39 00 00 27 10 5A 3B", note: "38 ms"),
    TraceLine(
      at: now.addingTimeInterval(-0.100), direction: "→", hex: "02 03 00 00 00 0A C5 FE", note: "read 10 @0"),
    TraceLine(at: now, direction: "✕", hex: "", note: "timeout after 1000 ms"),
  ]

  /// A console logged in as `role` on the grid with the sample meters loaded.
  static func app(
    language: Language, size: Size, role: Role = .admin, demoMode: Bool = false
  ) -> AppState {
    var state = AppState(language: language, demoMode: demoMode, size: size, now: now, clock: clock)
    _ = AppReducer.update(&state, .loggedIn(OperatorSession(name: "张三", role: role)))
    _ = AppReducer.update(&state, .metersLoaded(meters))
    return state
  }

  /// A generated site of `count` meters across 20 buildings, 10 floors and 40 buses.
  static func generated(_ count: Int) -> [GridMeter] {
    let statuses = MeterStatus.allCases
    return (0..<count).map { index -> GridMeter in
      let number = "3000" + String(String(100_000_000 + index).dropFirst(1))
      let status = statuses[index % 13 == 0 ? (index / 13) % statuses.count : 0]
      let remaining = Money(fen: Int64((index * 7919) % 500_000) - 10_000)
      let readAt = now.addingTimeInterval(-Double(index % 5000))
      let tenant: String? = index % 7 == 0 ? nil : "租户\(index)"
      return GridMeter(
        meter: number, building: "K\(index % 20)", buildingName: "楼\(index % 20)",
        floor: "\(index / 20 % 10 + 1)F",
        shop: "S\(index)", bus: "BUS\(index % 40)", address: index % 247 + 1, tenant: tenant,
        phone: "139\(10_000_000 + index)", status: status, remaining: remaining, readAt: readAt)
    }
  }
}

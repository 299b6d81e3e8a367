import Domain
import Foundation
import Screens
import TerminalUI
import Testing

/// The tenant kiosk: update sequences (tabs, idle, locked-down keys, admin exit) and goldens of the
/// start screen, the three pages and the admin dialog at 80×24 and 160×48 in both languages.
@Suite struct KioskGoldenTests {
  /// 2025-03-15 10:30 in Shanghai.
  static let now = Date(timeIntervalSince1970: 1_742_005_800)

  static let recharges: [KioskRecharge] = (0..<10).map { recharge($0) }

  static func recharge(_ index: Int) -> KioskRecharge {
    let meter = index % 3 == 0 ? "202411000106" : "202411000105"
    let refund = index == 4
    let amount: Money = refund ? Money.yuan(-50) : Money.yuan(Int64(100 * (index % 4 + 1)))
    let pay: PayMethod? = refund ? nil : PayMethod.allCases[index % 4]
    let at = now.addingTimeInterval(-Double(index) * 259_200 - 3_600)
    return KioskRecharge(
      bill: Int64(1_200 - index * 7), at: at, meter: meter, kind: refund ? .refund : .sale, amount: amount,
      payMethod: pay)
  }

  static let days: [KioskDay] = (0..<30).map { day($0) }

  static func day(_ index: Int) -> KioskDay {
    let date = now.addingTimeInterval(Double(index - 29) * 86_400)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    let text = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    let centi = Int64(800 + (index * 379) % 1_700)
    return KioskDay(day: text, energy: Energy(centiKWh: centi))
  }

  static let account = KioskAccount(
    id: "XH00012", tenant: "星河便利店", shop: "A-0105",
    meters: [
      KioskMeter(
        number: "202411000105", shop: "A-0105", remaining: Money(fen: 123_456),
        readAt: now.addingTimeInterval(-180), status: .normal, keepPower: false, tripped: false,
        tariffName: "commercial-tou", period: .peak, price: Price(tenThousandthsYuanPerKWh: 12_000)),
      KioskMeter(
        number: "202411000106", shop: "A-0105", remaining: Money(fen: 1_850),
        readAt: now.addingTimeInterval(-7_200), status: .alarm2, keepPower: false, tripped: false,
        tariffName: "commercial-tou", period: .peak, price: Price(tenThousandthsYuanPerKWh: 12_000)),
      KioskMeter(
        number: "202411000107", shop: "A-0105 库房", remaining: Money(fen: -560),
        readAt: now.addingTimeInterval(-86_400 * 2), status: .arrears, keepPower: true, tripped: false,
        tariffName: "apartment-single", period: nil, price: Price(tenThousandthsYuanPerKWh: 6_100)),
    ],
    recharges: recharges, days: days,
    topUp: "请到一楼物业服务中心充值（8:30–20:00），支持现金、微信、支付宝、银行卡。", at: now)

  static func start(_ language: Language, _ size: Size) -> KioskState {
    KioskState(
      language: language, size: size, siteName: "星河国际广场", clock: SiteClock(utcOffsetSeconds: 28_800),
      now: now)
  }

  static func send(_ state: inout KioskState, _ keys: Key...) -> [KioskEffect] {
    keys.flatMap { KioskScreen.update(&state, .input(.key($0))) }
  }

  static func type(_ state: inout KioskState, _ text: String) {
    for character in text { _ = KioskScreen.update(&state, .input(.key(.character(character)))) }
  }

  @Test func queryTakesThePasswordAndTabsNeedOneKeyEach() {
    var state = Self.start(.en, Size(width: 80, height: 24))
    Self.type(&state, "XH00012")
    #expect(Self.send(&state, .enter).isEmpty)
    Self.type(&state, "246810")
    #expect(Self.send(&state, .enter) == [.query(number: "XH00012", password: "246810")])
    _ = KioskScreen.update(&state, .accountLoaded(Self.account))
    #expect(state.password.value.isEmpty && state.number.value.isEmpty && state.tab == .balance)
    _ = Self.send(&state, .character("2"))
    #expect(state.tab == .recharges)
    _ = Self.send(&state, .character("3"))
    #expect(state.tab == .usage)
    _ = Self.send(&state, .down)
    #expect(Self.send(&state, .character("r")) == [.freshRead(account: "XH00012", meter: "202411000106")])
    #expect(state.busy && state.message == .reading)
  }

  @Test func idleAndEscapeClearEverything() {
    var state = Self.start(.zh, Size(width: 80, height: 24))
    _ = KioskScreen.update(&state, .accountLoaded(Self.account))
    _ = KioskScreen.update(&state, .idle)
    #expect(state.isClear && state.account == nil)
    _ = KioskScreen.update(&state, .accountLoaded(Self.account))
    _ = Self.send(&state, .escape)
    #expect(state.isClear)
  }

  @Test func noKeyLeavesTheKioskButAnAdmin() {
    var state = Self.start(.en, Size(width: 80, height: 24))
    #expect(Self.send(&state, .function(10), .control("c"), .escape, .character("q")).isEmpty)
    #expect(!state.exitRequested)
    _ = Self.send(&state, .control("x"))
    #expect(state.admin != nil)
    Self.type(&state, "boss")
    _ = Self.send(&state, .enter)
    Self.type(&state, "pw")
    #expect(Self.send(&state, .enter) == [.checkAdmin(name: "boss", password: "pw")])
    _ = KioskScreen.update(&state, .adminRefused)
    #expect(state.admin?.refused == true && !state.exitRequested)
    _ = KioskScreen.update(&state, .adminAccepted)
    #expect(state.exitRequested)
  }

  @Test func wrongPasswordKeepsTheNumberAndClearsThePassword() {
    var state = Self.start(.en, Size(width: 80, height: 24))
    Self.type(&state, "XH00012")
    _ = Self.send(&state, .enter)
    Self.type(&state, "111111")
    _ = Self.send(&state, .enter)
    _ = KioskScreen.update(&state, .refused(.wrongPassword(attemptsLeft: 4)))
    #expect(state.number.value == "XH00012" && state.password.value.isEmpty && state.onPassword)
  }

  @Test(arguments: GoldenScreenTests.cases)
  func startWithMessage(language: Language, size: Size) throws {
    var state = Self.start(language, size)
    Self.type(&state, "XH00012")
    _ = Self.send(&state, .enter)
    Self.type(&state, "1234")
    _ = KioskScreen.update(&state, .refused(.wrongPassword(attemptsLeft: 3)))
    Self.type(&state, "12")
    try Golden.check(KioskScreen.view(state), GoldenScreenTests.name("kiosk-start", language, size))
  }

  @Test(arguments: GoldenScreenTests.cases)
  func pages(language: Language, size: Size) throws {
    var state = Self.start(language, size)
    _ = KioskScreen.update(&state, .accountLoaded(Self.account))
    try Golden.check(KioskScreen.view(state), GoldenScreenTests.name("kiosk-balance", language, size))
    _ = Self.send(&state, .character("2"))
    try Golden.check(KioskScreen.view(state), GoldenScreenTests.name("kiosk-recharges", language, size))
    _ = Self.send(&state, .character("3"))
    try Golden.check(KioskScreen.view(state), GoldenScreenTests.name("kiosk-usage", language, size))
  }

  @Test(arguments: GoldenScreenTests.cases)
  func adminDialog(language: Language, size: Size) throws {
    var state = Self.start(language, size)
    _ = KioskScreen.update(&state, .accountLoaded(Self.account))
    _ = Self.send(&state, .control("x"))
    Self.type(&state, "boss")
    _ = Self.send(&state, .enter)
    Self.type(&state, "secret")
    _ = Self.send(&state, .enter)
    _ = KioskScreen.update(&state, .adminRefused)
    try Golden.check(KioskScreen.view(state), GoldenScreenTests.name("kiosk-admin", language, size))
  }
}

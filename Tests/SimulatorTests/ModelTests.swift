import Domain
import Foundation
import ModbusCore
import NIOCore
import SiteConfig
import Testing

@testable import Simulator

@Suite("simulator internals")
struct ModelTests {
  @Test("the wire scheduler queues transactions: wire time, t3.5, turnaround, and the bus busy until done")
  func wireScheduler() {
    var scheduler = WireScheduler(baud: 9600)
    let now = NIODeadline.uptimeNanoseconds(1_000_000_000)
    let turnaround = TimeAmount.milliseconds(20)
    let first = scheduler.begin(now: now, requestBytes: 8, turnaround: turnaround)
    let sent = scheduler.finish(first, responseBytes: 101)
    let wire = Int64(WireTiming.wireMicros(bytes: 109, baud: 9600))
    let silence = Int64(WireTiming.silenceMicros(baud: 9600))
    // Rounding per frame may differ from rounding the sum by a microsecond.
    let expected = now + .microseconds(wire + silence) + turnaround
    #expect(abs((sent ?? now).uptimeNanoseconds.distance(to: expected.uptimeNanoseconds)) <= 2_000)
    let second = scheduler.begin(now: now, requestBytes: 8, turnaround: turnaround)
    #expect(second.start == (sent ?? now) + .microseconds(silence), "the second waits for the first")
    _ = scheduler.finish(second, responseBytes: nil)
    #expect(scheduler.freeAt == second.requestEnd, "no answer: busy only for the request")
  }

  @Test("the wallet charges exactly: many small steps cost what one large step costs")
  func walletDoesNotDrift() {
    var small = MeterWallet(remainingFen: 100_000, energy: [:])
    var large = MeterWallet(remainingFen: 100_000, energy: [:])
    let price = Price(tenThousandthsYuanPerKWh: 11_000)
    for _ in 0..<10_000 { small.consume(milliWh: 333, period: .peak, price: price) }
    large.consume(milliWh: 3_330_000, period: .peak, price: price)
    #expect(small.remainingFen == large.remainingFen)
    #expect(small.energy(.peak) == 333)
    #expect(large.remainingFen == 100_000 - 366)  // 3.33 kWh × 1.10 = 3.663 yuan
  }

  @Test("load curves: deterministic per meter, shaped by tenant type")
  func loadCurves() {
    let office = LoadCurve(type: .office, meterNumber: "202411006138")
    let same = LoadCurve(type: .office, meterNumber: "202411006138")
    let minuteAt = { (hour: Int64) in Int64(19_700 * 1440) + hour * 60 }  // a Monday
    #expect(office.demandW(localMinute: minuteAt(10)) == same.demandW(localMinute: minuteAt(10)))
    #expect(office.demandW(localMinute: minuteAt(10)) > 3 * office.demandW(localMinute: minuteAt(3)))
    let apartment = LoadCurve(type: .apartment, meterNumber: "202431004017")
    #expect(apartment.demandW(localMinute: minuteAt(20)) > 2 * apartment.demandW(localMinute: minuteAt(11)))
    let mall = LoadCurve(type: .mall, meterNumber: "202421000874")
    #expect(mall.demandW(localMinute: minuteAt(15)) > 5 * mall.demandW(localMinute: minuteAt(4)))
    #expect((2134...2266).contains(office.voltageDeciV(localMinute: minuteAt(10))))
    #expect(TenantType.of(buildingName: "B座 购物中心", code: "B") == .mall)
    #expect(TenantType.of(buildingName: "C座 人才公寓", code: "C") == .apartment)
    #expect(TenantType.of(buildingName: "A座 写字楼", code: "A") == .office)
  }

  @Test("loopback endpoints only; the JSON line is exact")
  func endpointsAndJSON() throws {
    #expect(try LoopbackEndpoint(parsing: "127.0.0.1:15101", bus: "A-1").port == 15101)
    #expect(try LoopbackEndpoint(parsing: "localhost:0", bus: "A-1").host == "127.0.0.1")
    #expect(throws: SimulatorError.self) { try LoopbackEndpoint(parsing: "0.0.0.0:502", bus: "A-1") }
    #expect(throws: SimulatorError.self) { try LoopbackEndpoint(parsing: "192.168.1.5:502", bus: "A-1") }
    #expect(throws: SimulatorError.self) { try LoopbackEndpoint(parsing: "127.0.0.1", bus: "A-1") }
    let info = BusListenerInfo(bus: "A-1", framing: .rtuOverTCP, endpoint: "127.0.0.1:40001", meters: 27)
    #expect(
      info.jsonLine
        == #"{"bus": "A-1", "framing": "rtu-over-tcp", "endpoint": "127.0.0.1:40001", "meters": 27}"#)
    #expect(BusListenerInfo.readyLine == #"{"ready": true}"#)
    #expect(info.port == 40001)
  }
}

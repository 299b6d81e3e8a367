import Domain
import Testing

@Suite struct MeterObservationTests {
  @Test func defaults() {
    let observation = MeterObservation()
    #expect(!observation.opened)
    #expect(!observation.online)
    #expect(observation.remaining == nil)
    #expect(observation.alarm1Amount == .zero)
    #expect(observation.alarm2Amount == .zero)
    #expect(!observation.meterAlarm1Bit)
    #expect(!observation.meterAlarm2Bit)
    #expect(!observation.meterArrearsBit)
  }

  @Test func initializerKeepsEveryField() {
    let observation = MeterObservation(
      opened: true, online: true, remaining: .yuan(5), alarm1Amount: .yuan(20), alarm2Amount: .yuan(10),
      meterAlarm1Bit: true, meterAlarm2Bit: false, meterArrearsBit: true)
    #expect(observation.opened && observation.online)
    #expect(observation.remaining == .yuan(5))
    #expect(observation.alarm1Amount == .yuan(20))
    #expect(observation.alarm2Amount == .yuan(10))
    #expect(observation.meterAlarm1Bit && !observation.meterAlarm2Bit && observation.meterArrearsBit)
  }
}

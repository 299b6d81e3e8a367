import TerminalNcurses
import Testing

@Suite("Frame limiter and waker")
struct FrameLimiterTests {
  @Test("at most one frame per interval")
  func limiter() {
    var limiter = FrameLimiter(maxPerSecond: 30)
    let start = ContinuousClock.now
    #expect(limiter.delayUntilNextFrame(now: start) == nil)
    let first = limiter.shouldDraw(now: start)
    let tooSoon = limiter.shouldDraw(now: start + .milliseconds(10))
    #expect(first && !tooSoon)
    let delay = limiter.delayUntilNextFrame(now: start + .milliseconds(10))
    #expect(delay == .seconds(1) / 30 - .milliseconds(10))
    let next = limiter.shouldDraw(now: start + .seconds(1) / 30)
    #expect(next)
    #expect(limiter.lastFrame == start + .seconds(1) / 30)
    #expect(FrameLimiter(maxPerSecond: 0).minimumInterval == .seconds(1))
  }

  @Test("a burst of 1,000 events in one second yields about 30 frames")
  func burst() {
    var limiter = FrameLimiter()
    let start = ContinuousClock.now
    let frames = (0..<1_000).filter { limiter.shouldDraw(now: start + .milliseconds($0)) }.count
    #expect(frames == 30)
  }

  @Test("wake makes the pipe readable once; drain empties it")
  func waker() throws {
    let waker = try TerminalWaker()
    #expect(!waker.drain())
    for _ in 0..<10_000 { waker.wake() }  // never blocks, even when the pipe is full
    #expect(waker.drain())
    #expect(!waker.drain())
  }
}

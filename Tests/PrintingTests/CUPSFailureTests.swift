import Documents
import Foundation
import Printing
import TestSupport
import Testing

/// Print failures are reported with lp's message, never swallowed.
@Suite struct CUPSFailureTests {
  @Test func missingQueueThrowsLpsMessage() throws {
    let cups = try PrivateCUPS()
    defer { cups.stop() }
    let printer = CUPSPrinter(queue: "no-such-queue", server: cups.server)
    #expect {
      try printer.print("票号 00000042\n", title: "receipt")
    } throws: { error in
      guard let message = (error as? PrintError)?.message else { return false }
      return message.contains("no-such-queue") && message.contains("lp: Error")
        && message.contains("does not exist") && !message.contains("not running")
    }
  }

  @Test func stoppedSchedulerThrows() throws {
    let listener = try ByteListener()
    defer { listener.stop() }
    let cups = try PrivateCUPS()
    defer { cups.stop() }
    try cups.addRawQueue("meterdesk-down", device: "socket://127.0.0.1:\(listener.port)")
    let server = cups.server
    cups.stop()

    let printer = CUPSPrinter(queue: "meterdesk-down", server: server)
    #expect {
      try printer.print(PrintFixtures.sale(), width: .thermal)
    } throws: { error in
      guard let message = (error as? PrintError)?.message else { return false }
      return message.contains("scheduler is not running") && message.contains(server)
    }
    #expect(listener.connectionCount == 0)
  }

  @Test func emptyQueueNameIsRefused() {
    #expect(throws: PrintError(message: "no printer queue is configured")) {
      try CUPSPrinter(queue: "").print("x\n", title: "t")
    }
  }
}

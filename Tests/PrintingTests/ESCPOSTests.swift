import Documents
import Domain
import Foundation
import Printing
import TestSupport
import Testing
import TextWidth

/// ESC/POS framing: initialise first, Chinese mode for GB18030, a feed-and-cut after each copy.
@Suite struct ESCPOSTests {
  @Test func jobFramesEachCopy() throws {
    let bytes = try ESCPOS.job(copies: ["壹\n", "贰\n"], encoding: .gb18030)
    let one = try PrintEncoding.gb18030.encode("壹")
    let two = try PrintEncoding.gb18030.encode("贰")
    let expected: [UInt8] =
      [0x1B, 0x40, 0x1C, 0x26] + one + [0x0A, 0x1D, 0x56, 0x42, 0x00] + two + [0x0A, 0x1D, 0x56, 0x42, 0x00]
    #expect(bytes == expected)
  }

  @Test func utf8JobHasNoChineseModeAndControlCharactersAreDropped() throws {
    let bytes = try ESCPOS.job(copies: ["a\u{1B}b\u{07}\n"], encoding: .utf8)
    #expect(bytes == [0x1B, 0x40] + Array("ab\n".utf8) + ESCPOS.feedAndCut)
  }

  @Test func plainPrintersStillGetFormFeedsBetweenCopies() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("out.txt")
    try FilePrinter(path: path).print(copies: ["a\n", "b\n"], title: "t", escpos: false)
    #expect(FileManager.default.contents(atPath: path) == Data("a\n\u{0C}b\n".utf8))
  }

  /// A 58 mm ESC/POS printer through a real cupsd raw queue: ESC @ first, FS &, 32 cells, a cut per copy.
  @Test func narrowESCPOSReceiptThroughCUPS() throws {
    let listener = try ByteListener()
    defer { listener.stop() }
    let cups = try PrivateCUPS()
    defer { cups.stop() }
    try cups.addRawQueue("escpos-58", device: "socket://127.0.0.1:\(listener.port)")

    let printer = CUPSPrinter(queue: "escpos-58", server: cups.server, encoding: .gb18030, lineEnding: .lf)
    try printer.print(PrintFixtures.sale(), width: .narrow, escpos: true)

    let jobs = try #require(listener.finishedConnections(1), "no job arrived; cupsd log:\n\(cups.errorLog)")
    let copies = try ESCPOSJob(jobs[0]).copies
    #expect(copies.count == 1)
    let text = try PrintEncoding.gb18030.decode(copies[0])
    #expect(text == ReceiptTemplate.builtIn.render(PrintFixtures.sale(), width: .narrow))
    #expect(text.contains("壹仟贰佰叁拾肆元伍角") && text.contains("00000042"))
    #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 32 })
  }

  /// Triplicate copies on an ESC/POS printer are cut apart: three cuts, one after each copy.
  @Test func triplicateIsCutAfterEachCopy() throws {
    let listener = try ByteListener()
    defer { listener.stop() }
    let cups = try PrivateCUPS()
    defer { cups.stop() }
    try cups.addRawQueue("escpos-80", device: "socket://127.0.0.1:\(listener.port)")

    let printer = CUPSPrinter(queue: "escpos-80", server: cups.server, encoding: .gb18030, lineEnding: .lf)
    try printer.print(PrintFixtures.sale(), width: .dotMatrix, copies: 3, escpos: true)

    let jobs = try #require(listener.finishedConnections(1), "no job arrived; cupsd log:\n\(cups.errorLog)")
    let copies = try ESCPOSJob(jobs[0]).copies
    #expect(copies.count == 3)
    for (copy, name) in zip(copies, ["存根联", "客户联", "记账联"]) {
      let text = try PrintEncoding.gb18030.decode(copy)
      #expect(text.contains(name) && !text.contains("\u{0C}"))
      #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    }
  }
}

/// A captured ESC/POS job taken apart: it must start with ESC @ FS & and end each copy with a cut.
struct ESCPOSJob {
  /// The text bytes of each copy, between the cuts.
  let copies: [[UInt8]]

  /// Splits `bytes`; throws when the framing is not what MeterDesk sends.
  init(_ bytes: [UInt8]) throws {
    let header = ESCPOS.initialize + ESCPOS.chineseMode
    guard bytes.starts(with: header) else { throw FramingError("the job does not start with ESC @ FS &") }
    var rest = bytes[header.count...]
    var copies: [[UInt8]] = []
    while !rest.isEmpty {
      guard let cut = Self.find(ESCPOS.feedAndCut, in: rest) else {
        throw FramingError("bytes after the last cut: \(rest.count)")
      }
      copies.append(Array(rest[..<cut]))
      rest = rest[(cut + ESCPOS.feedAndCut.count)...]
    }
    guard copies.allSatisfy({ !$0.contains(0x1B) && !$0.contains(0x1D) && !$0.contains(0x0C) }) else {
      throw FramingError("printer commands inside a copy")
    }
    self.copies = copies
  }

  /// The index of the first occurrence of `needle` in `bytes`.
  private static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    for start in bytes.startIndex...(bytes.endIndex - needle.count)
    where bytes[start..<(start + needle.count)].elementsEqual(needle) {
      return start
    }
    return nil
  }
}

/// A job whose ESC/POS framing is wrong.
struct FramingError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

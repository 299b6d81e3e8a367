import Foundation
import TerminalUI
import Testing

/// Golden snapshots: the buffer's text and role map compared with `Golden/<name>.txt`.
///
/// Re-record with `SCREENS_RECORD=1 swift test --filter ScreensTests` (writes into the source tree;
/// review the diff: CJK never split, columns aligned, roles as intended), then rebuild.
enum Golden {
  static var recording: Bool { ProcessInfo.processInfo.environment["SCREENS_RECORD"] == "1" }

  static func sourceURL(_ name: String, file: String) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Golden")
      .appendingPathComponent(name + ".txt")
  }

  static func check(
    _ buffer: Buffer, _ name: String, file: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let snapshot = TestBackend.snapshot(of: buffer) + "\n"
    if recording {
      try snapshot.write(to: sourceURL(name, file: file), atomically: true, encoding: .utf8)
      return
    }
    guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Golden") else {
      Issue.record("missing golden \(name).txt; record with SCREENS_RECORD=1", sourceLocation: sourceLocation)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    guard expected != snapshot else { return }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = snapshot.split(separator: "\n", omittingEmptySubsequences: false)
    let line = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
    let expectedLine = line < want.count ? String(want[line]) : "<none>"
    let actualLine = line < got.count ? String(got[line]) : "<none>"
    Issue.record(
      "golden \(name) differs at line \(line + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)",
      sourceLocation: sourceLocation)
  }
}

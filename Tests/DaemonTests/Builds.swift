import Foundation
import TestSupport
import Testing

/// A `meterdesk` build the daemon tests run: the one beside the tests, and the release one sites install
/// (`swift build -c release`). `make test` builds everything in release, so the two are one binary and
/// it is tested once; `swift test` by hand adds the debug build.
enum Build: String, Sendable, CustomTestStringConvertible {
  case debug
  case release

  /// The builds to test: debug always; release when built, or when required (then a missing
  /// binary fails the test instead of skipping it).
  static var available: [Build] {
    if ReleaseBinary.isBesideTests { return [.release] }
    return ReleaseBinary.exists || ReleaseBinary.required ? [.debug, .release] : [.debug]
  }

  /// The executable; fails the test when it is missing.
  func executable() throws -> String {
    switch self {
    case .debug:
      return RepoPaths.meterdesk
    case .release:
      try #require(ReleaseBinary.exists, "\(ReleaseBinary.missing)")
      return ReleaseBinary.path
    }
  }

  var testDescription: String { rawValue }
}

/// `.build/release/meterdesk`, which the release half of these tests needs.
enum ReleaseBinary {
  /// Where `swift build -c release --product meterdesk` puts it.
  static let path = RepoPaths.root.appendingPathComponent(".build/release/meterdesk").path

  /// Whether it is built.
  static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }

  /// True when the tests themselves run from the release build (`make test`), so the binary beside them
  /// is this one.
  static var isBesideTests: Bool {
    URL(fileURLWithPath: RepoPaths.meterdesk).resolvingSymlinksInPath().path
      == URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }

  /// Set by `make test` (METERDESK_REQUIRE_RELEASE=1): the release binary must have been built.
  static var required: Bool { ProcessInfo.processInfo.environment["METERDESK_REQUIRE_RELEASE"] == "1" }

  /// What to do about a missing release binary.
  static let missing =
    "no \(path): build it with `swift build -c release --product meterdesk` (make test does) "
    + "to run the daemon tests against the release build too"
}

/// The release binary is tested: skipped (saying how to build it) only when run by hand without it.
@Suite("Release binary")
struct ReleaseBinaryTests {
  @Test(
    "the release meterdesk is built, so the stop tests also run against it",
    .enabled(if: ReleaseBinary.exists || ReleaseBinary.required, Comment(rawValue: ReleaseBinary.missing)))
  func releaseIsBuilt() throws {
    try #require(ReleaseBinary.exists, "\(ReleaseBinary.missing)")
    let result = try CommandRunner.run(ReleaseBinary.path, ["--help"])
    #expect(result.status == 0)
  }
}

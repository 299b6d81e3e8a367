import Foundation

/// Paths inside the repository and the build folder, for tests.
public enum RepoPaths {
  /// The repository root (the folder holding Package.swift).
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `sample-data/` in the repository.
  public static var sampleData: URL { root.appendingPathComponent("sample-data") }

  /// The folder of the running test binary, where SwiftPM also puts `meterdesk`.
  public static var buildProducts: URL {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    while url.path != "/"
      && !FileManager.default.fileExists(
        atPath: url.appendingPathComponent("meterdesk").path)
    {
      url.deleteLastPathComponent()
    }
    return url
  }

  /// The built `meterdesk` executable.
  public static var meterdesk: String { buildProducts.appendingPathComponent("meterdesk").path }

  /// Copies the sample site (site.toml and its CSV files) into a directory and returns the site path.
  public static func copySampleSite(into directory: TemporaryDirectory) throws -> String {
    for name in ["site.toml", "meters.csv", "accounts.csv", "faults.toml"] {
      try FileManager.default.copyItem(
        atPath: sampleData.appendingPathComponent(name).path, toPath: directory.path(name))
    }
    return directory.path("site.toml")
  }
}

import Foundation
import Testing

@testable import MeterProfiles

@Suite struct CatalogTests {
  /// A fresh temporary folder holding `files` (name → text).
  static func folder(_ files: [String: String]) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("meterprofiles-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(
        toFile: (path as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return path
  }

  static func renamed(_ name: String, summary: String = "") -> String {
    Fixtures.text(replacing: 2, with: "name = \"\(name)\"\nsummary = \"\(summary)\"")
  }

  @Test func siteFolderOverridesAndAdds() throws {
    let path = try Self.folder([
      "acme.toml": Fixtures.baseText,
      "ddsy-site.toml": Self.renamed("acrel-ddsy1352", summary: "site copy"),
      "notes.txt": "not a profile",
    ])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let catalog = try ProfileCatalog.catalog(siteFolder: path)
    #expect(Set(catalog.keys) == ["acme", "acrel-ddsy1352", "acrel-adf400l-1p"])
    #expect(catalog["acrel-ddsy1352"]?.summary == "site copy")
    #expect(try ProfileCatalog.catalog(siteFolder: nil).count == 2)
  }

  @Test func duplicateNamesInAFolderAreAnError() throws {
    let path = try Self.folder(["a.toml": Fixtures.baseText, "b.toml": Fixtures.baseText])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let error = #expect(throws: ProfileError.self) { try ProfileCatalog.load(folder: path) }
    #expect(error?.key == "profile.name")
    #expect(error?.line == 2)
    #expect(error?.file.hasSuffix("b.toml") == true)
  }

  @Test func badFileInFolderNamesItsPath() throws {
    let path = try Self.folder(["broken.toml": Fixtures.text(replacing: 12, with: "count = 0")])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let error = #expect(throws: ProfileError.self) { try ProfileCatalog.catalog(siteFolder: path) }
    #expect(error?.file == (path as NSString).appendingPathComponent("broken.toml"))
    #expect(error?.key == "poll[0].count")
    #expect(error?.line == 12)
  }

  @Test func missingFolderAndFile() {
    let folderError = #expect(throws: ProfileError.self) {
      try ProfileCatalog.load(folder: "/nonexistent/meterdesk-profiles")
    }
    #expect(folderError?.file == "/nonexistent/meterdesk-profiles")
    let fileError = #expect(throws: ProfileError.self) {
      try ProfileCatalog.load(file: "/nonexistent/x.toml")
    }
    #expect(fileError?.file == "/nonexistent/x.toml")
  }

  @Test func stringAndDecimalRegistersAreAccepted() throws {
    let text = Fixtures.text(replacing: 11, with: "start = \"256\"")
    let profile = try ProfileCatalog.parse(text, file: "acme.toml")
    #expect(profile.pollBlocks.first?.start == 0x0100)
  }
}

import ConsoleTheme
import Foundation
import TerminalUI
import TestSupport
import Testing

@Suite("Theme files")
struct ThemeFilesTests {
  static let themesDirectory = RepoPaths.root.appendingPathComponent("themes").path

  @Test("the shipped themes are default, high-contrast and mono")
  func available() {
    #expect(
      ThemeLoader.availableThemes(in: Self.themesDirectory) == ["default", "high-contrast", "mono"])
  }

  @Test("every shipped theme loads and styles every role", arguments: ["default", "high-contrast", "mono"])
  func loads(name: String) throws {
    let theme = try ThemeLoader.load(nameOrPath: name, themesDirectory: Self.themesDirectory)
    #expect(theme.name == name)
    for role in StyleRole.allCases {
      #expect(theme.styles[role] != nil)
      #expect(theme.fallback8[role] != nil)
      #expect(theme.monochrome[role] != nil)
    }
  }

  @Test("the six meter states have distinct colours", arguments: ["default", "high-contrast"])
  func distinctColours(name: String) throws {
    let theme = try ThemeLoader.load(nameOrPath: name, themesDirectory: Self.themesDirectory)
    for mode in [ColorMode.colors256, .colors8] {
      let colours = StyleRole.meterStates.map {
        let style = theme.style(for: $0, colors: mode)
        return [style.foreground, style.background]
      }
      #expect(Set(colours).count == 6, "\(name) \(mode)")
    }
  }

  @Test(
    "the six meter states stay distinct in monochrome",
    arguments: ["default", "high-contrast", "mono"])
  func distinctMonochrome(name: String) throws {
    let theme = try ThemeLoader.load(nameOrPath: name, themesDirectory: Self.themesDirectory)
    let styles = StyleRole.meterStates.map { theme.style(for: $0, colors: .monochrome) }
    #expect(Set(styles).count == 6)
    if name == "mono" {
      let colourStyles = StyleRole.meterStates.map { theme.style(for: $0, colors: .colors256) }
      #expect(Set(colourStyles).count == 6)
      #expect(colourStyles.allSatisfy { $0.foreground == .default && $0.background == .default })
    }
  }

  @Test("default.toml is the built-in default theme")
  func builtInMatchesFile() throws {
    let theme = try ThemeLoader.load(nameOrPath: "default", themesDirectory: Self.themesDirectory)
    #expect(theme == Theme.builtInDefault)
  }

  @Test("a path loads directly; a name resolves inside the themes directory")
  func paths() throws {
    let path = Self.themesDirectory + "/mono.toml"
    #expect(try ThemeLoader.load(nameOrPath: path, themesDirectory: "/nonexistent").name == "mono")
    #expect(ThemeLoader.path(for: "mono", themesDirectory: "/t") == "/t/mono.toml")
    #expect(ThemeLoader.path(for: "./mine.toml", themesDirectory: "/t") == "./mine.toml")
    #expect(ThemeLoader.path(for: "mine.toml", themesDirectory: "/t/") == "mine.toml")
  }

  @Test("the themes directory is found above a build folder")
  func findDirectory() throws {
    let directory = try TemporaryDirectory()
    let found = ThemeLoader.findThemesDirectory(
      executablePath: RepoPaths.root.path + "/.build/debug/meterdesk",
      currentDirectory: directory.path(""), environment: [:])
    #expect(found == Self.themesDirectory)
    let configured = ThemeLoader.findThemesDirectory(
      executablePath: "/bin/true", currentDirectory: "/",
      environment: ["METERDESK_THEMES": directory.url.path])
    #expect(configured == directory.url.path)
  }
}

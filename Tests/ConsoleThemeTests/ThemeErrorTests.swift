import ConsoleTheme
import TerminalUI
import TestSupport
import Testing

@Suite("Theme errors")
struct ThemeErrorTests {
  func error(_ text: String) -> ThemeError? {
    do {
      _ = try ThemeLoader.parse(text, file: "bad.toml")
      return nil
    } catch {
      return error
    }
  }

  @Test("an unknown role names the header line and key")
  func unknownRole() throws {
    let found = try #require(error("[theme]\nname = \"x\"\n\n[roles.alarm3]\nfg = 1\n"))
    #expect(found.line == 4)
    #expect(found.key == "roles.alarm3")
    #expect(found.description.hasPrefix("bad.toml:4: roles.alarm3: unknown role"))
  }

  @Test("a colour out of range names the key's line")
  func badColour() throws {
    let found = try #require(error("[roles.alarm1]\nbold = true\nfg = 300\n"))
    #expect(found.description == "bad.toml:3: roles.alarm1.fg: colour 300 is outside 0–255")
  }

  @Test("an unknown colour name is rejected with the accepted forms")
  func badColourName() throws {
    let found = try #require(error("[roles8.\"keep-power\"]\nbg = \"purple\"\n"))
    #expect(found.line == 2)
    #expect(found.key == "roles8.keep-power.bg")
    #expect(found.message.contains("bright-NAME"))
  }

  @Test("unknown keys, wrong types and colours in mono are errors")
  func badKeys() throws {
    let unknown = try #require(error("[roles.normal]\nfg = 1\nblink = true\n"))
    #expect(unknown.line == 3 && unknown.key == "roles.normal.blink")
    let wrongType = try #require(error("[roles.normal]\nbold = \"yes\"\n"))
    #expect(wrongType.line == 2 && wrongType.message == "must be true or false")
    let monoColour = try #require(error("[mono.offline]\ndim = true\nfg = 2\n"))
    #expect(monoColour.line == 3 && monoColour.key == "mono.offline.fg")
    let section = try #require(error("[theme]\nname = \"x\"\n[colours]\na = 1\n"))
    #expect(section.line == 3 && section.key == "colours")
    let themeKey = try #require(error("[theme]\nname = \"x\"\nauthor = \"me\"\n"))
    #expect(themeKey.line == 3 && themeKey.key == "theme.author")
  }

  @Test("a TOML syntax error gives its line")
  func syntax() throws {
    let found = try #require(error("[theme]\nname = \"x\"\n[roles.normal\nfg = 1\n"))
    #expect(found.line == 3)
    #expect(found.message.hasPrefix("TOML syntax"))
  }

  @Test("a missing theme lists the available ones")
  func missing() throws {
    let directory = try TemporaryDirectory()
    try "[theme]\nname = \"a\"\n".write(toFile: directory.path("a.toml"), atomically: true, encoding: .utf8)
    do {
      _ = try ThemeLoader.load(nameOrPath: "nope", themesDirectory: directory.url.path)
      Issue.record("expected an error")
    } catch {
      #expect(error.file == directory.path("nope.toml"))
      #expect(error.message.contains("available themes: a"))
    }
    let minimal = try ThemeLoader.load(nameOrPath: "a", themesDirectory: directory.url.path)
    #expect(minimal.styles == Theme.builtInDefault.styles)
  }

  @Test("colour names, bright names and default parse; partial themes inherit")
  func colourNames() throws {
    let theme = try ThemeLoader.parse(
      "[roles.alarm1]\nfg = \"bright-yellow\"\nbg = \"default\"\n[roles.alarm2]\nfg = \"red\"\nunderline = true\n",
      file: "/x/custom.toml")
    #expect(theme.name == "custom")
    #expect(theme.styles[.alarm1] == RoleStyle(foreground: .indexed(11)))
    #expect(theme.styles[.alarm2] == RoleStyle(foreground: .indexed(1), underline: true))
    #expect(theme.fallback8[.alarm1] == nil)  // derived from the 256 style instead
    #expect(theme.style(for: .alarm1, colors: .colors8).foreground == .indexed(3))
    #expect(theme.styles[.offline] == Theme.builtInDefault.styles[.offline])
  }
}

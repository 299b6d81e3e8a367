import TerminalUI
import Testing

@Suite("Theme model")
struct ThemeModelTests {
  let theme = Theme.builtInDefault

  @Test("the built-in theme styles every role in every mode")
  func complete() {
    for role in StyleRole.allCases {
      #expect(theme.styles[role] != nil)
      #expect(theme.fallback8[role] != nil)
      #expect(Theme.monochromeDefaults[role] != nil)
    }
  }

  @Test(
    "the six meter states look different in every colour mode",
    arguments: [ColorMode.colors256, .colors8, .monochrome])
  func distinctStates(mode: ColorMode) {
    let styles = StyleRole.meterStates.map { theme.style(for: $0, colors: mode) }
    #expect(Set(styles).count == 6)
    if mode != .monochrome {
      let colours = StyleRole.meterStates.map {
        let style = theme.style(for: $0, colors: mode)
        return [style.foreground, style.background]
      }
      #expect(Set(colours).count == 6)
    }
  }

  @Test("monochrome uses attributes only")
  func monochrome() {
    for role in StyleRole.allCases {
      let style = theme.style(for: role, colors: .monochrome)
      #expect(style.foreground == .default && style.background == .default)
    }
    #expect(theme.style(for: .arrears, colors: .monochrome).reverse)
    let alarm2 = theme.style(for: .alarm2, colors: .monochrome)
    #expect(alarm2.bold && alarm2.underline)
    #expect(theme.style(for: .offline, colors: .monochrome).dim)
  }

  @Test("8-colour mode never uses colours above 7")
  func eightColours() {
    let sparse = Theme(name: "t", styles: [.alarm1: RoleStyle(foreground: .indexed(208))])
    #expect(sparse.style(for: .alarm1, colors: .colors8).foreground == .indexed(1))
    for role in StyleRole.allCases {
      for color in [
        theme.style(for: role, colors: .colors8).foreground,
        theme.style(for: role, colors: .colors8).background,
      ] {
        if case .indexed(let index) = color { #expect(index < 8) }
      }
    }
  }

  @Test(
    "nearest basic colour",
    arguments: [
      (TerminalColor.indexed(9), TerminalColor.indexed(1)), (.indexed(196), .indexed(1)),
      (.indexed(46), .indexed(2)), (.indexed(21), .indexed(4)), (.indexed(231), .indexed(7)),
      (.indexed(16), .indexed(0)), (.indexed(250), .indexed(7)), (.indexed(236), .indexed(0)),
      (.default, .default),
    ])
  func nearest8(color: TerminalColor, expected: TerminalColor) {
    #expect(color.nearest8 == expected)
  }
}

import TOMLKit
import TerminalUI

/// Turns theme TOML text into a `Theme`.
///
/// ```toml
/// [theme]
/// name = "default"
/// [roles.alarm1]        # 256 colours: fg/bg 0–255, a basic colour name, or "default"
/// fg = 208
/// bold = true
/// [roles8.alarm1]       # 8-colour fallback
/// fg = "yellow"
/// [mono.alarm1]         # monochrome: attributes only
/// bold = true
/// ```
/// Roles missing from `[roles]` take the built-in default theme's styles.
struct ThemeParser {
  let file: String
  let text: String

  static let sections = ["theme", "roles", "roles8", "mono"]
  static let attributeKeys = ["bold", "underline", "reverse", "dim"]
  static let colorNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
  ]

  func parse(defaultName: String) throws(ThemeError) -> Theme {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ThemeError(
        file: file, line: error.source.begin.line, key: nil,
        message: "TOML syntax: \(error.description)")
    } catch {
      throw ThemeError(file: file, line: nil, key: nil, message: "TOML syntax: \(error)")
    }
    let locator = ThemeTextLocator(text: text)
    for key in table.keys where !ThemeParser.sections.contains(key) {
      throw ThemeError(
        file: file, line: locator.header(key) ?? locator.key(key, inTable: ""), key: key,
        message: "unknown section (expected one of: \(ThemeParser.sections.joined(separator: ", ")))")
    }
    var name = defaultName
    if let header = table["theme"] {
      guard let themeTable = header.table else {
        throw ThemeError(file: file, line: nil, key: "theme", message: "must be a table")
      }
      for key in themeTable.keys where key != "name" {
        throw ThemeError(
          file: file, line: locator.key(key, inTable: "theme"), key: "theme.\(key)",
          message: "unknown key (expected: name)")
      }
      if let value = themeTable["name"] {
        guard let text = value.string, !text.isEmpty else {
          throw ThemeError(
            file: file, line: locator.key("name", inTable: "theme"), key: "theme.name",
            message: "must be a non-empty string")
        }
        name = text
      }
    }
    let styles = try roles(in: table, section: "roles", locator: locator)
    let styles8 = try roles(in: table, section: "roles8", locator: locator)
    let mono = try roles(in: table, section: "mono", locator: locator)
    var merged = Theme.builtInDefault.styles
    var merged8: [StyleRole: RoleStyle] = [:]
    for role in StyleRole.allCases where styles[role] == nil {
      merged8[role] = Theme.builtInDefault.fallback8[role]
    }
    for (role, style) in styles { merged[role] = style }
    for (role, style) in styles8 { merged8[role] = style }
    return Theme(name: name, styles: merged, fallback8: merged8, monochrome: mono)
  }

  private func roles(in table: TOMLTable, section: String, locator: ThemeTextLocator)
    throws(ThemeError) -> [StyleRole: RoleStyle]
  {
    guard let value = table[section] else { return [:] }
    guard let sectionTable = value.table else {
      throw ThemeError(
        file: file, line: locator.key(section, inTable: ""), key: section,
        message: "must be a table of roles")
    }
    var result: [StyleRole: RoleStyle] = [:]
    for roleName in sectionTable.keys {
      let path = "\(section).\(roleName)"
      guard let role = StyleRole(rawValue: roleName) else {
        throw ThemeError(
          file: file, line: locator.header(path) ?? locator.key(roleName, inTable: section),
          key: path,
          message: "unknown role (known roles: "
            + StyleRole.allCases.map(\.rawValue).joined(separator: ", ") + ")")
      }
      guard let roleTable = sectionTable[roleName]?.table else {
        throw ThemeError(
          file: file, line: locator.key(roleName, inTable: section), key: path,
          message: "must be a table of fg, bg, bold, underline, reverse, dim")
      }
      result[role] = try style(roleTable, path: path, colors: section != "mono", locator: locator)
    }
    return result
  }

  private func style(_ table: TOMLTable, path: String, colors: Bool, locator: ThemeTextLocator)
    throws(ThemeError) -> RoleStyle
  {
    var style = RoleStyle()
    for key in table.keys {
      let line = locator.key(key, inTable: path)
      let fullKey = "\(path).\(key)"
      guard let value = table[key] else { continue }
      switch key {
      case "fg", "bg":
        guard colors else {
          throw ThemeError(
            file: file, line: line, key: fullKey,
            message: "monochrome styles take attributes only (bold, underline, reverse, dim)")
        }
        let color = try self.color(value, key: fullKey, line: line)
        if key == "fg" { style.foreground = color } else { style.background = color }
      case "bold", "underline", "reverse", "dim":
        guard let flag = value.bool else {
          throw ThemeError(file: file, line: line, key: fullKey, message: "must be true or false")
        }
        switch key {
        case "bold": style.bold = flag
        case "underline": style.underline = flag
        case "reverse": style.reverse = flag
        default: style.dim = flag
        }
      default:
        let expected = (colors ? ["fg", "bg"] : []) + ThemeParser.attributeKeys
        throw ThemeError(
          file: file, line: line, key: fullKey,
          message: "unknown key (expected: \(expected.joined(separator: ", ")))")
      }
    }
    return style
  }

  private func color(_ value: any TOMLValueConvertible, key: String, line: Int?)
    throws(ThemeError) -> TerminalColor
  {
    if let number = value.int {
      guard (0...255).contains(number) else {
        throw ThemeError(
          file: file, line: line, key: key, message: "colour \(number) is outside 0–255")
      }
      return .indexed(UInt8(number))
    }
    if let name = value.string {
      if let color = ThemeParser.namedColor(name) { return color }
      throw ThemeError(
        file: file, line: line, key: key,
        message: "unknown colour \"\(name)\" (use 0–255, \"default\", "
          + ThemeParser.colorNames.joined(separator: ", ") + ", or bright-NAME)")
    }
    throw ThemeError(
      file: file, line: line, key: key,
      message: "must be a colour number 0–255 or a colour name")
  }

  static func namedColor(_ name: String) -> TerminalColor? {
    let lowered = name.lowercased()
    if lowered == "default" { return .default }
    if let index = colorNames.firstIndex(of: lowered) { return .indexed(UInt8(index)) }
    if lowered.hasPrefix("bright-"),
      let index = colorNames.firstIndex(of: String(lowered.dropFirst("bright-".count)))
    {
      return .indexed(UInt8(index + 8))
    }
    return nil
  }
}

import Foundation
import TerminalUI

/// Loads themes from `themes/*.toml` by name, or from a path (`--theme NAME|PATH`).
public enum ThemeLoader {
  /// Loads `nameOrPath`: a bare name means `themesDirectory/NAME.toml`; anything with a
  /// slash or ending in `.toml` is a path. Errors name `file:line` and the key.
  public static func load(nameOrPath: String, themesDirectory: String) throws(ThemeError) -> Theme {
    let path = self.path(for: nameOrPath, themesDirectory: themesDirectory)
    guard let data = FileManager.default.contents(atPath: path) else {
      var message = "cannot read the theme file (missing or unreadable)"
      let known = availableThemes(in: themesDirectory)
      if !isPath(nameOrPath) && !known.isEmpty {
        message += "; available themes: " + known.joined(separator: ", ")
      }
      throw ThemeError(file: path, line: nil, key: nil, message: message)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ThemeError(file: path, line: nil, key: nil, message: "the file is not UTF-8 text")
    }
    return try parse(text, file: path)
  }

  /// Parses theme TOML `text`; `file` names it in errors and gives the default name.
  public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
    let base = (file as NSString).lastPathComponent
    let defaultName = base.hasSuffix(".toml") ? String(base.dropLast(5)) : base
    return try ThemeParser(file: file, text: text).parse(defaultName: defaultName)
  }

  /// The file `nameOrPath` refers to.
  public static func path(for nameOrPath: String, themesDirectory: String) -> String {
    if isPath(nameOrPath) { return nameOrPath }
    let directory = themesDirectory.hasSuffix("/") ? themesDirectory : themesDirectory + "/"
    return directory + nameOrPath + ".toml"
  }

  /// Theme names (files `*.toml` without the extension) in `directory`, sorted.
  public static func availableThemes(in directory: String) -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// The first existing themes directory among: `$METERDESK_THEMES`, `./themes`,
  /// `themes/` beside the executable or in any folder above it (a SwiftPM build inside the
  /// repository), and `../share/meterdesk/themes` relative to the executable.
  public static func findThemesDirectory(
    executablePath: String, currentDirectory: String, environment: [String: String]
  ) -> String? {
    var candidates: [String] = []
    if let configured = environment["METERDESK_THEMES"], !configured.isEmpty {
      candidates.append(configured)
    }
    candidates.append((currentDirectory as NSString).appendingPathComponent("themes"))
    var folder = ((executablePath as NSString).resolvingSymlinksInPath as NSString)
      .deletingLastPathComponent
    candidates.append(
      ((folder as NSString).deletingLastPathComponent as NSString)
        .appendingPathComponent("share/meterdesk/themes"))
    while !folder.isEmpty && folder != "/" {
      candidates.append((folder as NSString).appendingPathComponent("themes"))
      folder = (folder as NSString).deletingLastPathComponent
    }
    var isDirectory: ObjCBool = false
    return candidates.first {
      FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue
    }
  }

  private static func isPath(_ nameOrPath: String) -> Bool {
    nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
  }
}

import Foundation

/// Loads profiles: the ones shipped with MeterDesk and a site's own.
public enum ProfileCatalog {
  /// Loads every *.toml in the bundled Profiles folder, keyed by profile name.
  public static func shipped() throws(ProfileError) -> [String: MeterProfile] {
    guard let url = Bundle.module.url(forResource: "Profiles", withExtension: nil) else {
      throw ProfileError(
        file: "Profiles", key: "", message: "the shipped profiles are missing from the bundle")
    }
    return try load(folder: url.path)
  }

  /// Loads every *.toml file in `folder` (not recursing), keyed by profile name.
  ///
  /// Two files declaring the same `profile.name` are an error.
  public static func load(folder: String) throws(ProfileError) -> [String: MeterProfile] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw ProfileError(file: folder, key: "", message: "cannot read the profiles folder")
    }
    var profiles: [String: MeterProfile] = [:]
    var origins: [String: String] = [:]
    for name in names.sorted() where name.hasSuffix(".toml") && !name.hasPrefix(".") {
      let path = (folder as NSString).appendingPathComponent(name)
      let profile = try load(file: path)
      if let earlier = origins[profile.name] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let line = KeyLocator(text: text).line(of: TOMLKeyPath().appending("profile").appending("name"))
        throw ProfileError(
          file: path, key: "profile.name",
          message: "\"\(profile.name)\" is already defined by \(earlier)", line: line)
      }
      origins[profile.name] = path
      profiles[profile.name] = profile
    }
    return profiles
  }

  /// Loads one profile file.
  public static func load(file: String) throws(ProfileError) -> MeterProfile {
    let text: String
    do {
      text = try String(contentsOfFile: file, encoding: .utf8)
    } catch {
      throw ProfileError(file: file, key: "", message: "cannot read the file as UTF-8 text")
    }
    return try parse(text, file: file)
  }

  /// Parses profile text; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws(ProfileError) -> MeterProfile {
    try ProfileParser(text: text, file: file).parse()
  }

  /// shipped() merged with a site's folder (site files override shipped names).
  public static func catalog(siteFolder: String?) throws(ProfileError) -> [String: MeterProfile] {
    var profiles = try shipped()
    guard let siteFolder else { return profiles }
    for (name, profile) in try load(folder: siteFolder) { profiles[name] = profile }
    return profiles
  }
}

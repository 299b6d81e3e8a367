/// The language every screen is shown in: Simplified Chinese or English.
public enum Language: String, Sendable, CaseIterable, Hashable {
  /// Simplified Chinese (简体中文).
  case zh
  /// English.
  case en

  /// The language from `--lang` when given and valid, else from the locale identifier
  /// (`LC_ALL`, `LC_MESSAGES` or `LANG` as the runtime read it): `zh…` is Chinese, anything else English.
  public static func resolve(flag: String?, localeIdentifier: String?) -> Language {
    if let flag, let language = Language(rawValue: flag.lowercased()) {
      return language
    }
    if let identifier = localeIdentifier?.lowercased(), identifier.hasPrefix("zh") {
      return .zh
    }
    return .en
  }
}

import Domain

/// A table of UI strings, one case per string, each with its Simplified Chinese and English text.
public protocol LocalizedText: CaseIterable, Sendable {
  /// The Chinese and English text; `{0}`, `{1}` … mark arguments filled by `Strings.format`.
  var pair: (zh: String, en: String) { get }
}

/// Every visible string of the console in one language: look up a key, format one with arguments,
/// or name a domain value (status, flag, role, tariff period).
public struct Strings: Sendable {
  /// The language looked up.
  public let language: Language

  /// The strings of `language`.
  public init(_ language: Language) {
    self.language = language
  }

  /// The text of `key`.
  public subscript<Key: LocalizedText>(_ key: Key) -> String {
    let pair = key.pair
    return language == .zh ? pair.zh : pair.en
  }

  /// The text of `key` with `{0}`, `{1}` … replaced by `arguments`.
  public func format<Key: LocalizedText>(_ key: Key, _ arguments: String...) -> String {
    var text = self[key]
    for (index, argument) in arguments.enumerated() {
      text = text.replacingAll("{\(index)}", with: argument)
    }
    return text
  }

  /// The status word: 正常, 报警1, 报警2, 欠费, 未开户, 失联 (or the English names).
  public func status(_ status: MeterStatus) -> String {
    language == .zh ? status.chineseName : status.englishName
  }

  /// The role's name: 售电员, 主管, 电工, 管理员 (or the English names).
  public func role(_ role: Role) -> String {
    language == .zh ? role.chineseName : role.englishName
  }

  /// The tariff period's name: 尖, 峰, 平, 谷 (or Sharp, Peak, Flat, Valley).
  public func period(_ period: TariffPeriod) -> String {
    language == .zh ? period.chineseName : period.englishName
  }

  /// The names of the flags that are set: 保电, 拉闸, 待充, 过载 (or the English names).
  public func flags(_ flags: MeterFlags) -> [String] {
    var names: [String] = []
    if flags.contains(.keepPower) { names.append(self[CommonText.flagKeepPower]) }
    if flags.contains(.tripped) { names.append(self[CommonText.flagTripped]) }
    if flags.contains(.pendingRecharge) { names.append(self[CommonText.flagPending]) }
    if flags.contains(.overload) { names.append(self[CommonText.flagOverload]) }
    return names
  }
}

extension String {
  /// The string with every occurrence of `target` replaced (no Foundation needed).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}

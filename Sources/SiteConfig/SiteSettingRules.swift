/// The limits site.toml's `[defaults]` and `[printer]` are checked against at import, for the settings
/// form to check edits by the same rules.
public enum SiteSettingRules {
  /// `collection_interval_seconds`, seconds.
  public static let collectionIntervalSeconds = 5...86_400
  /// `offline_after_failures`, tries.
  public static let offlineAfterFailures = 1...20
  /// `power_threshold_w`, watts.
  public static let powerThresholdW = 100...1_000_000
  /// Seconds after which a sale reads its meter first (0: always).
  public static let saleReadMaxAgeSeconds = 0...86_400
  /// Days raw readings are kept (`meterdesk prune --days` takes at least 1).
  public static let readingRetentionDays = 1...36_500

  /// Whether `text` is a phone number as the accounts file takes it: digits, `+` and `-`.
  public static func isPhoneNumber(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }
  }
}

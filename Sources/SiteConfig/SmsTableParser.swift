import Domain
import TOMLKit

/// The site's alarm SMS (`[sms]` in site.toml): handed to Gammu's SMS daemon with `gammu-smsd-inject`.
public struct SmsDefinition: Sendable, Hashable {
  /// Whether alarm SMS go out at all.
  public var enabled = false
  /// The SMS daemon's configuration file, the path `gammu-smsd-inject -c` takes.
  public var gammuConfig: String?
  /// Local hours in which messages wait (none unless configured).
  public var quietHours: QuietHours?
  /// Templates given in the file, by level; a level without one uses its built-in Chinese text.
  public var templates: [SmsLevel: String] = [:]

  /// No SMS: what a site without `[sms]` gets.
  public init() {}
}

/// Reads the optional `[sms]` table of a site file.
struct SmsTableParser {
  /// The whole site file.
  let table: TOMLTable
  /// Finds the lines of keys for `file:line` errors.
  let locator: TOMLLocator

  func parse(issues: inout IssueCollector) -> SmsDefinition {
    var sms = SmsDefinition()
    guard let value = table["sms"] else { return sms }
    let line = locator.table("sms")
    guard let inner = value.table else {
      issues.add("\"sms\" must be a table ([sms])", line: line)
      return sms
    }
    let fields = TOMLFields(table: inner, tableLine: line, locator: locator, context: "[sms]")
    let levels = SmsLevel.allCases.map(\.rawValue)
    fields.rejectUnknownKeys(Set(["enabled", "gammu_config", "quiet_hours"] + levels), issues: &issues)
    sms.enabled = fields.bool("enabled", issues: &issues) ?? false
    if let path = fields.string("gammu_config", required: false, issues: &issues), !path.isEmpty {
      sms.gammuConfig = path
    }
    if sms.enabled && sms.gammuConfig == nil {
      issues.add("[sms]: enabled = true needs gammu_config (the gammu-smsd configuration file)", line: line)
    }
    if let text = fields.string("quiet_hours", required: false, issues: &issues), !text.isEmpty {
      do {
        sms.quietHours = try QuietHours(parsing: text)
      } catch {
        issues.add("[sms]: quiet_hours \(error)", line: fields.line("quiet_hours"))
      }
    }
    for level in SmsLevel.allCases {
      guard let text = fields.string(level.rawValue, required: false, issues: &issues) else { continue }
      let unknown = SmsTemplate(text).unknownPlaceholders
      if !unknown.isEmpty {
        issues.add(
          "[sms]: \(level.rawValue) uses unknown placeholder "
            + unknown.map { "{\($0)}" }.joined(separator: ", ")
            + " (known: {site} {tenant} {shop} {meter} {remaining} {level} {bus})",
          line: fields.line(level.rawValue))
        continue
      }
      if text.trimmingSpaces().isEmpty {
        issues.add("[sms]: \(level.rawValue) is empty", line: fields.line(level.rawValue))
        continue
      }
      sms.templates[level] = text
    }
    return sms
  }
}

import Domain
import Foundation
import TOMLKit

/// Reads `site.toml` and the CSV files it names into a validated ``SiteDefinition``.
public enum SiteFileReader {
  /// Reads and validates a whole site; throws every problem found, each as `file:line: …`.
  ///
  /// - Parameters:
  ///   - path: the site file as the operator named it.
  ///   - knownProfiles: profile names meters may use.
  public static func read(path: String, knownProfiles: Set<String>) throws(SiteErrors)
    -> SiteDefinition
  {
    var issues = IssueCollector(file: path)
    guard let text = readText(path, issues: &issues) else { throw SiteErrors(issues.issues) }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      issues.add("TOML syntax: \(error.description)", line: error.source.begin.line)
      throw SiteErrors(issues.issues)
    } catch {
      issues.add("TOML syntax: \(error)", line: nil)
      throw SiteErrors(issues.issues)
    }
    let locator = TOMLLocator(text: text)
    var site = SiteTOMLParser(table: table, locator: locator).parse(issues: &issues)
    var allIssues = issues.issues

    let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    func resolve(_ relative: String) -> String {
      relative.hasPrefix("/") ? relative : directory + relative
    }
    if let metersFile = site.metersFile {
      let file = resolve(metersFile)
      var csvIssues = IssueCollector(file: file)
      if let csv = readText(file, issues: &csvIssues) {
        site.definition.meters = MeterRowParser.parse(csv, issues: &csvIssues)
      }
      allIssues += csvIssues.issues
      site.metersPath = file
    }
    if let accountsFile = site.accountsFile {
      let file = resolve(accountsFile)
      var csvIssues = IssueCollector(file: file)
      if let csv = readText(file, issues: &csvIssues) {
        site.definition.accounts = AccountRowParser.parse(csv, issues: &csvIssues)
      }
      allIssues += csvIssues.issues
      site.accountsPath = file
    }
    allIssues += SiteValidator(
      site: site.definition, sitePath: path, metersPath: site.metersPath ?? path,
      accountsPath: site.accountsPath ?? path, knownProfiles: knownProfiles
    ).validate()
    guard allIssues.isEmpty else { throw SiteErrors(allIssues) }
    return site.definition
  }

  static func readText(_ path: String, issues: inout IssueCollector) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else {
      issues.add("cannot read the file (missing or unreadable)", line: nil)
      return nil
    }
    guard let text = String(data: data, encoding: .utf8) else {
      issues.add("the file is not UTF-8 text", line: nil)
      return nil
    }
    return text
  }
}

import ArgumentParser
import Foundation
import MeterCrypto
import Services
import SiteConfig
import Store

/// `meterdesk init`: creates or migrates the database and imports a site.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create or migrate the database and import a site (site.toml + CSV files).",
    discussion: """
      Validates the whole site first and writes nothing if any row is wrong; every problem \
      is printed as file:line: message. Running it again changes only what the files changed. \
      Creates the site master key file DB.key (mode 0600) unless it exists or --keys names one.
      """)

  @Option(help: "Database file to create or update.") var db: String
  @Option(help: "Site file (site.toml).") var site: String
  @Option(help: "Site master key file (default: DB.key).") var keys: String?

  func run() throws {
    let definition: SiteDefinition
    do {
      definition = try SiteFileReader.read(path: site, knownProfiles: ShippedProfiles.names)
    } catch {
      for issue in error.issues { printError(issue.description) }
      printError("meterdesk init: \(error.issues.count) problem(s); nothing was imported")
      throw ExitCode(1)
    }
    // The key comes first: the import's operation-log entries are signed with it.
    let keyPath = keys ?? db + ".key"
    var keyNote = "key file \(keyPath) exists"
    if !FileManager.default.fileExists(atPath: keyPath) {
      _ = try KeyFile.create(at: keyPath)
      keyNote = "created key file \(keyPath) (mode 0600)"
    }
    let database = try AppDatabase.open(path: db, keyFile: keyPath)
    let summary = try SiteImportService(database: database)
      .importSite(definition, by: "system", at: Date())
    print(InitReport.text(site: definition, summary: summary, keyNote: keyNote))
  }
}

/// The human summary `meterdesk init` prints.
enum InitReport {
  static func text(site: SiteDefinition, summary: ImportSummary, keyNote: String) -> String {
    var lines = [
      "\(site.name): \(site.meters.count) meters on \(site.buses.count) buses in \(site.buildings.count) buildings, \(site.accounts.count) accounts"
    ]
    if summary.changedNothing {
      lines.append("database already matches the site files; nothing changed")
    } else {
      for key in summary.counts.keys.sorted() {
        guard let counts = summary.counts[key], !counts.isUnchanged else { continue }
        lines.append(
          "  \(key): \(counts.inserted) added, \(counts.updated) updated, \(counts.unchanged) unchanged")
      }
    }
    if !summary.metersNotInFile.isEmpty {
      lines.append(
        "note: \(summary.metersNotInFile.count) meter(s) in the database are not in the meters file and were left as they are"
      )
    }
    lines.append(keyNote)
    return lines.joined(separator: "\n")
  }
}

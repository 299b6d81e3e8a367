import Foundation

// meterdesk-bench: benchmarks that print ratios measured in one run (make bench).
let arguments = CommandLine.arguments
let binDirectory = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent().path
let meterdesk = binDirectory + "/meterdesk"
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path
let which = arguments.count > 1 ? arguments[1] : "all"
do {
  if which == "store" {
    try StoreBenchmark().run()
  }
  if which == "report" {
    try ReportBenchmark(arguments: Array(arguments.dropFirst(2))).run()
  }
  if which == "backup" {
    try BackupBenchmark(arguments: Array(arguments.dropFirst(2))).run()
  }
  if which == "all" || which == "acquisition" {
    try AcquisitionBenchmark(meterdesk: meterdesk, sampleSite: root + "/sample-data/site.toml").run()
  }
  if which == "all" || which == "sale" {
    try SaleBenchmark(meterdesk: meterdesk).run()
  }
  if which == "all" || which == "batch" {
    try BatchBenchmark(meterdesk: meterdesk, sampleSite: root + "/sample-data/site.toml").run()
  }
  if which == "all" || which == "console" {
    try ConsoleBenchmark(meterdesk: meterdesk).run()
  }
} catch {
  FileHandle.standardError.write(Data("meterdesk-bench: \(error)\n".utf8))
  exit(1)
}

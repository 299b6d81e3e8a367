import ArgumentParser
import Foundation

/// Writes a line to standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Prints every line of a failure to standard error and exits non-zero.
func fail(_ message: String, code: Int32 = 1) -> ExitCode {
  printError(message)
  return ExitCode(code)
}

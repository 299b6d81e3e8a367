import ArgumentParser
import Foundation

/// The `meterdesk` command: the console, the acquisition service and the scriptable front desk.
@main
struct MeterDesk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "meterdesk",
    abstract: "Prepaid electricity operator console for RS-485 / Modbus meters.",
    subcommands: [
      InitCommand.self, MetersCommand.self, OperatorCommand.self, PollCommand.self, ServeCommand.self,
      SimCommand.self, ConsoleCommand.self, DemoCommand.self, ModbusCommand.self, SellCommand.self,
      RefundCommand.self, ReverseCommand.self, SalesCommand.self, ReceiptCommand.self, AccountCommand.self,
      OutboxCommand.self, BatchCommand.self, ScanCommand.self, ReportCommand.self, ShiftCommand.self,
      PruneCommand.self, AlarmsCommand.self, SmsCommand.self, AuditCommand.self, BackupCommand.self,
      RestoreCommand.self, KioskCommand.self,
    ])

  /// Unblocks every signal first: a parent (a test runner, a supervisor) may have started us
  /// with SIGTERM/SIGINT blocked, and then neither a clean stop nor terminal restoration works.
  static func main() {
    var empty = sigset_t()
    sigemptyset(&empty)
    sigprocmask(SIG_SETMASK, &empty, nil)
    main(nil)
  }
}

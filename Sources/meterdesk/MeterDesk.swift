import ArgumentParser

/// The `meterdesk` command: the console, the acquisition service and the scriptable front desk.
@main
struct MeterDesk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "meterdesk",
    abstract: "Prepaid electricity operator console for RS-485 / Modbus meters.",
    subcommands: [
      InitCommand.self, MetersCommand.self, OperatorCommand.self, PollCommand.self, ServeCommand.self,
      SimCommand.self, ModbusCommand.self,
    ])
}

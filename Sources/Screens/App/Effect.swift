/// Work a screen asks the runtime to do; the runtime feeds the outcome back as an action.
public enum Effect: Sendable, Hashable {
  /// Check the credentials; answer with `.loggedIn` or `.loginRefused`.
  case logIn(name: String, password: String)
  /// Load every meter for the grid; answer with `.metersLoaded`.
  case loadMeters
  /// Load one meter's detail; answer with `.detailLoaded`.
  case loadDetail(meter: String)
  /// Read the meter now at interactive priority; answer with `.readNowFinished` (and `.detailLoaded`).
  case readNow(meter: String)
  /// Load the bus statistics; answer with `.busesLoaded`.
  case loadBuses
  /// Start sending the bus's frame trace; answer with `.traceReceived` as frames pass.
  case watchTrace(bus: String)
  /// Stop the trace started by `watchTrace`.
  case stopTrace
  /// Leave the console (restore the terminal and exit).
  case quit
}

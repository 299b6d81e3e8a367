#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pseudo-terminal pair in raw mode: the simulator serves RTU on the master side, clients open the
/// slave path (`/dev/pts/N`) as if it were a serial port.
struct PseudoTerminal: Sendable {
  /// The master side, served by the simulator.
  let master: Int32
  /// The slave path clients open.
  let slavePath: String
  /// A slave descriptor the simulator keeps open so the master never reads EIO between clients.
  let slaveHold: Int32

  #if os(Linux)
    /// TIOCSPTLCK, `_IOW('T', 0x31, int)`: lock or unlock the slave.
    private static let setLock = UInt(0x4004_5431)
    /// TIOCGPTN, `_IOR('T', 0x30, unsigned int)`: the slave's number.
    private static let getNumber = UInt(0x8004_5430)
  #endif

  /// Opens a raw pseudo-terminal; throws the failing step and errno text.
  static func open() throws(PseudoTerminalError) -> PseudoTerminal {
    #if os(Linux)
      // posix_openpt/grantpt/unlockpt/ptsname as glibc does them, through /dev/ptmx and its ioctls
      // (the Swift Glibc module does not export the XSI pty functions).
      let master = openDevice("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
      guard master >= 0 else { throw PseudoTerminalError(step: "open /dev/ptmx", code: errno) }
    #else
      let master = posix_openpt(O_RDWR | O_NOCTTY)
      guard master >= 0 else { throw PseudoTerminalError(step: "posix_openpt", code: errno) }
    #endif
    var keep = false
    defer { if !keep { close(master) } }
    #if os(Linux)
      var unlock: Int32 = 0
      guard ioctl(master, Self.setLock, &unlock) == 0 else {
        throw PseudoTerminalError(step: "unlockpt", code: errno)
      }
      var number: UInt32 = 0
      guard ioctl(master, Self.getNumber, &number) == 0 else {
        throw PseudoTerminalError(step: "ptsname", code: errno)
      }
      let path = "/dev/pts/\(number)"
    #else
      guard grantpt(master) == 0 else { throw PseudoTerminalError(step: "grantpt", code: errno) }
      guard unlockpt(master) == 0 else { throw PseudoTerminalError(step: "unlockpt", code: errno) }
      guard let pointer = ptsname(master) else { throw PseudoTerminalError(step: "ptsname", code: errno) }
      let path = String(cString: pointer)
    #endif
    let slave = openDevice(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard slave >= 0 else { throw PseudoTerminalError(step: "open \(path)", code: errno) }
    var settings = termios()
    guard tcgetattr(slave, &settings) == 0 else {
      let code = errno
      close(slave)
      throw PseudoTerminalError(step: "tcgetattr", code: code)
    }
    cfmakeraw(&settings)
    guard tcsetattr(slave, TCSANOW, &settings) == 0 else {
      let code = errno
      close(slave)
      throw PseudoTerminalError(step: "tcsetattr", code: code)
    }
    keep = true
    return PseudoTerminal(master: master, slavePath: path, slaveHold: slave)
  }
}

/// `open(2)` under another name, so `PseudoTerminal.open()` does not hide it.
private func openDevice(_ path: String, _ flags: Int32) -> Int32 {
  open(path, flags)
}

/// A pseudo-terminal step that failed.
struct PseudoTerminalError: Error, Sendable, CustomStringConvertible {
  /// The call that failed.
  var step: String
  /// Its errno.
  var code: Int32

  /// "step: reason".
  var description: String {
    "\(step): \(strerror(code).map { String(cString: $0) } ?? "errno \(code)")"
  }
}

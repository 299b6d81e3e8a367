#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opens a tty for Modbus RTU: raw, 8 data bits, the given parity, 1 stop bit, no flow control.
enum SerialPort {
  /// Opens `path` non-blocking and configures it; the caller owns the returned descriptor.
  static func open(path: String, baud: Int, parity: SerialParity) throws(ModbusTransportError) -> CInt {
    guard let speed = speed(baud) else {
      throw .badEndpoint("\(path): unsupported baud rate \(baud)")
    }
    let descriptor = systemOpen(path, O_RDWR | O_NOCTTY | O_NONBLOCK)
    guard descriptor >= 0 else { throw .connectFailed("\(path): \(errnoText())") }
    do {
      try configure(descriptor, path: path, speed: speed, parity: parity)
    } catch {
      _ = systemClose(descriptor)
      throw error
    }
    return descriptor
  }

  /// Applies raw mode, speed, 8 data bits, parity, 1 stop bit, CLOCAL|CREAD, VMIN 1 / VTIME 0.
  ///
  /// VMIN 1 matters: with VMIN 0 a non-blocking read of an empty tty returns 0, which an
  /// event loop takes for end of file.
  private static func configure(
    _ descriptor: CInt, path: String, speed: speed_t, parity: SerialParity
  ) throws(ModbusTransportError) {
    var options = termios()
    guard tcgetattr(descriptor, &options) == 0 else {
      throw .connectFailed("\(path): not a serial port (\(errnoText()))")
    }
    cfmakeraw(&options)
    guard cfsetispeed(&options, speed) == 0, cfsetospeed(&options, speed) == 0 else {
      throw .connectFailed("\(path): cannot set the line speed (\(errnoText()))")
    }
    options.c_cflag &= ~(tcflag_t(CSIZE | PARENB | PARODD | CSTOPB) | tcflag_t(CRTSCTS))
    options.c_cflag |= tcflag_t(CS8 | CLOCAL | CREAD)
    switch parity {
    case .none: break
    case .even: options.c_cflag |= tcflag_t(PARENB)
    case .odd: options.c_cflag |= tcflag_t(PARENB | PARODD)
    }
    options.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
    withUnsafeMutableBytes(of: &options.c_cc) { characters in
      characters[Int(VMIN)] = 1
      characters[Int(VTIME)] = 0
    }
    if tcsetattr(descriptor, TCSANOW, &options) != 0 {
      // A pseudo-terminal carries bytes, not bits, so parity means nothing there, and some
      // kernels refuse PARENB on one: open it without parity rather than not at all.
      guard parity != .none, isPseudoTerminal(path) else {
        throw .connectFailed("\(path): cannot configure the port (\(errnoText()))")
      }
      options.c_cflag &= ~tcflag_t(PARENB | PARODD)
      guard tcsetattr(descriptor, TCSANOW, &options) == 0 else {
        throw .connectFailed("\(path): cannot configure the port (\(errnoText()))")
      }
    }
    _ = tcflush(descriptor, TCIOFLUSH)
  }

  /// The termios speed constant for `baud`, or nil if the rate is not supported.
  static func speed(_ baud: Int) -> speed_t? {
    switch baud {
    case 1200: speed_t(B1200)
    case 2400: speed_t(B2400)
    case 4800: speed_t(B4800)
    case 9600: speed_t(B9600)
    case 19200: speed_t(B19200)
    case 38400: speed_t(B38400)
    case 57600: speed_t(B57600)
    case 115_200: speed_t(B115200)
    default: nil
    }
  }

  /// Whether `path` leads to a pseudo-terminal (/dev/pts/N), as test rigs and socat use.
  static func isPseudoTerminal(_ path: String) -> Bool {
    guard let resolved = realpath(path, nil) else { return false }
    defer { free(resolved) }
    return String(cString: resolved).hasPrefix("/dev/pts/")
  }

  /// The C library's `open`, named apart from this type's own `open`.
  private static func systemOpen(_ path: String, _ flags: CInt) -> CInt {
    #if canImport(Glibc)
      Glibc.open(path, flags)
    #elseif canImport(Musl)
      Musl.open(path, flags)
    #else
      Darwin.open(path, flags)
    #endif
  }

  /// The C library's `close`.
  private static func systemClose(_ descriptor: CInt) -> CInt {
    #if canImport(Glibc)
      Glibc.close(descriptor)
    #elseif canImport(Musl)
      Musl.close(descriptor)
    #else
      Darwin.close(descriptor)
    #endif
  }

  /// The current `errno` as text, e.g. "no such file or directory".
  private static func errnoText() -> String {
    let code = errno
    guard let message = strerror(code) else { return "error \(code)" }
    return String(cString: message).lowercased()
  }
}

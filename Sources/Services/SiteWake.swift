import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The lease holder's doorbell: a datagram on a Linux abstract Unix socket named after the
/// database's real path, so a process that records a sale, a refund or a read request wakes
/// the acquirer at once instead of waiting for its next outbox poll.
///
/// Abstract names leave no file behind and vanish with the process that bound them, so a crashed
/// holder never leaves a stale doorbell; ringing when nobody listens costs one failed `sendto`.
public enum SiteWake {
  /// Rings the doorbell of the process acquiring `database`; true when a listener took it.
  @discardableResult
  public static func ring(database: String) -> Bool {
    let (address, length) = self.address(database: database)
    return ring(address, length)
  }

  /// Sends one datagram to an address; true when a listener took it.
  @discardableResult
  static func ring(_ target: sockaddr_un, _ length: socklen_t) -> Bool {
    let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = target
    let byte: [UInt8] = [1]
    let sent = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
        byte.withUnsafeBytes { sendto(fd, $0.baseAddress, 1, Int32(MSG_DONTWAIT), socketAddress, length) }
      }
    }
    return sent == 1
  }

  /// The abstract socket address for a database: `\0meterdesk-wake-` and a hash of its real path.
  static func address(database: String) -> (sockaddr_un, socklen_t) {
    let canonical = realPath(database)
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in canonical.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let name = [UInt8(0)] + Array("meterdesk-wake-\(String(hash, radix: 16))".utf8)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (index, byte) in name.enumerated() where index < raw.count { raw[index] = byte }
    }
    let length = socklen_t(MemoryLayout<sa_family_t>.size + name.count)
    return (address, length)
  }

  /// The path with symbolic links and relative parts resolved (as given when that fails).
  static func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else {
      return URL(fileURLWithPath: path).standardizedFileURL.path
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// Listens at a database's doorbell on a thread of its own, blocked in `recv` (no CPU while idle),
/// and calls `onRing` for every datagram.
public final class SiteWakeListener: @unchecked Sendable {
  private let fd: Int32
  private let address: sockaddr_un
  private let length: socklen_t
  private let lock = NSLock()
  private var stopped = false
  private let finished = DispatchSemaphore(value: 0)

  /// Why the doorbell could not be opened.
  public struct OpenError: Error, CustomStringConvertible, Sendable {
    /// What failed.
    public var description: String
  }

  /// Binds the doorbell of `database` and starts listening.
  public init(database: String, onRing: @escaping @Sendable () -> Void) throws {
    let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else {
      throw OpenError(description: "wake socket: \(String(cString: strerror(errno)))")
    }
    var (address, length) = SiteWake.address(database: database)
    let bound = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0 else {
      let reason = String(cString: strerror(errno))
      Glibc.close(fd)
      throw OpenError(description: "wake socket for \(database): \(reason)")
    }
    self.fd = fd
    self.address = address
    self.length = length
    let thread = Thread { [self] in
      var buffer = [UInt8](repeating: 0, count: 16)
      while true {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if isStopped { break }
        if count >= 0 { onRing() } else if errno != EINTR { break }
      }
      finished.signal()
    }
    thread.name = "meterdesk-wake"
    thread.start()
  }

  private var isStopped: Bool { lock.withLock { stopped } }

  /// Stops listening and frees the name; waits for the listening thread.
  public func close() {
    let first = lock.withLock {
      defer { stopped = true }
      return !stopped
    }
    guard first else { return }
    SiteWake.ring(address, length)
    finished.wait()
    Glibc.close(fd)
  }

  deinit { close() }
}
